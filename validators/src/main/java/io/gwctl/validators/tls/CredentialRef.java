package io.gwctl.validators.tls;

/**
 * A parsed {@code tls.credentialName} (or {@code credentialNames} entry), resolved as istiod's
 * {@code credentials.ToResourceName} and {@code ParseResourceName} do:
 * <ul>
 *   <li>{@code name} and {@code kubernetes://name}: the Secret {@code name} in the namespace of the gateway workload
 *   (pilot resolves credentials in the proxy's namespace, lint catalogue §2.2);</li>
 *   <li>{@code kubernetes://ns/name} and, because istiod prefixes bare names with {@code kubernetes://},
 *   {@code ns/name}: the Secret in {@code ns};</li>
 *   <li>{@code kubernetes-gateway://ns/name}: the Secret in {@code ns} (the namespace is required);</li>
 *   <li>{@code builtin://...}: the workload's own Istio certificate, no Secret at all.</li>
 * </ul>
 *
 * @param raw       the value as written
 * @param builtin   true for {@code builtin://}: nothing to look up
 * @param namespace the explicit namespace, or null to use the gateway workload's namespace
 * @param name      the Secret name (null when builtin or malformed)
 * @param error     why the value cannot name a Secret, or null
 */
public record CredentialRef(String raw, boolean builtin, String namespace, String name, String error) {
    public static final String KUBERNETES = "kubernetes://";
    public static final String KUBERNETES_GATEWAY = "kubernetes-gateway://";
    public static final String BUILTIN = "builtin://";

    /** Parses a credential name as written in a Gateway server. */
    public static CredentialRef parse(String raw) {
        if (raw.startsWith(BUILTIN)) {
            return new CredentialRef(raw, true, null, null, null);
        }
        boolean gatewayApi = raw.startsWith(KUBERNETES_GATEWAY);
        String rest = gatewayApi ? raw.substring(KUBERNETES_GATEWAY.length())
                : raw.startsWith(KUBERNETES) ? raw.substring(KUBERNETES.length()) : raw;
        String[] parts = rest.split("/", -1);
        String namespace = parts.length > 1 ? parts[0] : null;
        String name = parts.length > 1 ? parts[1] : parts[0];
        if (gatewayApi && (namespace == null || namespace.isEmpty())) {
            return malformed(raw, KUBERNETES_GATEWAY + " needs a namespace: " + KUBERNETES_GATEWAY
                    + "<namespace>/<name>");
        }
        if (namespace != null && namespace.isEmpty()) {
            return malformed(raw, "the namespace before \"/\" is empty");
        }
        if (name.isEmpty()) {
            return malformed(raw, "the Secret name is empty");
        }
        if (parts.length > 2) {
            return malformed(raw, "expected at most one \"/\" (namespace/name)");
        }
        return new CredentialRef(raw, false, namespace, name, null);
    }

    private static CredentialRef malformed(String raw, String error) {
        return new CredentialRef(raw, false, null, null, error);
    }

    /** The namespace the Secret is read from for a gateway workload running in {@code workloadNamespace}. */
    public String namespaceFor(String workloadNamespace) {
        return namespace != null ? namespace : workloadNamespace;
    }

    /** True when the value names its namespace explicitly. */
    public boolean explicitNamespace() {
        return namespace != null;
    }
}
