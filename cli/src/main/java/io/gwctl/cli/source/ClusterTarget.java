package io.gwctl.cli.source;

/**
 * The cluster a command reads: the kubeconfig file to use (already resolved from --kubeconfig, $KUBECONFIG or
 * ~/.kube/config), the context (null = the kubeconfig's current context) and the namespace the user asks about
 * (-n; null = the context's namespace). Every namespace is read regardless (see {@link ClusterSnapshotSource}).
 */
public record ClusterTarget(String kubeconfig, String context, String namespace) {
}
