package io.gwctl.cli.proxyconfig;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.options.ClusterOptions;
import io.gwctl.cli.options.EnumNames;
import io.gwctl.model.envoy.Listener;
import io.gwctl.model.trace.GatewayTraceContext;
import io.gwctl.model.trace.PathNormalization;
import io.gwctl.model.trace.RequestTracer;
import io.gwctl.model.trace.Trace;
import io.gwctl.model.trace.TraceContext;
import io.gwctl.model.trace.TraceRequest;
import io.gwctl.renderers.trace.TraceRenderer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gwctl proxy-config trace URL [WORKLOAD]}: which listener, filter chain, route configuration, virtual host and
 * route a request takes through an ingress gateway, and where it ends, with the Gateway server and VirtualService
 * rule behind each step.
 */
@Command(name = "trace", mixinStandardHelpOptions = true, usageHelpAutoWidth = false,
        modelTransformer = TraceCommand.Arguments.class,
        description = {
            "Show which way a request takes through an ingress gateway: listener, filter chain, route configuration,"
                    + " virtual host and route, then the outcome (clusters with weights, a redirect, a direct"
                    + " response, a 404 and why, a TLS passthrough or TCP target). Each step names the Gateway"
                    + " server or VirtualService rule behind it, with file:line when read from files.",
            "Matching follows Envoy's router: virtual host domains exact, then *.suffix and prefix.* wildcards"
                    + " longest first, then *; the Host header's port is ignored when the route configuration says"
                    + " so (every gateway route configuration since Istio 1.18); routes in order, prefix, exact,"
                    + " path-separated prefix and RE2 regex (re2j) paths, headers, query parameters, ignoreUriCase."
                    + " A regex beyond RE2 is reported, not guessed. The URL's port is the gateway Service's port"
                    + " (80 reaches the listener on its targetPort, e.g. 8080). The path is normalized first as"
                    + " Istio's default mesh setting does (--path-normalization).",
            "Exit 0 when the request reaches a cluster, a redirect or a direct response; 79 when it gets a 404,"
                    + " finds no listener or filter chain, or ends where gwctl cannot say."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gwctl pc trace http://test.io/ -f manifests/",
            "  gwctl pc trace https://shop.example.com/api/v2/cart -f gw/ deploy/my-gateway.gateways",
            "  gwctl pc trace http://shop.example.com/api --method POST --header 'x-version: v2' -f gw/",
            "  gwctl pc trace https://10.0.0.1/ --sni db.example.com -f gw/ -o json",
            "  gwctl pc trace tcp://mysql.example.com:3306 --config-dump config_dump.json"})
public final class TraceCommand implements Callable<Integer> {
    /** Istio's ingress gateway chart Service ports (../shared/conformance/defaults), for a dump that has none. */
    private static final Map<Integer, Integer> CHART_PORTS = Map.of(80, 8080, 443, 8443);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL",
            description = "The request: http://HOST[:PORT]/PATH[?QUERY], https://... (TLS, SNI = HOST unless"
                    + " --sni), or tcp://HOST:PORT.")
    private String url;

    @Mixin
    private ProxyConfigInputs inputs;
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "short", converter = Formats.class,
            completionCandidates = Formats.class, description = EnumNames.OUTPUT_HELP)
    private TraceRenderer.Format format;

    @Option(names = {"-H", "--header"}, paramLabel = "NAME:VALUE",
            description = "A request header (repeatable); Host: replaces the URL's host for virtual host matching.")
    private List<String> headers = new ArrayList<>();

    @Option(names = {"-X", "--method"}, paramLabel = "METHOD", description = "The HTTP method (default: GET).")
    private String method;

    @Option(names = "--sni", paramLabel = "NAME",
            description = "The TLS server name an https:// client sends (default: the URL's host).")
    private String sni;

    @Option(names = "--path-normalization", paramLabel = "MODE", defaultValue = "base",
            converter = Normalizations.class, completionCandidates = Normalizations.class,
            description = "What the gateway does to the path before routing, as meshConfig.pathNormalization"
                    + " sets it: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, Istio's: /a/../b is routed"
                    + " as /b, %%41 as A, \\ as /).")
    private PathNormalization normalization;

    @Override
    public Integer call() throws IOException {
        TraceRequest request;
        try {
            request = TraceRequest.parse(url, method, headers, sni);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ProxyConfigData data = inputs.read();
        TraceContext context = data.view() != null ? GatewayTraceContext.of(data.view())
                : dumpContext(data, request.port());
        Trace trace = new RequestTracer(data.listeners(), data.routeConfigs(), context).trace(request, normalization);
        TraceRenderer.render(trace, format, spec.commandLine().getOut());
        return ExitCodes.combine(data.exitCode(), trace.outcome().kind().served() ? ExitCodes.OK : ExitCodes.FINDINGS);
    }

    /**
     * A config dump names no Service: when no listener has the URL's port, the chart's 80→8080 and 443→8443 are
     * assumed if that listener (or, in a dump without listeners, the route configuration {@code http.8080}) exists;
     * the trace's notes say so.
     */
    private static TraceContext dumpContext(ProxyConfigData data, int port) {
        Integer target = CHART_PORTS.get(port);
        List<Listener> listeners = data.listeners();
        boolean direct = listeners.stream().anyMatch(l -> l.port() == port);
        boolean targetExists = target != null && (listeners.stream().anyMatch(l -> l.port() == target)
                || data.routeConfigs().stream().anyMatch(rc -> rc.name().equals("http." + target)));
        if (direct || !targetExists) {
            return TraceContext.NONE;
        }
        Map<Integer, Integer> map = new LinkedHashMap<>(CHART_PORTS);
        return new TraceContext() {
            @Override
            public Map<Integer, Integer> portMap() {
                return map;
            }

            @Override
            public String portMapSource() {
                return "the dump names no Service: Istio's ingress gateway chart ports assumed";
            }
        };
    }

    /** The -o names of {@link TraceRenderer.Format}. */
    static final class Formats extends EnumNames<TraceRenderer.Format> {
        Formats() {
            super(TraceRenderer.Format.class);
        }
    }

    /** The --path-normalization names of {@link PathNormalization}. */
    static final class Normalizations extends EnumNames<PathNormalization> {
        Normalizations() {
            super(PathNormalization.class);
        }
    }

    /** Puts the workload argument after the URL; the cluster options described as for the other pc commands. */
    static final class Arguments implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec s) {
            for (PositionalParamSpec p : new ArrayList<>(s.positionalParameters())) {
                if (ProxyConfigInputs.WORKLOAD_LABEL.equals(p.paramLabel())) {
                    s.remove(p);
                    s.addPositional(PositionalParamSpec.builder(p).index("1").build());
                }
            }
            return ClusterOptions.describeForProxyConfig(s);
        }
    }
}
