package io.gwctl.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The parts of Kubernetes object metadata that gwctl uses. {@code creationTimestamp} may be null. */
public record ObjectMeta(String name, String namespace, Map<String, String> labels,
                         Map<String, String> annotations, Instant creationTimestamp,
                         List<OwnerReference> ownerReferences) {
    public ObjectMeta {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        ownerReferences = ownerReferences == null ? List.of() : List.copyOf(ownerReferences);
    }

    /** Metadata without owner references. */
    public ObjectMeta(String name, String namespace, Map<String, String> labels, Map<String, String> annotations,
                      Instant creationTimestamp) {
        this(name, namespace, labels, annotations, creationTimestamp, List.of());
    }

    public static ObjectMeta of(String name, String namespace) {
        return new ObjectMeta(name, namespace, Map.of(), Map.of(), null);
    }

    /** {@code namespace/name}, as istioctl prints resource names. */
    public String key() {
        return namespace + "/" + name;
    }
}
