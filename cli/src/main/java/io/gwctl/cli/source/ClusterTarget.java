package io.gwctl.cli.source;

import java.time.Duration;
import java.util.List;

/**
 * The cluster a command reads, as the flags and the environment name it (resolved into a connection by
 * {@link KubeClientFactory}): the kubeconfig files in merge order ({@code --kubeconfig}, else {@code $KUBECONFIG}'s
 * list, else {@code ~/.kube/config}), whether they came from {@code --kubeconfig} (then the file must exist), the
 * context (null = the current one), the namespace asked about (-n; null = the context's), kubectl's connection
 * flags, and the in-cluster service account when gwctl runs in a pod (null otherwise).
 */
public record ClusterTarget(List<String> kubeconfigs, boolean kubeconfigFlag, String context, String namespace,
                            Connection connection, InCluster inCluster) {
    /** The default time limit of a whole cluster read ({@code --request-timeout}). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public ClusterTarget {
        kubeconfigs = List.copyOf(kubeconfigs);
        connection = connection == null ? Connection.NONE : connection;
    }

    /** A target reading one kubeconfig file with its current context (tests and simple callers). */
    public static ClusterTarget of(String kubeconfig, String context, String namespace) {
        return new ClusterTarget(List.of(kubeconfig), true, context, namespace, Connection.NONE, null);
    }

    /**
     * kubectl's connection flags; null fields are not given. {@code timeout} is the whole read's limit
     * ({@link Duration#ZERO}: none).
     */
    public record Connection(String server, String token, String certificateAuthority, boolean insecure, String as,
                             Duration timeout) {
        public static final Connection NONE = new Connection(null, null, null, false, null, DEFAULT_TIMEOUT);

        public Connection {
            timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        }
    }

    /**
     * The pod's service account, used when no kubeconfig exists: {@code KUBERNETES_SERVICE_HOST} and
     * {@code _PORT}, and the directory holding {@code token}, {@code ca.crt} and {@code namespace}.
     */
    public record InCluster(String host, String port, String accountDir) {
    }
}
