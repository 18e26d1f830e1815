package io.gwctl.model.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.re2j.Pattern;
import io.gwctl.model.Snapshot;
import io.gwctl.model.envoy.ConfigDump;
import io.gwctl.model.envoy.ConfigDumpReader;
import io.gwctl.model.envoy.FilterChain;
import io.gwctl.model.envoy.HeaderMatcher;
import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.NetworkFilter;
import io.gwctl.model.envoy.QueryParameterMatcher;
import io.gwctl.model.envoy.Route;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.envoy.RouteMatch;
import io.gwctl.model.envoy.ValueMatcher;
import io.gwctl.model.envoy.VirtualHost;
import io.gwctl.model.install.InstalledGateways;
import io.gwctl.model.load.LoadOptions;
import io.gwctl.model.load.LoadResult;
import io.gwctl.model.load.ManifestLoader;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.GatewayTranslator;
import io.gwctl.model.translate.GatewayView;
import io.gwctl.model.translate.GatewayWorkloads;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every route of every translation golden (testdata/translate, testdata/operator, testdata/examples, the real-world
 * corpus) and of every istioctl conformance config dump is traced with a request built from that route's own
 * match (a domain of its virtual host, its path, headers and query parameters, on the listener that serves its
 * route configuration): the request must land on that route. The exceptions are listed, each with its reason, in
 * {@code testdata/trace/route-coverage.txt}: a route shadowed by an earlier route of its virtual host (named), a
 * regex for which no sample path was found, a route configuration no listener chain reaches for such a request, a
 * virtual host that redirects plaintext to https ({@code require_tls}) on a plaintext-only listener, an internal
 * listener.
 * Anything else (a request landing on a later route, another virtual host, a 404) fails. The file is compared byte
 * for byte, {@code -Dgwctl.update-golden=true} rewrites it.
 */
class RouteCoverageTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    private static final Path SHARED = ROOT.resolveSibling("shared");
    private static final Path GOLDEN = ROOT.resolve("testdata/trace");

    @Test
    void everyTestdataGoldenRouteIsReachedByARequestBuiltFromItsMatch() throws Exception {
        List<Path> inputs = new ArrayList<>();
        for (String dir : List.of("testdata/translate", "testdata/operator")) {
            inputs.addAll(casesIn(ROOT.resolve(dir)));
        }
        inputs.add(ROOT.resolve("testdata/examples"));
        run(inputs, List.of(), GOLDEN.resolve("route-coverage.txt"));
    }

    @Test
    void everySharedCorpusRouteIsReachedByARequestBuiltFromItsMatch() throws Exception {
        Path printer = SHARED.resolve("conformance/istioctl-printer");
        Path realworld = SHARED.resolve("realworld");
        assumeTrue(Files.isDirectory(printer) && Files.isDirectory(realworld),
                "../shared/conformance/istioctl-printer or ../shared/realworld absent: not traced");
        List<Path> dumps;
        try (Stream<Path> s = Files.walk(printer)) {
            dumps = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        run(casesIn(realworld), dumps, GOLDEN.resolve("route-coverage-shared.txt"));
    }

    private static void run(List<Path> inputs, List<Path> dumps, Path golden) throws Exception {
        List<String> report = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int[] total = new int[2];
        for (Path input : inputs) {
            LoadResult loaded = new ManifestLoader(LoadOptions.defaults()).load(List.of(input.toString()));
            Snapshot snapshot = InstalledGateways.expand(loaded.snapshot(), List.of());
            GatewayProxy proxy = GatewayWorkloads.resolve(snapshot, null, null);
            GatewayView view = GatewayTranslator.translate(snapshot, proxy);
            check(name(input), view.listeners(), view.routeConfigs(), GatewayTraceContext.of(view), report,
                    failures, total);
        }
        for (Path dump : dumps) {
            ConfigDump d;
            try (InputStream in = Files.newInputStream(dump)) {
                d = ConfigDumpReader.read(in, dump.toString());
            }
            check(name(dump), d.listeners(), d.routeConfigs(), TraceContext.NONE, report, failures, total);
            checkWithoutListeners(name(dump), d.listeners(), d.routeConfigs(), TraceContext.NONE, report, failures,
                    total);
        }
        assertThat(failures).as("routes a request built from their own match does not reach").isEmpty();
        report.add(0, "# " + total[0] + " routes traced, " + total[1] + " reached by their own request; the others:");
        String actual = String.join("\n", report) + "\n";
        if (Boolean.getBoolean("gwctl.update-golden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        assertThat(total[1]).as("most routes reach themselves").isGreaterThan(total[0] * 9 / 10);
    }

    private static String name(Path p) {
        Path rel = p.startsWith(ROOT) ? ROOT.relativize(p) : Path.of("../shared").resolve(SHARED.relativize(p));
        return rel.toString();
    }

    private static List<Path> casesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(d -> d.resolve("input.yaml")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Traces every route of every route configuration a listener chain references over HTTP. */
    private static void check(String name, List<Listener> listeners, List<RouteConfiguration> routeConfigs,
                              TraceContext context, List<String> report, List<String> failures, int[] total) {
        RequestTracer tracer = new RequestTracer(listeners, routeConfigs, context);
        for (Listener l : listeners) {
            for (FilterChain c : l.filterChains()) {
                for (NetworkFilter f : c.filters()) {
                    if (!(f instanceof NetworkFilter.HttpConnectionManager hcm)) {
                        continue;
                    }
                    RouteConfiguration rc = hcm.inlineRouteConfig() != null ? hcm.inlineRouteConfig()
                            : routeConfigs.stream().filter(r -> r.name().equals(hcm.rdsRouteConfigName()))
                            .findFirst().orElse(null);
                    if (rc == null) {
                        continue;
                    }
                    String where = name + " " + l.name() + " " + (rc.name().isEmpty() ? "(inline)" : rc.name());
                    traceAll(tracer, context, l, c, rc, where, report, failures, total);
                }
            }
        }
    }

    /**
     * The plaintext route configurations of a dump without listeners ({@code http.<port>}), traced on that port as
     * the tracer finds them.
     */
    private static void checkWithoutListeners(String name, List<Listener> listeners,
                                              List<RouteConfiguration> routeConfigs, TraceContext context,
                                              List<String> report, List<String> failures, int[] total) {
        if (!listeners.isEmpty()) {
            return;
        }
        RequestTracer tracer = new RequestTracer(listeners, routeConfigs, context);
        for (RouteConfiguration rc : routeConfigs) {
            if (!rc.name().matches("http\\.[0-9]+")) {
                continue;
            }
            int port = Integer.parseInt(rc.name().substring("http.".length()));
            Listener none = new Listener("(no listener)", "", List.of(), port, List.of(), null);
            FilterChain plaintext = new FilterChain(null, List.of());
            traceAll(tracer, context, none, plaintext, rc, name + " (no listener) " + rc.name(), report, failures,
                    total);
        }
    }

    /** Traces each route of {@code rc} reached through listener {@code l} and chain {@code c}, and tallies. */
    private static void traceAll(RequestTracer tracer, TraceContext context, Listener l, FilterChain c,
                                 RouteConfiguration rc, String prefix, List<String> report, List<String> failures,
                                 int[] total) {
        for (VirtualHost vh : rc.virtualHosts()) {
            for (int i = 0; i < vh.routes().size(); i++) {
                total[0]++;
                String where = prefix + " " + vh.name() + " #" + (i + 1);
                String result = traceRoute(tracer, context, l, c, vh, i);
                if (result == null) {
                    total[1]++;
                } else if (result.startsWith("FAIL")) {
                    failures.add(where + ": " + result);
                } else {
                    report.add(where + ": " + result);
                }
            }
        }
    }

    /** Null when the route's own request lands on it; else why not ({@code FAIL ...} for a failure). */
    private static String traceRoute(RequestTracer tracer, TraceContext context, Listener l, FilterChain c,
                                     VirtualHost vh, int index) {
        if (l.port() == 0) {
            return "internal listener (no port): no client connects to it";
        }
        Route route = vh.routes().get(index);
        RouteMatch m = route.match();
        String path = samplePath(m);
        if (path == null) {
            return "no sample path for " + RequestTracer.describe(m);
        }
        List<String> headers = new ArrayList<>();
        String method = null;
        String scheme = c.match() != null && !c.match().serverNames().isEmpty() ? "https" : "http";
        for (HeaderMatcher h : m.headers()) {
            String v = sample(h.value());
            if (h.invert()) {
                continue; // the header left out satisfies a withoutHeaders condition
            }
            if (v == null) {
                return "no sample value for header " + h.name();
            }
            switch (h.name()) {
                case ":method" -> method = v;
                case ":scheme" -> scheme = v;
                case ":authority" -> headers.add("Host: " + v);
                default -> headers.add(h.name() + ": " + v);
            }
        }
        List<String> query = new ArrayList<>();
        for (QueryParameterMatcher q : m.queryParameters()) {
            String v = sample(q.value());
            if (v == null) {
                return "no sample value for query parameter " + q.name();
            }
            query.add(q.value().kind() == ValueMatcher.Kind.PRESENT ? q.name() : q.name() + "=" + v);
        }
        String host = sampleHost(vh);
        if (host == null) {
            return "no domain of the virtual host selects it";
        }
        int port = l.port();
        for (Map.Entry<Integer, Integer> e : context.portMap().entrySet()) {
            if (e.getValue() == l.port() && listenerFor(e.getKey(), context) == l.port()) {
                port = e.getKey();
            }
        }
        String url = scheme + "://" + host + ":" + port + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        Trace t = tracer.trace(TraceRequest.parse(url, method, headers, null));
        if (t.route() == route) {
            return null;
        }
        if (t.virtualHost() == vh && vh.requireTls() && !scheme.equals("https")
                && t.outcome().kind() == TraceOutcome.Kind.REDIRECT) {
            return "require_tls: a plaintext request is redirected to https before routing";
        }
        if (t.virtualHost() == vh && t.route() != null) {
            int earlier = vh.routes().indexOf(t.route());
            if (earlier < index) {
                return "shadowed by #" + (earlier + 1) + " " + RequestTracer.describe(t.route().match());
            }
        }
        if (t.steps().stream().noneMatch(s -> s.kind() == TraceStep.Kind.VIRTUAL_HOST)
                && t.outcome().kind() != TraceOutcome.Kind.NOT_FOUND) {
            return "route configuration not reached by " + url + ": " + t.outcome().kind() + " "
                    + t.outcome().reason();
        }
        return "FAIL " + url + " " + t.steps() + " " + t.outcome();
    }

    private static int listenerFor(int port, TraceContext context) {
        return context.portMap().getOrDefault(port, port);
    }

    /** A host name the first usable domain of {@code vh} matches ({@code host:port} domains are old proxies'). */
    private static String sampleHost(VirtualHost vh) {
        for (String d : vh.domains()) {
            if (d.contains(":")) {
                continue;
            }
            return d.equals("*") ? "any-host.trace.invalid" : d.startsWith("*") ? "w" + d.substring(1)
                    : d.endsWith("*") ? d.substring(0, d.length() - 1) + "w" : d;
        }
        return null;
    }

    private static String samplePath(RouteMatch m) {
        if (m.prefix() != null) {
            return m.prefix().isEmpty() || !m.prefix().startsWith("/") ? "/" + m.prefix() : m.prefix();
        }
        if (m.path() != null) {
            return m.path();
        }
        if (m.pathSeparatedPrefix() != null) {
            return m.pathSeparatedPrefix();
        }
        return m.safeRegex() == null ? null : sampleRegex(m.safeRegex());
    }

    private static String sample(ValueMatcher v) {
        return switch (v.kind()) {
            case EXACT, PREFIX, SUFFIX, CONTAINS -> v.value();
            case PRESENT -> "present";
            case REGEX -> sampleRegex(v.value());
            case UNSUPPORTED -> null;
        };
    }

    /** A string the RE2 regex fully matches, from a few rewrites of the pattern itself; null when none works. */
    static String sampleRegex(String regex) {
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (RuntimeException e) {
            return null;
        }
        String stripped = regex.replace("^", "").replace("$", "");
        List<String> candidates = List.of(
                stripped,
                stripped.replace(".*", "").replace(".+", "x"),
                stripped.replace(".*", "x").replace(".+", "x"),
                stripped.replaceAll("\\[[^\\]]*\\][*+?]?", "1").replace(".*", "").replace(".+", "x")
                        .replace("\\", ""),
                stripped.replaceAll("\\(([^|)]*)\\|[^)]*\\)", "$1").replace(".*", "").replace(".+", "x")
                        .replaceAll("\\[[^\\]]*\\][*+?]?", "1").replace("?", "").replace("\\", ""));
        for (String c : candidates) {
            if (p.matches(c)) {
                return c;
            }
        }
        return null;
    }
}
