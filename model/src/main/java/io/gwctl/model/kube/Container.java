package io.gwctl.model.kube;

import java.util.List;
import java.util.Map;

/**
 * A pod container: its ports, its literal environment variables ({@code value}, not {@code valueFrom}) and its
 * {@code args} (a gateway runs the {@code proxyv2} image with the {@code router} argument).
 */
public record Container(String name, String image, List<ContainerPort> ports, Map<String, String> env,
                        List<String> args) {
    public Container {
        ports = List.copyOf(ports);
        env = env == null ? Map.of() : Map.copyOf(env);
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A container whose args are unknown (empty). */
    public Container(String name, String image, List<ContainerPort> ports, Map<String, String> env) {
        this(name, image, ports, env, List.of());
    }
}
