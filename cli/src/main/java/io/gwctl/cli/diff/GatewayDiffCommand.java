package io.gwctl.cli.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gwctl.cli.Environment;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.GwctlCommand;
import io.gwctl.cli.GwctlException;
import io.gwctl.cli.Inputs;
import io.gwctl.cli.options.ClusterOptions;
import io.gwctl.cli.options.EnumNames;
import io.gwctl.cli.options.IstioNamespaceOptions;
import io.gwctl.cli.options.VerbosityOptions;
import io.gwctl.cli.source.ClusterSnapshotSource;
import io.gwctl.cli.source.ClusterTarget;
import io.gwctl.cli.source.FileSnapshotSource;
import io.gwctl.cli.source.SourceResult;
import io.gwctl.model.Origin;
import io.gwctl.model.Printable;
import io.gwctl.model.Snapshot;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.kube.Pod;
import io.gwctl.model.load.Exclusions;
import io.gwctl.model.load.LoadOptions;
import io.gwctl.model.load.ParseCache;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.GatewayTranslator;
import io.gwctl.model.translate.GatewayView;
import io.gwctl.model.translate.GatewayWorkloads;
import io.gwctl.model.translate.WorkloadException;
import io.gwctl.renderers.diff.ProxyConfigDiffRenderer;
import io.gwctl.renderers.diff.ProxyConfigDiffRenderer.Side;
import io.gwctl.renderers.diff.ProxyConfigDiffRenderer.Table;
import io.gwctl.renderers.diff.RowChanges;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gwctl diff BASE HEAD [WORKLOAD]}: what a change does to the gateways. Both sides are translated for every
 * gateway workload present on either side (or the one named) and compared as istioctl's listener and route tables
 * ({@link ProxyConfigDiffRenderer}); each changed route row is traced to the VirtualService and Gateways behind it,
 * with their {@code file:line} on the HEAD side. One side may be the live cluster ({@code cluster:}), read as
 * {@code pc route} reads it; the other side then stands for the namespaces its files are in
 * ({@link NamespaceScope}).
 */
@Command(name = "diff", mixinStandardHelpOptions = true, usageHelpAutoWidth = false,
        modelTransformer = GatewayDiffCommand.Help.class,
        description = {
            "Show what a change to the manifests does to each gateway: the listener and route tables (as 'istioctl"
                    + " proxy-config' prints them) of BASE and of HEAD, as a unified diff per gateway workload.",
            "BASE and HEAD are each a file, a directory, - (standard input) or cluster: (the live cluster of the"
                    + " kubeconfig, --context and --kubeconfig, read as 'pc route' reads it); at most one side each"
                    + " of - and cluster:. Exit 0 and no output when nothing changes, 79 when something does.",
            "With cluster: as a side, the files stand for the namespaces they have objects in: the cluster's"
                    + " objects there are replaced by the files', and every other namespace (the gateway workloads'"
                    + " and shared Gateways' in istio-system too, unless the files have objects there) is the"
                    + " cluster's on both sides. Other teams' routes therefore do not show as removed, and a host"
                    + " the files take from another team still shows. -n NS compares namespace NS only; -A compares"
                    + " every namespace: the files are then the whole of the cluster."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # a pull request: the target branch checked out beside the change",
            "  git worktree add ../base origin/main && gwctl diff ../base/manifests manifests",
            "  # one gateway, its route table, as a pull-request comment",
            "  gwctl diff old/ new/ deploy/my-gateway.gateways --table route -o markdown",
            "  # what applying one team's directory would change on the live gateways",
            "  gwctl diff cluster: teams/shop/ --context prod",
            "  # the live cluster against the whole repository, every namespace",
            "  gwctl diff cluster: manifests/ -A"})
public final class GatewayDiffCommand implements Callable<Integer> {
    /** The argument that names the live cluster as a side. */
    public static final String CLUSTER_SIDE = "cluster:";

