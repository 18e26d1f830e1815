package io.gwctl.model;

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
}
