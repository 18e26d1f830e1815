package io.gwctl.cli.proxyconfig;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.options.ClusterOptions;
import io.gwctl.cli.options.EnumNames;
import io.gwctl.model.translate.GatewayTranslator;
import io.gwctl.renderers.table.RouteFilter;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gwctl proxy-config route}: istioctl's route table (spec §1, §3.3) for one ingress gateway. */
@Command(name = "route", aliases = {"routes", "r"}, mixinStandardHelpOptions = true,
        usageHelpAutoWidth = false, modelTransformer = ClusterOptions.ProxyConfigHelp.class,
        description = "Print the route configurations of an ingress gateway, byte for byte as"
                + " 'istioctl proxy-config route'.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  gwctl pc route -f manifests/",
            "  gwctl pc r -f gw/ deploy/istio-ingressgateway.istio-system --name http.8080",
            "  gwctl pc r -f gateway.yaml -f virtualservice.yaml --verbose=false",
            "  gwctl pc r --config-dump config_dump.json -o yaml",
            "  gwctl pc r --live pod/istio-ingressgateway-7d4f9c-abcde.istio-system"})
public final class RouteCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProxyConfigInputs inputs;
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "short",
            converter = ProxyConfigPrinter.Formats.class, completionCandidates = ProxyConfigPrinter.Formats.class,
            description = EnumNames.OUTPUT_HELP)
    private ProxyConfigPrinter.Format format;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Only the route configuration with exactly this name, e.g. http.8080.")
    private String name = "";

    @Option(names = "--verbose", arity = "0..1", fallbackValue = "true", defaultValue = "true",
            paramLabel = "BOOL", description = "One row per route (VHOST NAME, DOMAINS, MATCH, VIRTUAL SERVICE);"
                    + " --verbose=false prints one row per route configuration with its number of virtual hosts"
                    + " (default: ${DEFAULT-VALUE}).")
    private boolean verboseTable;

    @Override
    public Integer call() throws IOException {
        // The table needs neither the routes' rule sources nor their weighted clusters (JSON and YAML print those).
        ProxyConfigData data = inputs.read(format == ProxyConfigPrinter.Format.SHORT
                ? GatewayTranslator.Detail.ROUTE_TABLE : GatewayTranslator.Detail.FULL);
        ProxyConfigPrinter.routes(data, format, new RouteFilter(name), verboseTable, spec.commandLine().getOut());
        return ExitCodes.combine(data.exitCode(), ExitCodes.OK);
    }
}
