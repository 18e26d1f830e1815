package io.gwctl.cli.completion;

import com.fasterxml.jackson.databind.JsonNode;
import io.gwctl.cli.Environment;
import io.gwctl.cli.completion.ValueCompletion.Dynamic;
import io.gwctl.cli.kube.KubeApi;
import io.gwctl.cli.kube.Kubeconfig;
import io.gwctl.cli.options.ClusterOptions;
import io.gwctl.cli.options.ConfigDumpOptions;
import io.gwctl.cli.options.InputOptions;
import io.gwctl.cli.options.IstioNamespaceOptions;
import io.gwctl.cli.options.RequestTimeoutConverter;
import io.gwctl.cli.source.ClusterTarget;
import io.gwctl.cli.source.FileSnapshotSource;
import io.gwctl.model.Resource;
import io.gwctl.model.Snapshot;
import io.gwctl.model.envoy.ConfigDumpReader;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.envoy.RouteConfigurationsOnDemand;
import io.gwctl.model.kube.Namespace;
import io.gwctl.model.kube.Pod;
import io.gwctl.model.kube.Workload;
import io.gwctl.model.load.LoadOptions;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.GatewayTranslator;
import io.gwctl.model.translate.GatewayView;
import io.gwctl.model.translate.GatewayWorkloads;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The hidden {@code gwctl __complete WHAT WORD...} the completion scripts call for names only gwctl can find:
 * {@code workload} (the proxy-config argument), {@code namespace}, {@code context} and {@code route} (route
 * configuration names for {@code --name}). The WORDs are the command line typed so far, after {@code gwctl} and
 * before the word being completed; their {@code -f}, {@code --config-dump}, {@code -n}, {@code --kubeconfig},
 * {@code --context} and connection flags say where to look: the files of {@code -f} (offline), else the kubeconfig
 * (contexts) or the cluster, with a one-second limit. One candidate a line, sorted; nothing at all, and exit 0, when
 * nothing can be found or anything fails: the shell shows its candidates and never an error. {@link
 * io.gwctl.cli.Main} runs it before building the command tree, so it loads only the classes it needs.
 */
public final class DynamicCandidates {
    /** The command name, the first argument. */
    public static final String COMMAND = "__complete";
    /** The time limit of the cluster reads, connecting included: a completion must not hang the shell. */
    static final Duration CLUSTER_TIMEOUT = Duration.ofSeconds(1);
    /**
     * Replaces {@link #CLUSTER_TIMEOUT}, written as --request-timeout is (e.g. {@code 3s}): for a slow link, and for
     * tests whose loaded machine spends more than a second starting the JVM's HTTP client.
     */
    public static final String TIMEOUT_VARIABLE = "GWCTL_COMPLETION_TIMEOUT";
    private static final String ISTIO_LABEL = "istio";

    private DynamicCandidates() {
    }

    /** Runs {@code __complete} ({@code args[0]}): prints the candidates to {@code out}; always returns 0. */
    public static int run(String[] args, PrintWriter out, Environment env) {
        try {
            for (String c : candidates(Arrays.asList(args).subList(Math.min(1, args.length), args.length), env)) {
                if (!c.isBlank()) {
                    out.println(c);
                }
            }
        } catch (Exception | LinkageError e) {
            // A completion has no place to report a problem: the shell simply gets no candidates.
        }
        out.flush();
        return 0;
    }

    /** The candidates for {@code args} = WHAT WORD... (without the command name). */
    static SortedSet<String> candidates(List<String> args, Environment env) throws Exception {
        SortedSet<String> out = new TreeSet<>();
        Dynamic what = args.isEmpty() ? null : Dynamic.of(args.get(0));
        if (what == null) {
            return out;
        }
        List<String> words = joinSplitValues(args.subList(1, args.size()));
        int last = words.size() - 1;
        String lastWord = last >= 0 ? words.get(last) : "";
        if (lastWord.startsWith("-") && !lastWord.equals("-") && !lastWord.contains("=")) {
            words.remove(last); // the option whose value is being completed
        }
        Line line = new Line();
        new CommandLine(line).setUnmatchedArgumentsAllowed(true).setUnmatchedOptionsArePositionalParams(true)
                .parseArgs(words.toArray(String[]::new));
        switch (what) {
            case CONTEXT -> out.addAll(contexts(line, env));
            case NAMESPACE -> out.addAll(line.hasFiles() ? namespaces(line.snapshot(env))
                    : clusterNamespaces(line, env));
            case WORKLOAD -> out.addAll(line.hasFiles() ? workloads(line.snapshot(env), line.cluster.namespace())
                    : clusterWorkloads(line, env));
            case ROUTE -> out.addAll(routeNames(line, env));
        }
        return out;
    }

