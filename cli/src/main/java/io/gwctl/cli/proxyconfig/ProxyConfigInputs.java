package io.gwctl.cli.proxyconfig;

import io.gwctl.cli.Environment;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.GwctlCommand;
import io.gwctl.cli.GwctlException;
import io.gwctl.cli.Inputs;
import io.gwctl.cli.live.GatewayPods;
import io.gwctl.cli.live.LiveConfigDump;
import io.gwctl.cli.options.ClusterOptions;
import io.gwctl.cli.options.ConfigDumpOptions;
import io.gwctl.cli.options.InputOptions;
import io.gwctl.cli.options.IstioNamespaceOptions;
import io.gwctl.cli.options.LiveOptions;
import io.gwctl.cli.options.VerbosityOptions;
import io.gwctl.cli.source.ClusterTarget;
import io.gwctl.cli.source.FileSnapshotSource;
import io.gwctl.cli.source.SnapshotSource;
import io.gwctl.cli.source.SourceResult;
import io.gwctl.model.envoy.ConfigDump;
import io.gwctl.model.envoy.ConfigDumpException;
import io.gwctl.model.envoy.ConfigDumpReader;
import io.gwctl.model.envoy.FullConfigDump;
import io.gwctl.model.load.Exclusions;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.GatewayTranslator;
import io.gwctl.model.translate.GatewayView;
import io.gwctl.model.translate.GatewayWorkloads;
import io.gwctl.model.translate.ServiceTarget;
import io.gwctl.model.translate.WorkloadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The inputs of {@code proxy-config listener|route|all|diff} (a mixin: the workload argument, -f, --config-dump,
 * --live, the cluster options and -v) and how they become the Envoy configuration to print: a config dump as it is, a live
 * proxy's dump, or manifests (files or cluster) translated for the gateway workload named by the argument.
 */
