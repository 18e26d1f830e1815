package io.gwctl.model.translate;

import io.gwctl.model.kube.ContainerPort;
import java.util.List;
import java.util.Map;

/**
 * The gateway workload whose view is computed (istioctl's pod argument): its labels and namespace (Gateway selection,
 * VirtualService visibility, source matches), whether it runs unprivileged (listeners below 1024 dropped, spec §8),
 * its container ports and the Service ports that target it (port translation, spec §5.3).
 *
 * @param kind           {@code "Pod"}, {@code "Deployment"} or {@code "default"}
 * @param serviceTargets Services in the pod namespace selecting the pod, ports with resolved targetPort, deduplicated
 * @param assumedDefault true when Istio's default ingress gateway was assumed because the input named none
 */
public record GatewayProxy(String kind, String name, String namespace, Map<String, String> labels,
                           boolean unprivileged, List<ContainerPort> containerPorts,
                           List<ServiceTarget> serviceTargets, boolean assumedDefault) {
    public GatewayProxy {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        containerPorts = containerPorts == null ? List.of() : List.copyOf(containerPorts);
        serviceTargets = serviceTargets == null ? List.of() : List.copyOf(serviceTargets);
    }

    /** {@code kind/namespace/name}, how messages name the workload. */
    public String describe() {
        return kind + " " + namespace + "/" + name;
    }
}
