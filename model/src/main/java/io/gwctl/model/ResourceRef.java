package io.gwctl.model;

import java.util.Objects;

/** Names a resource in messages: {@code Gateway istio-system/gw}. Namespace may be empty for cluster-scoped kinds. */
public record ResourceRef(String kind, String namespace, String name) implements Comparable<ResourceRef> {

    /** {@code Kind ns/name}, istioctl's FriendlyName form used in messages and suppressions. */
    public String friendlyName() {
        return namespace == null || namespace.isEmpty() ? kind + " " + name : kind + " " + namespace + "/" + name;
    }

    @Override
    public int compareTo(ResourceRef o) {
        int c = kind.compareTo(o.kind);
        if (c != 0) {
            return c;
        }
        c = nullToEmpty(namespace).compareTo(nullToEmpty(o.namespace));
        return c != 0 ? c : name.compareTo(o.name);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        return friendlyName();
    }

    // equals and hashCode are written out (with the values a record's generated ones give) because the generated ones
    // go through method handles, which the C1-only JIT of small and medium runs calls slowly: hot as a map key.
    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceRef r && Objects.equals(kind, r.kind) && Objects.equals(namespace, r.namespace)
                && Objects.equals(name, r.name);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Objects.hashCode(kind) + Objects.hashCode(namespace)) + Objects.hashCode(name);
    }
}
