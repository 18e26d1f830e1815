package io.gwctl.cli.proxyconfig;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.options.ClusterOptions;
import io.gwctl.cli.options.EnumNames;
import io.gwctl.model.translate.GatewayTranslator;
import io.gwctl.renderers.table.ListenerFilter;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gwctl proxy-config listener}: istioctl's listener table (spec §1, §3.2) for one ingress gateway. */
@Command(name = "listener", aliases = {"listeners", "l"}, mixinStandardHelpOptions = true,
        usageHelpAutoWidth = false, modelTransformer = ClusterOptions.ProxyConfigHelp.class,
        description = "Print the listeners of an ingress gateway, byte for byte as 'istioctl proxy-config listener'.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  # the default (or only) gateway workload in the manifests",
            "  gwctl pc listener -f manifests/",
            "  # one workload, TYPE is pod, deploy or deployment; NAMESPACE defaults to -n",
            "  gwctl pc listeners -f manifests/ deploy/istio-ingressgateway.istio-system",
            "  gwctl pc l -f manifests/ --port 8443 --verbose=false",
            "  gwctl pc l --config-dump config_dump.json -o json",
            "  # the running gateway's Envoy (port-forward to its admin port)",
            "  gwctl pc l --live deploy/istio-ingressgateway.istio-system"})
public final class ListenerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProxyConfigInputs inputs;
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "short",
            converter = ProxyConfigPrinter.Formats.class, completionCandidates = ProxyConfigPrinter.Formats.class,
            description = EnumNames.OUTPUT_HELP)
    private ProxyConfigPrinter.Format format;

    @Option(names = "--port", paramLabel = "PORT", description = "Only the listener on this port.")
    private int port;

    @Option(names = "--address", paramLabel = "ADDRESS",
            description = "Only listeners with this address (main or additional, case-insensitive).")
    private String address = "";

    @Option(names = "--type", paramLabel = "TYPE", description = "Only listeners of this type: HTTP, TCP, HTTP+TCP.")
    private String type = "";

    @Option(names = "--verbose", arity = "0..1", fallbackValue = "true", defaultValue = "true",
            paramLabel = "BOOL", description = "MATCH and DESTINATION columns; --verbose=false prints TYPE instead"
                    + " (default: ${DEFAULT-VALUE}).")
    private boolean verboseTable;

    @Override
    public Integer call() throws IOException {
        ProxyConfigData data = inputs.read(GatewayTranslator.Detail.LISTENERS);
        ProxyConfigPrinter.listeners(data, format, new ListenerFilter(address, port, type), verboseTable,
                spec.commandLine().getOut());
        return ExitCodes.combine(data.exitCode(), ExitCodes.OK);
    }
}