public final class ProxyConfigInputs {
    /** The label of the workload argument, by which {@code pc trace} moves it after its URL. */
    static final String WORKLOAD_LABEL = "[TYPE/]NAME[.NAMESPACE]";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = WORKLOAD_LABEL,
            description = "The gateway workload (pod/NAME, deploy/NAME or NAME, optionally .NAMESPACE) to print; a"
                    + " Deployment and its Pods are one workload. May be omitted when the input has one, or"
                    + " istio-ingressgateway in the -i namespace among several. Not allowed with --config-dump.")
    private String workload;

    @Mixin
    private InputOptions input;
    @Mixin
    private ConfigDumpOptions dump;
    @Mixin
    private LiveOptions live;
    @Mixin
    private ClusterOptions cluster;
    @Mixin
    private IstioNamespaceOptions istio;
    @Mixin
    private VerbosityOptions verbosity;

    /** Reads the configuration the flags name; input problems are reported on stderr on the way. */
    ProxyConfigData read() {
        return read(GatewayTranslator.Detail.FULL);
    }

    /**
     * {@link #read()}, where manifests are translated with only the {@code detail} the command prints (a config dump
     * or a live proxy gives what it has).
     */
    ProxyConfigData read(GatewayTranslator.Detail detail) {
        live.validate();
        if (live.live()) {
            if (input.hasFiles() || dump.configDump() != null) {
                throw new ParameterException(spec.commandLine(),
                        "--live reads the running proxy: it cannot be combined with -f or --config-dump");
            }
            return fromLive(liveWorkload());
        }
        if (dump.configDump() != null && input.hasFiles()) {
            throw new ParameterException(spec.commandLine(), "use either -f (manifests) or --config-dump, not both");
        }
        if (dump.configDump() != null && workload != null) {
            throw new ParameterException(spec.commandLine(),
                    "a workload argument cannot be combined with --config-dump (the dump is one proxy's)");
        }
        if (dump.configDump() != null) {
            return fromDump(GwctlCommand.environment(spec), dump.configDump());
        }
        return fromManifests(detail);
    }

    /**
     * {@code pc diff}'s expected side: the manifests (-f, or the cluster) translated for the workload argument.
     * Checks first that the actual side is named, so that a usage error comes before any reading.
     */
    ProxyConfigData expected() {
        live.validate();
        if (live.live() == (dump.configDump() != null)) {
            throw new ParameterException(spec.commandLine(), live.live()
                    ? "use either --live or --config-dump for what the proxy serves, not both"
                    : "name what the proxy serves: --live (the running gateway) or --config-dump FILE");
        }
        if ("-".equals(dump.configDump()) && input.paths().contains("-")) {
            throw new ParameterException(spec.commandLine(),
                    "-f - and --config-dump - cannot both read standard input");
        }
        return fromManifests(GatewayTranslator.Detail.FULL);
    }

    /** {@code pc diff}'s actual side: --config-dump FILE, or with --live a pod of the workload of {@code expected}. */
    ProxyConfigData actual(ProxyConfigData expected) {
        if (!live.live()) {
            return fromDump(GwctlCommand.environment(spec), dump.configDump());
        }
        GatewayProxy p = expected.proxy();
        GatewayPods.Kind kind = "Pod".equals(p.kind()) ? GatewayPods.Kind.POD : GatewayPods.Kind.DEPLOYMENT;
        return fromLive(new GatewayPods.WorkloadRef(kind, p.name(), p.namespace()));
    }

    /** The manifests (-f, or the cluster) translated for the gateway workload the argument names. */
    private ProxyConfigData fromManifests(GatewayTranslator.Detail detail) {
        SnapshotSource source = Inputs.source(spec, input, cluster, "-f PATH or --config-dump FILE",
                Exclusions.HIDDEN);
        if (detail != GatewayTranslator.Detail.FULL && source instanceof FileSnapshotSource files) {
            // The tables print no line of a resource: the model is loaded without its positions.
            source = files.withoutPositions();
        }
        SourceResult r = Inputs.read(spec, source, input, verbosity.verbose());
        GatewayProxy proxy;
        try {
            proxy = GatewayWorkloads.resolve(r.snapshot(), workload, cluster.namespace(), istio.istioNamespace());
        } catch (WorkloadException e) {
            throw new GwctlException(ExitCodes.USAGE, e.getMessage(), e);
        }
        if (proxy.assumedDefault()) {
            spec.commandLine().getErr().println("gwctl: no gateway workload in the input; assuming Istio's default"
                    + " ingress gateway " + proxy.namespace() + "/" + proxy.name() + " (Service ports "
                    + ports(proxy) + ")");
        }
        if (detail == GatewayTranslator.Detail.ROUTE_TABLE
                && GatewayTranslator.routesOnDemandFor(r.snapshot().size(), Runtime.getRuntime().maxMemory())) {
            // The model leaves no room for the whole route table: each configuration is made when printed.
            detail = GatewayTranslator.Detail.ROUTE_TABLE_ON_DEMAND;
        }
        GatewayView view = Inputs.translate(spec, r.snapshot(), proxy, detail);
        return new ProxyConfigData(view.listeners(), view.routeConfigs(), r.exitCode(), "manifests", proxy,
                view);
    }

    /** {@code 15021, 80→8080, 443→8443}: the Service ports of the proxy, with the target when it differs. */
    private static String ports(GatewayProxy proxy) {
        List<String> out = new ArrayList<>();
        for (ServiceTarget t : proxy.serviceTargets()) {
            int port = t.port().port();
            out.add(port == t.targetPort() ? Integer.toString(port) : port + "\u2192" + t.targetPort());
        }
        return String.join(", ", out);
    }

    private static ProxyConfigData fromDump(Environment env, String path) {
        ConfigDump d = parseDump(env, path, ConfigDumpReader::read);
        return new ProxyConfigData(d.listeners(), d.routeConfigs(), ExitCodes.OK, "-".equals(path) ? "<stdin>" : path,
                null, null);
    }

    /**
     * {@code pc all}: with --config-dump alone, or --live alone, the whole dump (bootstrap versions, clusters, secrets
     * and endpoints besides listeners and route configurations); empty for the other inputs, which {@link #read} reads
     * and checks.
     */
    Optional<FullConfigDump> fullDump() {
        live.validate();
        if (live.live() && dump.configDump() == null && !input.hasFiles()) {
            Environment env = GwctlCommand.environment(spec);
            return Optional.of(LiveConfigDump.readFull(env, liveTarget(env), liveWorkload(), live.adminPort()).dump());
        }
        if (dump.configDump() == null || live.live() || input.hasFiles() || workload != null) {
            return Optional.empty();
        }
        return Optional.of(parseDump(GwctlCommand.environment(spec), dump.configDump(), ConfigDumpReader::readFull));
    }

    /** How a config dump is parsed: {@link ConfigDumpReader#read} or {@link ConfigDumpReader#readFull}. */
    private interface DumpParser<T> {
        T parse(InputStream in, String name) throws ConfigDumpException;
    }

    /** Reads the dump at {@code path} ({@code -} for standard input), with exit 66 or 65 when it cannot. */
    private static <T> T parseDump(Environment env, String path, DumpParser<T> parser) {
        boolean stdin = "-".equals(path);
        String name = stdin ? "<stdin>" : path;
        try {
            if (stdin) {
                return parser.parse(env.stdin().get(), name);
            }
            try (InputStream in = Files.newInputStream(env.fileSystem().getPath(path))) {
                return parser.parse(in, name);
            }
        } catch (NoSuchFileException e) {
            throw new GwctlException(ExitCodes.NO_INPUT, path + ": no such file", e);
        } catch (IOException e) {
            throw new GwctlException(ExitCodes.NO_INPUT, path + ": cannot read: " + e.getMessage(), e);
        } catch (ConfigDumpException e) {
            throw new GwctlException(ExitCodes.DATA_ERROR, e.getMessage(), e);
        }
    }

    /** The live pod the argument names; none: the default ingress gateway's Deployment, in the -i namespace. */
    private GatewayPods.WorkloadRef liveWorkload() {
        if (workload == null) {
            return new GatewayPods.WorkloadRef(GatewayPods.Kind.DEPLOYMENT, GatewayWorkloads.DEFAULT_NAME,
                    istio.istioNamespace());
        }
        try {
            return GatewayPods.WorkloadRef.parse(workload, cluster.namespace());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private ProxyConfigData fromLive(GatewayPods.WorkloadRef ref) {
        Environment env = GwctlCommand.environment(spec);
        LiveConfigDump.Result<ConfigDump> r = LiveConfigDump.read(env, liveTarget(env), ref, live.adminPort());
        return new ProxyConfigData(r.dump().listeners(), r.dump().routeConfigs(), ExitCodes.OK, r.pod(), null,
                null);
    }

    private ClusterTarget liveTarget(Environment env) {
        return cluster.target(env).orElseThrow(() -> new GwctlException(ExitCodes.UNAVAILABLE,
                "--live reads a cluster, and no kubeconfig was found: pass --kubeconfig FILE or set KUBECONFIG"));
    }
}
