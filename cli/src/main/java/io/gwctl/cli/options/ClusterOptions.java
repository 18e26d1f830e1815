package io.gwctl.cli.options;

import io.gwctl.cli.Environment;
import io.gwctl.cli.source.ClusterTarget;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * Namespace scoping and the cluster to read, with kubectl's flags and kubectl's rules for finding the
 * kubeconfig: {@code -n} is the namespace given to namespace-less documents read with -f, the namespace of the
 * workload argument, and, from a cluster, the namespace whose findings validate reports; the connection flags
 * only matter when a cluster is read (no -f, or -f with --with-cluster).
 */
public final class ClusterOptions {
    /** Where a pod's service account token, CA and namespace are mounted. */
    public static final String SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";
    /** Overrides {@link #SERVICE_ACCOUNT_DIR} (tests, and pods that mount the token elsewhere). */
    public static final String SERVICE_ACCOUNT_DIR_VARIABLE = "GWCTL_SERVICE_ACCOUNT_DIR";

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "Namespace of documents without metadata.namespace (default: 'default'), of the workload"
                    + " argument, and, from a cluster, the namespace whose findings validate reports (default: the"
                    + " context's). Every namespace is read: gateways serve Gateways of all namespaces.")
    private String namespace;

    @Option(names = {"-A", "--all-namespaces"},
            description = "From a cluster: validate reports the findings of every namespace, not only -n's"
                    + " (every namespace is read in any case).")
    private boolean allNamespaces;

    /**
     * Rewrites the -n and -A help of a proxy-config command, which prints one gateway's tables: -n places the
     * workload argument and namespace-less documents; -A changes nothing (every namespace is read in any case) and
     * is accepted because istioctl users type it. Called from each command's model transformer.
     */
    public static CommandSpec describeForProxyConfig(CommandSpec spec) {
        redescribe(spec, "--namespace", "Namespace of documents without metadata.namespace (default: 'default') and"
                + " of the workload argument (default: from a cluster, the context's). Every namespace is read:"
                + " gateways serve Gateways and VirtualServices of all namespaces.");
        redescribe(spec, "--all-namespaces", "Accepted as istioctl accepts it; changes nothing here: every namespace"
                + " is read in any case, and the tables are those of the one gateway workload.");
        return spec;
    }

    /** {@link #describeForProxyConfig} as a command's model transformer. */
    public static final class ProxyConfigHelp implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return describeForProxyConfig(spec);
        }
    }

    /** Replaces the help of the option {@code name} of {@code spec}, when it has that option. */
    public static void redescribe(CommandSpec spec, String name, String description) {
        OptionSpec o = spec.findOption(name);
        if (o != null) {
            spec.remove(o);
            spec.addOption(OptionSpec.builder(o).description(description).build());
        }
    }

    @Option(names = "--with-cluster",
            description = "With -f: read the cluster too and apply the files over it (a file's object replaces the"
                    + " cluster's object of the same kind, namespace and name), to see what applying them would do."
                    + " Without it, -f never contacts a cluster.")
    private boolean withCluster;

    @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context to use.")
    private String context;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "The kubeconfig file (default: the files of $KUBECONFIG, merged as kubectl merges them,"
                    + " else ~/.kube/config; in a pod without either, its service account).")
    private String kubeconfig;

    @Option(names = {"-s", "--server"}, paramLabel = "URL", description = "The address of the Kubernetes API server.")
    private String server;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Bearer token for the API server.")
    private String token;

    @Option(names = "--certificate-authority", paramLabel = "FILE",
            description = "A CA certificate file to verify the API server with.")
    private String certificateAuthority;

    @Option(names = "--insecure-skip-tls-verify",
            description = "Do not verify the API server's certificate (insecure).")
    private boolean insecure;

    @Option(names = "--as", paramLabel = "USER", description = "Username to impersonate for the reads.")
    private String as;

    @Option(names = "--request-timeout", paramLabel = "DURATION", converter = RequestTimeoutConverter.class,
            description = "Time limit for the whole cluster read, as kubectl writes it: 5s, 1m, 0 for none"
                    + " (default: 30s).")
    private Duration requestTimeout;

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

    /** True when -f's files are to be applied over the cluster rather than read alone. */
    public boolean withCluster() {
        return withCluster;
    }

    /** True when any of these options is on the command line (a command in gwctl shell then reads its own input). */
    public boolean given() {
        return namespace != null || allNamespaces || withCluster || context != null || kubeconfig != null
                || server != null || token != null || certificateAuthority != null || insecure || as != null
                || requestTimeout != null;
    }

    /**
     * True when the user asked for a cluster explicitly: --kubeconfig, --context, --server, or $KUBECONFIG set.
     */
    public boolean clusterRequested(Environment env) {
        return kubeconfig != null || context != null || server != null || nonEmpty(env.variable("KUBECONFIG"));
    }

    /**
     * The cluster to read: explicitly requested, a kubeconfig at the default location exists, or gwctl runs in a
     * pod ({@code KUBERNETES_SERVICE_HOST}); empty when there is no cluster to talk to.
     */
    public Optional<ClusterTarget> target(Environment env) {
        List<String> files = kubeconfigFiles(env);
        ClusterTarget.InCluster pod = inCluster(env);
        boolean defaultExists = files.stream().anyMatch(f -> new File(f).isFile());
        if (!clusterRequested(env) && !defaultExists && pod == null) {
            return Optional.empty();
        }
        ClusterTarget.Connection connection = new ClusterTarget.Connection(server, token, certificateAuthority,
                insecure, as, requestTimeout);
        return Optional.of(new ClusterTarget(files, kubeconfig != null, context, namespace, connection, pod));
    }

    /** --kubeconfig; else the non-empty entries of $KUBECONFIG in order; else ~/.kube/config. */
    private List<String> kubeconfigFiles(Environment env) {
        if (kubeconfig != null) {
            return List.of(kubeconfig);
        }
        List<String> out = new ArrayList<>();
        String fromEnv = env.variable("KUBECONFIG");
        if (nonEmpty(fromEnv)) {
            for (String f : fromEnv.split(File.pathSeparator)) {
                if (!f.isEmpty() && !out.contains(f)) {
                    out.add(f);
                }
            }
            return out;
        }
        String home = env.variable("HOME");
        if (home != null) {
            out.add(home + File.separator + ".kube" + File.separator + "config");
        }
        return out;
    }

    private static ClusterTarget.InCluster inCluster(Environment env) {
        String host = env.variable("KUBERNETES_SERVICE_HOST");
        if (!nonEmpty(host)) {
            return null;
        }
        String port = env.variable("KUBERNETES_SERVICE_PORT");
        String dir = env.variable(SERVICE_ACCOUNT_DIR_VARIABLE);
        return new ClusterTarget.InCluster(host, nonEmpty(port) ? port : "443",
                nonEmpty(dir) ? dir : SERVICE_ACCOUNT_DIR);
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
