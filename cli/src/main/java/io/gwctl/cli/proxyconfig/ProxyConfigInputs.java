package io.gwctl.cli.proxyconfig;

import io.gwctl.cli.Environment;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.GwctlCommand;
import io.gwctl.cli.GwctlException;
import io.gwctl.cli.Inputs;
import io.gwctl.cli.options.ClusterOptions;
import io.gwctl.cli.options.ConfigDumpOptions;
import io.gwctl.cli.options.InputOptions;
import io.gwctl.cli.options.IstioNamespaceOptions;
import io.gwctl.cli.options.VerbosityOptions;
import io.gwctl.cli.source.SourceResult;
import io.gwctl.model.envoy.ConfigDump;
import io.gwctl.model.envoy.ConfigDumpException;
import io.gwctl.model.envoy.ConfigDumpReader;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The inputs of {@code proxy-config listener|route} (a mixin: the workload argument, -f, --config-dump, the
 * cluster options and -v) and how they become the Envoy configuration to print: a config dump as it is, or
 * manifests (files or cluster) translated for the gateway workload named by the argument.
 */
public final class ProxyConfigInputs {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "[TYPE/]NAME[.NAMESPACE]",
            description = "The gateway workload (pod/NAME, deploy/NAME or NAME, optionally .NAMESPACE) to print; a"
                    + " Deployment and its Pods are one workload. May be omitted when the input has one, or"
                    + " istio-ingressgateway in the -i namespace among several. Not allowed with --config-dump.")
    private String workload;

    @Mixin
    private InputOptions input;
    @Mixin
    private ConfigDumpOptions dump;
    @Mixin
    private ClusterOptions cluster;
    @Mixin
    private IstioNamespaceOptions istio;
    @Mixin
    private VerbosityOptions verbosity;

    /** Reads the configuration the flags name; input problems are reported on stderr on the way. */
    ProxyConfigData read() {
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
        SourceResult r = Inputs.read(spec, Inputs.source(spec, input, cluster, "-f PATH or --config-dump FILE",
                file -> false), verbosity.verbose(), input.allowEmpty());
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
        GatewayView view = GatewayTranslator.translate(r.snapshot(), proxy);
        return new ProxyConfigData(view.listeners(), view.routeConfigs(), r.exitCode());
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
        boolean stdin = "-".equals(path);
        String name = stdin ? "<stdin>" : path;
        try {
            ConfigDump d;
            if (stdin) {
                d = ConfigDumpReader.read(env.stdin().get(), name);
            } else {
                try (InputStream in = Files.newInputStream(env.fileSystem().getPath(path))) {
                    d = ConfigDumpReader.read(in, name);
                }
            }
            return new ProxyConfigData(d.listeners(), d.routeConfigs(), ExitCodes.OK);
        } catch (NoSuchFileException e) {
            throw new GwctlException(ExitCodes.NO_INPUT, path + ": no such file", e);
        } catch (IOException e) {
            throw new GwctlException(ExitCodes.NO_INPUT, path + ": cannot read: " + e.getMessage(), e);
        } catch (ConfigDumpException e) {
            throw new GwctlException(ExitCodes.DATA_ERROR, e.getMessage(), e);
        }
    }
}
