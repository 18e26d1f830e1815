package io.gwctl.cli.proxyconfig;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gwctl proxy-config} (alias {@code pc}): istioctl's listener, route and all tables (spec §1), and diff. */
@Command(name = "proxy-config", aliases = "pc", mixinStandardHelpOptions = true, usageHelpAutoWidth = false,
        description = {
            "Print the Envoy configuration an Istio ingress gateway will serve, as 'istioctl proxy-config' prints it.",
            "The configuration is computed offline from Gateway/VirtualService/Service/Deployment manifests (-f),"
                    + " read from a cluster (no -f), read from an Envoy config dump (--config-dump), or read from"
                    + " the running gateway proxy (--live). 'diff' compares what the manifests say with what the"
                    + " proxy serves; 'trace' shows which route a request takes."},
        subcommands = {ListenerCommand.class, RouteCommand.class, AllCommand.class, DiffCommand.class,
            TraceCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gwctl pc listener -f manifests/",
            "  gwctl pc route -f manifests/ --name http.8080",
            "  gwctl pc listener --config-dump config_dump.json",
            "  gwctl pc all --config-dump config_dump.json",
            "  gwctl pc route --live deploy/istio-ingressgateway.istio-system",
            "  gwctl pc diff -f manifests/ --live",
            "  gwctl pc trace http://test.io/ -f manifests/"})
public final class ProxyConfigCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "missing command: choose listener, route, all, diff or trace");
    }
}
