package io.gwctl.cli.source;

/**
 * The cluster a command reads: the kubeconfig file to use (already resolved from --kubeconfig, $KUBECONFIG or
 * ~/.kube/config), the context (null = the kubeconfig's current context), the namespace to read (null = the
 * context's namespace) and whether to read every namespace (-A).
 */
public record ClusterTarget(String kubeconfig, String context, String namespace, boolean allNamespaces) {
}
