package io.gwctl.cli.options;

import io.gwctl.cli.Environment;
import io.gwctl.cli.source.ClusterTarget;
import java.io.File;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Namespace scoping and the cluster to read: {@code -n} is the namespace given to namespace-less documents read
 * with -f, the namespace of the workload argument, and, from a cluster, the namespace whose findings validate
 * reports; {@code -A}, {@code --context} and {@code --kubeconfig} only matter when no -f is given.
 */
public final class ClusterOptions {
    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "Namespace of documents without metadata.namespace (default: 'default'), of the workload"
                    + " argument, and, from a cluster, the namespace whose findings validate reports (default: the"
                    + " context's). Every namespace is read: gateways serve Gateways of all namespaces.")
    private String namespace;

    @Option(names = {"-A", "--all-namespaces"},
            description = "From a cluster: validate reports the findings of every namespace, not only -n's"
                    + " (every namespace is read in any case).")
    private boolean allNamespaces;

    @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context to use.")
    private String context;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "The kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).")
    private String kubeconfig;

    /** The -n value, or null when not given. */
    public String namespace() {
        return namespace;
    }

    /** The -n value, or {@code default}: the namespace of documents that name none (kubectl's rule). */
    public String namespaceOrDefault() {
        return namespace == null ? "default" : namespace;
    }

    public boolean allNamespaces() {
        return allNamespaces;
    }

    /** True when the user asked for a cluster explicitly (--kubeconfig, --context, or $KUBECONFIG is set). */
    public boolean clusterRequested(Environment env) {
        return kubeconfig != null || context != null || nonEmpty(env.variable("KUBECONFIG"));
    }

    /**
     * The cluster to read when no file input was given: explicitly requested, or a kubeconfig at the default
     * location exists; empty when there is no cluster to talk to.
     */
    public Optional<ClusterTarget> target(Environment env) {
        String file = kubeconfigFile(env);
        if (!clusterRequested(env) && (file == null || !new File(file).isFile())) {
            return Optional.empty();
        }
        return Optional.of(new ClusterTarget(file == null ? "~/.kube/config" : file, context, namespace));
    }

    private String kubeconfigFile(Environment env) {
        if (kubeconfig != null) {
            return kubeconfig;
        }
        String fromEnv = env.variable("KUBECONFIG");
        if (nonEmpty(fromEnv)) {
            // kubectl merges a KUBECONFIG list; gwctl reads the first file, which holds the context in most setups.
            return fromEnv.split(File.pathSeparator)[0];
        }
        String home = env.variable("HOME");
        return home == null ? null : home + File.separator + ".kube" + File.separator + "config";
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
