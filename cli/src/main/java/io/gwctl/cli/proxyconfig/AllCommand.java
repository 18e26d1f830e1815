package io.gwctl.cli.proxyconfig;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.options.ClusterOptions;
import io.gwctl.model.envoy.FullConfigDump;
import io.gwctl.renderers.table.ConfigDumpSummaryRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gwctl proxy-config all}: istioctl's {@code proxy-config all} summary. From a config dump or a live proxy it
 * has every section istioctl prints (bootstrap versions, clusters, listeners, routes, secrets, endpoints, separated
 * by blank lines); from manifests, the listener and route sections, which are what gwctl computes.
 */
@Command(name = "all", mixinStandardHelpOptions = true, usageHelpAutoWidth = false,
        modelTransformer = ClusterOptions.ProxyConfigHelp.class,
        description = {"Print the summary of 'istioctl proxy-config all': the tables of every kind, each name prefixed"
                + " with its kind (listener/, route/, ...), separated by blank lines.",
            "From --config-dump and --live: bootstrap versions, clusters, listeners, routes, secrets (certificate"
                    + " metadata, never the keys) and endpoints, byte for byte as istioctl. From manifests (-f, or a"
                    + " cluster): the listener and route tables, the only ones gwctl computes."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gwctl pc all --config-dump config_dump.json",
            "  gwctl pc all -f manifests/ deploy/istio-ingressgateway.istio-system"})
public final class AllCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProxyConfigInputs inputs;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Optional<FullConfigDump> dump = inputs.fullDump();
        if (dump.isPresent()) {
            // The VALID CERT column compares each certificate with the time of the run, as istioctl does.
            ConfigDumpSummaryRenderer.render(dump.get(), false, Instant.now(), out);
            return ExitCodes.OK;
        }
        ProxyConfigData data = inputs.read();
        ConfigDumpSummaryRenderer.render(data.listeners(), data.routeConfigs(), out);
        return ExitCodes.combine(data.exitCode(), ExitCodes.OK);
    }
}
