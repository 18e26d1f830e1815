package io.gwctl.model;

import java.time.Instant;
import java.util.Map;

/** The parts of Kubernetes object metadata that gwctl uses. {@code creationTimestamp} may be null. */
public record ObjectMeta(String name, String namespace, Map<String, String> labels,
                         Map<String, String> annotations, Instant creationTimestamp) {
    public ObjectMeta {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public static ObjectMeta of(String name, String namespace) {
        return new ObjectMeta(name, namespace, Map.of(), Map.of(), null);
    }

    /** {@code namespace/name}, as istioctl prints resource names. */
    public String key() {
        return namespace + "/" + name;
    }
}