    /**
     * The words with bash's split of {@code --option=value} at the {@code =} (its COMP_WORDBREAKS) undone:
     * {@code --namespace}, {@code =}, {@code shop} is {@code --namespace=shop} again.
     */
    static List<String> joinSplitValues(List<String> words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            int last = out.size() - 1;
            if (w.equals("=") && last >= 0 && out.get(last).startsWith("-") && !out.get(last).contains("=")) {
                out.set(last, out.get(last) + "=" + (i + 1 < words.size() ? words.get(++i) : ""));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** The options of the line that say where to look, parsed as the commands parse them. */
    @Command(name = COMMAND)
    static final class Line {
        @Mixin
        InputOptions input;
        @Mixin
        ClusterOptions cluster;
        @Mixin
        ConfigDumpOptions dump;
        @Mixin
        IstioNamespaceOptions istio;
        /** Subcommand names, option values gwctl does not read here, and the workload argument. */
        @Parameters
        List<String> words = new ArrayList<>();

        /** The -f paths but standard input, which a completion never reads. */
        List<String> files() {
            return input.paths().stream().filter(p -> !p.equals("-")).toList();
        }

        boolean hasFiles() {
            return !files().isEmpty();
        }

        Snapshot snapshot(Environment env) {
            // Candidates are names: the model is loaded without positions.
            LoadOptions options = new LoadOptions(cluster.namespaceOrDefault(), env.fileSystem(),
                    InputStream::nullInputStream, LoadOptions.DEFAULT_MAX_FILE_BYTES).withoutPositions();
            return new FileSnapshotSource(files(), options).load().snapshot();
        }

        /** The cluster of the line, with the completion's time limit; empty without a kubeconfig. */
        Optional<ClusterTarget> target(Environment env) {
            String limit = env.variable(TIMEOUT_VARIABLE);
            Duration timeout = limit == null || limit.isBlank() ? CLUSTER_TIMEOUT
                    : new RequestTimeoutConverter().convert(limit.strip());
            return cluster.target(env).map(t -> {
                ClusterTarget.Connection c = t.connection();
                return new ClusterTarget(t.kubeconfigs(), t.kubeconfigFlag(), t.context(), t.namespace(),
                        new ClusterTarget.Connection(c.server(), c.token(), c.certificateAuthority(), c.insecure(),
                                c.as(), timeout), t.inCluster());
            });
        }
    }

    /** The contexts of the kubeconfig files the line names (--kubeconfig, $KUBECONFIG's list, ~/.kube/config). */
    private static List<String> contexts(Line line, Environment env) throws Exception {
        Optional<ClusterTarget> target = line.cluster.target(env);
        if (target.isEmpty()) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        for (String f : target.get().kubeconfigs()) {
            Path p = Path.of(f);
            if (Files.isRegularFile(p)) {
                files.add(p);
            }
        }
        return files.isEmpty() ? List.of() : Kubeconfig.load(files).contextNames();
    }

    /** The namespaces of the input's objects, and its Namespace objects (for any completer of namespaces). */
    public static SortedSet<String> namespaces(Snapshot snapshot) {
        SortedSet<String> out = new TreeSet<>();
        for (Resource r : snapshot.all()) {
            String ns = r instanceof Namespace ? r.metadata().name() : r.metadata().namespace();
            if (ns != null && !ns.isEmpty()) {
                out.add(ns);
            }
        }
        return out;
    }

    /**
     * The gateway workloads, as the argument names them: {@code deploy/NAME.NAMESPACE} or {@code pod/NAME.NAMESPACE};
     * with {@code -n}, only those of that namespace, without the suffix (the argument's namespace defaults to -n).
     */
    private static List<String> workloads(Snapshot snapshot, String namespace) {
        List<String> out = new ArrayList<>();
        for (Workload w : GatewayWorkloads.find(snapshot)) {
            String ref = workload(w instanceof Pod ? "pod" : "deploy", w.metadata().name(), w.metadata().namespace(),
                    namespace);
            if (ref != null) {
                out.add(ref);
            }
        }
        return out;
    }

    /** {@code TYPE/NAME.NS}, {@code TYPE/NAME} when {@code ns} is -n's, null when -n names another namespace. */
    private static String workload(String type, String name, String ns, String wanted) {
        if (wanted != null) {
            return wanted.equals(ns) ? type + "/" + name : null;
        }
        return type + "/" + name + (ns == null || ns.isEmpty() ? "" : "." + ns);
    }

    /**
     * The names of the route configurations of --config-dump, or of the workload the line names (or the default one);
     * for manifests their names only, without building their routes.
     */
    private static List<String> routeNames(Line line, Environment env) throws Exception {
        String dump = line.dump.configDump();
        if (dump != null && !dump.equals("-")) {
            try (InputStream in = Files.newInputStream(env.fileSystem().getPath(dump))) {
                return ConfigDumpReader.read(in, dump).routeConfigs().stream().map(RouteConfiguration::name).toList();
            }
        }
        if (!line.hasFiles()) {
            return List.of();
        }
        Snapshot snapshot = line.snapshot(env);
        GatewayProxy proxy = null;
        for (String word : line.words) {
            proxy = proxy != null ? proxy : resolve(snapshot, word, line);
        }
        proxy = proxy != null ? proxy : resolve(snapshot, null, line);
        List<String> out = new ArrayList<>();
        if (proxy != null) {
            addNames(GatewayTranslator.translate(snapshot, proxy, GatewayTranslator.Detail.ROUTE_TABLE_ON_DEMAND), out);
        } else {
            // several workloads and none the default: the routes of each
            for (Workload w : GatewayWorkloads.find(snapshot)) {
                addNames(GatewayTranslator.translate(snapshot, GatewayWorkloads.proxyFor(snapshot, w),
                        GatewayTranslator.Detail.ROUTE_TABLE_ON_DEMAND), out);
            }
        }
        return out;
    }

    /** The names of a view's route configurations, which it makes on demand: none is made. */
    private static void addNames(GatewayView view, List<String> out) {
        RouteConfigurationsOnDemand routes = (RouteConfigurationsOnDemand) view.routeConfigs();
        for (int i = 0; i < routes.size(); i++) {
            out.add(routes.name(i));
        }
    }

    /** The proxy the word names as the workload argument, or null when it names none. */
    private static GatewayProxy resolve(Snapshot snapshot, String word, Line line) {
        try {
            return GatewayWorkloads.resolve(snapshot, word, line.cluster.namespace(), line.istio.istioNamespace());
        } catch (Exception e) {
            return null;
        }
    }

    private static List<String> clusterNamespaces(Line line, Environment env) throws Exception {
        Optional<ClusterTarget> target = line.target(env);
        if (target.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (KubeApi api = env.kubeClients().api(target.get())) {
            for (JsonNode n : api.await(api.list("/api/v1/namespaces", "namespaces"))) {
                out.add(n.path("metadata").path("name").asText());
            }
        }
        return out;
    }

    /**
     * The gateway Deployments and Pods of the cluster (label {@code istio} = ingressgateway, ingress or
     * egressgateway, as {@link GatewayWorkloads} recognises them without the Gateways), in -n's namespace if given.
     */
    private static List<String> clusterWorkloads(Line line, Environment env) throws Exception {
        Optional<ClusterTarget> target = line.target(env);
        if (target.isEmpty()) {
            return List.of();
        }
        String ns = line.cluster.namespace();
        String scope = ns == null ? "" : "/namespaces/" + URLEncoder.encode(ns, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        try (KubeApi api = env.kubeClients().api(target.get())) {
            // A Deployment's own labels need not carry its pods' istio label: all of them, filtered here.
            CompletableFuture<List<JsonNode>> deployments = api.list("/apis/apps/v1" + scope + "/deployments",
                    "deployments");
            CompletableFuture<List<JsonNode>> pods = api.list("/api/v1" + scope + "/pods?labelSelector="
                    + ISTIO_LABEL, "pods");
            for (JsonNode d : api.await(deployments)) {
                add(out, "deploy", d, d.path("spec").path("template").path("metadata").path("labels"), ns);
            }
            for (JsonNode p : api.await(pods)) {
                add(out, "pod", p, p.path("metadata").path("labels"), ns);
            }
        }
        return out;
    }

    private static void add(List<String> out, String type, JsonNode object, JsonNode podLabels, String wanted) {
        if (!GatewayWorkloads.GATEWAY_ISTIO_LABELS.contains(podLabels.path(ISTIO_LABEL).asText())) {
            return;
        }
        JsonNode meta = object.path("metadata");
        String ref = workload(type, meta.path("name").asText(), meta.path("namespace").asText(), wanted);
        if (ref != null) {
            out.add(ref);
        }
    }
}
