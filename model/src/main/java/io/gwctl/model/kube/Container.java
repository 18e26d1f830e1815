package io.gwctl.model.kube;

import java.util.List;
import java.util.Map;

/** A pod container: its ports and its literal environment variables ({@code value}, not {@code valueFrom}). */
public record Container(String name, String image, List<ContainerPort> ports, Map<String, String> env) {
    public Container {
        ports = List.copyOf(ports);
        env = env == null ? Map.of() : Map.copyOf(env);
    }
}