    /** The cluster flags as diff uses them: -n and -A scope the comparison; no --with-cluster (cluster: is a side). */
    public static final class Help implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            var withCluster = spec.findOption("--with-cluster");
            if (withCluster != null) { // absent when the model was transformed already (gwctl shell)
                spec.remove(withCluster);
            }
            ClusterOptions.redescribe(spec, "--namespace", "Namespace of documents without metadata.namespace"
                    + " (default: 'default'); with cluster: as a side, the only namespace compared (the files'"
                    + " objects in other namespaces are left out, and the cluster's kept on both sides).");
            ClusterOptions.redescribe(spec, "--all-namespaces", "With cluster: as a side, compare every namespace:"
                    + " the files stand for the whole cluster (default: only the namespaces the files have objects"
                    + " in).");
            return spec;
        }
    }

    /** The tables compared. */
    enum TableChoice { LISTENER, ROUTE, ALL }

    /** The output formats. */
    enum Format { TEXT, JSON, MARKDOWN }

    static final class TableNames extends EnumNames<TableChoice> {
        TableNames() {
            super(TableChoice.class);
        }
    }

    static final class Formats extends EnumNames<Format> {
        Formats() {
            super(Format.class);
        }
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE", description = "The manifests before the change: a file, a"
            + " directory, - or cluster:.")
    private String base;

    @Parameters(index = "1", paramLabel = "HEAD", description = "The manifests after the change: a file, a"
            + " directory, - or cluster:.")
    private String head;

    @Parameters(index = "2", arity = "0..1", paramLabel = "[TYPE/]NAME[.NAMESPACE]",
            description = "Compare only this gateway workload (pod/NAME, deploy/NAME or NAME, optionally .NAMESPACE);"
                    + " by default every gateway workload of either side.")
    private String workload;

    @Option(names = "--table", paramLabel = "TABLE", defaultValue = "all", converter = TableNames.class,
            completionCandidates = TableNames.class,
            description = "The tables to compare: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private TableChoice table;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", converter = Formats.class,
            completionCandidates = Formats.class, description = EnumNames.OUTPUT_HELP)
    private Format format;

    @Mixin
    private ClusterOptions cluster;
    @Mixin
    private IstioNamespaceOptions istio;
    @Mixin
    private VerbosityOptions verbosity;

    /** The two sides' files with the same bytes, parsed once: a change touches a few files of a repository. */
    private final ParseCache parses = new ParseCache();

    /** One side read: the label in headers and the snapshot. */
    private record Input(String label, Snapshot snapshot, int exitCode) {
    }

    /** The comparison of one workload. */
    record WorkloadDiff(String workload, boolean assumedDefault, String text, List<RowChanges.Change> changes, List<String> notes,
                        List<Provenance> provenance) {
    }

    /** The resources behind one changed route row, on the HEAD side (the BASE side for a removed row). */
    record Provenance(String virtualService, String virtualServiceAt, List<String> gateways) {
    }

    @Override
    public Integer call() throws IOException {
        for (String side : List.of(base, head)) {
            if (side.startsWith(CLUSTER_SIDE) && !side.equals(CLUSTER_SIDE)) {
                throw new ParameterException(spec.commandLine(), "\"" + side + "\": the cluster side is cluster:"
                        + " alone; pick the cluster with --context NAME or --kubeconfig FILE (./" + side
                        + " names a file)");
            }
        }
        if ("-".equals(base) && "-".equals(head)) {
            throw new ParameterException(spec.commandLine(), "BASE and HEAD cannot both read standard input");
        }
        if (CLUSTER_SIDE.equals(base) && CLUSTER_SIDE.equals(head)) {
            throw new ParameterException(spec.commandLine(), "BASE and HEAD cannot both be the cluster: compare"
                    + " cluster: with a file or a directory");
        }
        Set<Table> tables = switch (table) {
            case LISTENER -> EnumSet.of(Table.LISTENER);
            case ROUTE -> EnumSet.of(Table.ROUTE);
            case ALL -> EnumSet.allOf(Table.class);
        };
        Input b;
        Input h;
        if (CLUSTER_SIDE.equals(base)) {
            h = read(head);
            b = readCluster();
            h = scoped(h, b);
        } else if (CLUSTER_SIDE.equals(head)) {
            b = read(base);
            h = readCluster();
            b = scoped(b, h);
        } else {
            b = read(base);
            h = read(head);
            if (verbosity.verbose()) {
                spec.commandLine().getErr().println("gwctl: " + parses.hits() + " file(s) of " + Printable.escape(
                        h.label()) + " have the same bytes as one of " + Printable.escape(b.label())
                        + ": parsed once");
            }
        }
        List<WorkloadDiff> diffs = new ArrayList<>();
        for (String key : workloads(b.snapshot(), h.snapshot())) {
            WorkloadDiff d = compare(key, b, h, tables);
            if (!d.changes().isEmpty()) {
                diffs.add(d);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!diffs.isEmpty() || format == Format.JSON) {
            switch (format) {
                case TEXT -> diffs.forEach(d -> printText(d, out));
                case JSON -> printJson(diffs, out);
                case MARKDOWN -> printMarkdown(diffs, out);
            }
        }
        out.flush();
        int code = ExitCodes.combine(b.exitCode(), h.exitCode());
        return ExitCodes.combine(code, diffs.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS);
    }

    private Input read(String path) {
        Environment env = GwctlCommand.environment(spec);
        LoadOptions options = new LoadOptions(cluster.namespaceOrDefault(), env.fileSystem(), env.stdin(),
                LoadOptions.DEFAULT_MAX_FILE_BYTES, Exclusions.HIDDEN);
        SourceResult r = Inputs.read(spec, new FileSnapshotSource(List.of(path), options, parses),
                verbosity.verbose(), true);
        return new Input("-".equals(path) ? "<stdin>" : path, r.snapshot(), r.exitCode());
    }

    /** The live cluster, read once and whole, with the same source and error handling as {@code pc route}. */
    private Input readCluster() {
        Environment env = GwctlCommand.environment(spec);
        Optional<ClusterTarget> target = cluster.target(env);
        if (target.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "cluster: needs a cluster: no kubeconfig found (pass"
                    + " --kubeconfig FILE or --context NAME)");
        }
        SourceResult r = Inputs.read(spec, new ClusterSnapshotSource(target.get(), env.kubeClients()),
                verbosity.verbose(), true);
        return new Input(CLUSTER_SIDE, r.snapshot(), r.exitCode());
    }

    /**
     * The file side as the cluster would hold it once synced ({@link NamespaceScope}): whole with -A, the namespace
     * of -n, else the namespaces the files have objects in.
     */
    private Input scoped(Input files, Input live) {
        if (cluster.allNamespaces()) {
            return files;
        }
        Set<String> scope = cluster.namespace() != null ? Set.of(cluster.namespace())
                : NamespaceScope.of(files.snapshot());
        PrintWriter err = spec.commandLine().getErr();
        if (scope.isEmpty()) {
            err.println("gwctl: " + Printable.escape(files.label()) + " has no namespaced objects: no namespace"
                    + " compared (-n NS compares one, -A every namespace)");
        } else if (verbosity.verbose()) {
            err.println("gwctl: compared namespace(s) " + Printable.escape(String.join(", ", scope)) + "; the"
                    + " cluster's other namespaces are on both sides (-A compares every namespace)");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new Input(files.label(), NamespaceScope.apply(live.snapshot(), files.snapshot(), scope, now),
                files.exitCode());
    }

    /**
     * The workloads compared: the one named; else the gateway workloads of BASE then HEAD, each once; else (neither
     * side has one) a single null, Istio's default ingress gateway.
     */
    private List<String> workloads(Snapshot b, Snapshot h) {
        Set<String> out = new LinkedHashSet<>();
        if (workload != null) {
            out.add(workload);
            return new ArrayList<>(out);
        }
        for (Snapshot s : List.of(b, h)) {
            for (var w : GatewayWorkloads.find(s)) {
                out.add((w instanceof Pod ? "pod/" : "deployment/") + w.metadata().name() + "."
                        + (w.metadata().namespace() == null || w.metadata().namespace().isEmpty() ? "default"
                        : w.metadata().namespace()));
            }
        }
        List<String> list = new ArrayList<>(out);
        if (list.isEmpty()) {
            list.add(null);
        }
        return list;
    }

    private WorkloadDiff compare(String key, Input b, Input h, Set<Table> tables) throws IOException {
        GatewayProxy pb = resolve(b.snapshot(), key);
        GatewayProxy ph = resolve(h.snapshot(), key);
        if (pb == null && ph == null) {
            throw new GwctlException(ExitCodes.USAGE, "gateway workload " + key + " is in neither " + b.label()
                    + " nor " + h.label());
        }
        GatewayProxy proxy = ph != null ? ph : pb;
        String name = ("Pod".equals(proxy.kind()) ? "pod/" : "deployment/") + proxy.name() + "." + proxy.namespace();
        Side sb = side(b, pb);
        Side sh = side(h, ph);
        StringWriter text = new StringWriter();
        ProxyConfigDiffRenderer.render(sb, sh, tables, text);
        List<RowChanges.Change> changes = RowChanges.of(sb, sh, tables);
        List<String> notes = new ArrayList<>();
        List<Provenance> provenance = new ArrayList<>();
        for (RowChanges.Change c : changes) {
            Provenance p = c.table() == Table.ROUTE ? provenance(c, c.after() != null ? h : b, proxy) : null;
            provenance.add(p);
            if (p != null) {
                List<String> row = c.current();
                notes.add((c.after() == null ? "removed " : c.before() == null ? "added " : "changed ")
                        + row.get(0) + " " + row.get(1) + " " + row.get(3) + ": VirtualService " + p.virtualService()
                        + " (" + p.virtualServiceAt() + ")"
                        + (p.gateways().isEmpty() ? "" : ", Gateway " + String.join(", ", p.gateways())));
            }
        }
        return new WorkloadDiff(name, proxy.assumedDefault(), text.toString(), changes, notes, provenance);
    }

    private GatewayProxy resolve(Snapshot s, String key) {
        try {
            return GatewayWorkloads.resolve(s, key, null, istio.istioNamespace());
        } catch (WorkloadException e) {
            return null; // not on this side: everything it serves is added or removed
        }
    }

    private static Side side(Input in, GatewayProxy proxy) {
        if (proxy == null) {
            return new Side(in.label(), List.of(), List.of());
        }
        GatewayView v = GatewayTranslator.translate(in.snapshot(), proxy);
        return new Side(in.label(), v.listeners(), v.routeConfigs());
    }

    /**
     * The VirtualService named in the row's last column ({@code name.namespace}) and the Gateways of {@code in} that
     * select the proxy and that it binds to; null when the row has none (a blackhole or a bootstrap route).
     */
    private static Provenance provenance(RowChanges.Change c, Input in, GatewayProxy proxy) {
        String vs = c.current().get(4);
        int dot = vs.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String vsName = vs.substring(0, dot);
        String vsNs = vs.substring(dot + 1);
        VirtualService found = null;
        for (VirtualService v : in.snapshot().virtualServices()) {
            if (v.metadata().name().equals(vsName) && vsNs.equals(v.metadata().namespace())) {
                found = v;
                break;
            }
        }
        if (found == null) {
            return null;
        }
        Set<String> bound = new LinkedHashSet<>();
        for (String g : found.gateways()) {
            bound.add(g.contains("/") ? g : vsNs + "/" + g);
        }
        List<String> gateways = new ArrayList<>();
        for (Gateway g : GatewayWorkloads.gatewaysFor(in.snapshot(), proxy.labels())) {
            String id = g.metadata().namespace() + "/" + g.metadata().name();
            if (bound.contains(id)) {
                gateways.add(id + " (" + at(g.origin()) + ")");
            }
        }
        return new Provenance(vsNs + "/" + vsName, at(found.origin()), gateways);
    }

    /** Where an object is defined: its {@code file:line}, or {@code cluster:} for an object read from the cluster. */
    private static String at(Origin o) {
        String file = o.fileAndLine(o.line());
        return file.isEmpty() ? CLUSTER_SIDE : Printable.escape(file);
    }

    private static void printText(WorkloadDiff d, PrintWriter out) {
        out.println("# " + title(d));
        out.print(d.text());
        for (String n : d.notes()) {
            out.println("# " + n);
        }
    }

    /** The workload as a heading: its name, and whether it was assumed because no side has a gateway workload. */
    private static String title(WorkloadDiff d) {
        return d.workload() + (d.assumedDefault() ? " (no gateway workload in the input: Istio's default ingress"
                + " gateway)" : "");
    }

    private static void printMarkdown(List<WorkloadDiff> diffs, PrintWriter out) {
        int rows = diffs.stream().mapToInt(d -> d.changes().size()).sum();
        out.println("**gwctl diff**: " + (rows == 0 ? "no change to the gateways' listeners and routes."
                : rows + " changed table row" + (rows == 1 ? "" : "s") + " in " + diffs.size() + " gateway workload"
                + (diffs.size() == 1 ? "" : "s") + "."));
        for (WorkloadDiff d : diffs) {
            out.println();
            out.println("#### " + title(d).replace("`", "'"));
            out.println();
            out.println("```diff");
            out.print(d.text().replace("```", "`\u200b``"));
            out.println("```");
            for (String n : d.notes()) {
                out.println("- " + n.replace("`", "'"));
            }
        }
    }

    private static void printJson(List<WorkloadDiff> diffs, PrintWriter out) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        ArrayNode changes = root.putArray("changes");
        for (WorkloadDiff d : diffs) {
            for (int i = 0; i < d.changes().size(); i++) {
                RowChanges.Change c = d.changes().get(i);
                List<String> row = c.current();
                ObjectNode n = changes.addObject();
                n.put("kind", c.table() == Table.LISTENER ? "listener" : "route");
                n.put("change", c.before() == null ? "added" : c.after() == null ? "removed" : "changed");
                n.put("workload", d.workload());
                n.put("assumedDefault", d.assumedDefault());
                if (c.table() == Table.LISTENER) {
                    n.put("name", row.get(0) + "_" + row.get(1));
                    n.putNull("vhost");
                    n.putNull("domains");
                    n.put("match", row.get(2));
                } else {
                    n.put("name", row.get(0));
                    n.put("vhost", row.get(1));
                    n.put("domains", row.get(2));
                    n.put("match", row.get(3));
                }
                n.put("before", c.before() == null ? null : String.join(" ", c.before()).strip());
                n.put("after", c.after() == null ? null : String.join(" ", c.after()).strip());
                Provenance p = d.provenance().get(i);
                if (p != null) {
                    n.put("virtualService", p.virtualService());
                    n.put("virtualServiceAt", p.virtualServiceAt());
                    ArrayNode gws = n.putArray("gateways");
                    p.gateways().forEach(gws::add);
                }
            }
        }
        out.println(json.writeValueAsString(root));
    }
}
