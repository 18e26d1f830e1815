package io.gwctl.model;

import java.util.Objects;

/**
 * A resource's namespace and name as one map key. Indexes of thousands of resources keyed by a
 * {@code namespace + "/" + name} string paid a new string of about 60 bytes per resource (20 MB at 100,000
 * Gateways); this key holds the two strings the resource already has, and its hash comes from their cached hashes.
 *
 * @param namespace the namespace, "" for none
 * @param name      the name
 */
public record NamespacedName(String namespace, String name) {
    /** The key of {@code namespace}/{@code name}, a null namespace read as "". */
    public static NamespacedName of(String namespace, String name) {
        return new NamespacedName(namespace == null ? "" : namespace, name);
    }

    // Written out: a record's generated equals and hashCode link through ObjectMethods' method handles at the first
    // call, about twenty classes spun at run time that the class-data archive does not hold (a small run 30 ms).
    @Override
    public boolean equals(Object o) {
        return o instanceof NamespacedName n && Objects.equals(namespace, n.namespace) && Objects.equals(name, n.name);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(namespace) + Objects.hashCode(name);
    }

    /** The key of a resource's metadata. */
    public static NamespacedName of(ObjectMeta meta) {
        return of(meta.namespace(), meta.name());
    }
}
