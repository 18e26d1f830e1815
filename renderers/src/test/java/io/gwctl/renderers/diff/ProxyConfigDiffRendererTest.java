package io.gwctl.renderers.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.envoy.FilterChain;
import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.NetworkFilter;
import io.gwctl.model.envoy.Route;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.envoy.RouteMatch;
import io.gwctl.model.envoy.VirtualHost;
import io.gwctl.renderers.diff.ProxyConfigDiffRenderer.Side;
import io.gwctl.renderers.diff.ProxyConfigDiffRenderer.Table;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyConfigDiffRendererTest {
    private static final String VS = "/apis/networking.istio.io/v1/namespaces/default/virtual-service/";

    private static RouteConfiguration http(String name, String host, String... prefixes) {
        List<Route> routes = new ArrayList<>();
        for (String p : prefixes) {
            routes.add(new Route(RouteMatch.prefix(p), Route.Action.CLUSTER, "outbound|80||" + host, VS + "web"));
        }
        return new RouteConfiguration(name, List.of(new VirtualHost(host + ":80", List.of(host), routes, false)));
    }

    private static RouteConfiguration backend(String prefix) {
        return new RouteConfiguration("", List.of(new VirtualHost("backend", List.of("*"),
                List.of(new Route(RouteMatch.prefix(prefix), Route.Action.CLUSTER, "agent", null)), false)));
    }

    private static Listener rds(int port, String routeName) {
        return new Listener("0.0.0.0_" + port, "0.0.0.0", List.of(), port, List.of(new FilterChain(null,
                List.of(new NetworkFilter.HttpConnectionManager(routeName, null)))), null);
    }

    private static String diff(Side expected, Side actual, Table... tables) throws IOException {
        StringWriter out = new StringWriter();
        boolean differ = ProxyConfigDiffRenderer.render(expected, actual,
                tables.length == 0 ? EnumSet.allOf(Table.class) : EnumSet.of(tables[0], tables), out);
        assertThat(differ).isEqualTo(!out.toString().isEmpty());
        return out.toString();
    }

    @Test
    void equalConfigurationsInAnotherRouteOrderPrintNothing() throws IOException {
        List<RouteConfiguration> translated = List.of(http("http.8080", "a.io", "/"), http("https.443.x", "a.io", "/"),
                backend("/stats/prometheus"), backend("/healthz/ready"));
        // Envoy's order: a hash map's (spec §3.4).
        List<RouteConfiguration> dumped = List.of(backend("/healthz/ready"), http("https.443.x", "a.io", "/"),
                backend("/stats/prometheus"), http("http.8080", "a.io", "/"));
        assertThat(diff(new Side("e", List.of(rds(8080, "http.8080")), translated),
                new Side("a", List.of(rds(8080, "http.8080")), dumped))).isEmpty();
    }

    @Test
    void bothSidesShareColumnWidthsSoOnlyChangedRowsShow() throws IOException {
        Side expected = new Side("expected (manifests)", List.of(rds(8080, "http.8080")),
                List.of(http("http.8080", "a.io", "/api", "/"), backend("/healthz/ready")));
        Side actual = new Side("actual (istio-system/gw-1)", List.of(rds(8080, "http.8080"), rds(8443,
                "https.443.https.a-very-long-gateway-name.default")),
                List.of(http("http.8080", "a.io", "/"), backend("/healthz/ready"),
                        http("https.443.https.a-very-long-gateway-name.default", "a.io", "/")));
        assertThat(diff(expected, actual)).isEqualTo("""
                --- expected (manifests)
                +++ actual (istio-system/gw-1)
                @@ -1,2 +1,3 @@ listeners
                 ADDRESSES PORT MATCH DESTINATION
                 0.0.0.0   8080 ALL   Route: http.8080
                +0.0.0.0   8443 ALL   Route: https.443.https.a-very-long-gateway-name.default
                @@ -1,4 +1,4 @@ routes
                 NAME                                                 VHOST NAME     DOMAINS     MATCH               \
                VIRTUAL SERVICE
                -http.8080                                            a.io:80        a.io        /api*               \
                web.default
                 http.8080                                            a.io:80        a.io        /*                  \
                web.default
                +https.443.https.a-very-long-gateway-name.default     a.io:80        a.io        /*                  \
                web.default
                                                                      backend        *           /healthz/ready*    \s
                """);
        assertThat(diff(expected, actual, Table.ROUTE)).doesNotContain("listeners").contains("@@ -1,4 +1,4 @@ routes");
    }

    @Test
    void hunksAreNumberedWithinEachTableWithThreeLinesOfContext() throws IOException {
        List<RouteConfiguration> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(http("http." + (8000 + i), "h" + i + ".io", "/"));
        }
        List<RouteConfiguration> changed = new ArrayList<>(many);
        changed.set(1, http("http.8001", "h1.io", "/v2"));
        changed.set(15, http("http.8015", "h15.io", "/v2"));
        String d = diff(new Side("e", List.of(), many), new Side("a", List.of(), changed), Table.ROUTE);
        assertThat(d.lines().filter(l -> l.startsWith("@@")))
                .containsExactly("@@ -1,6 +1,6 @@ routes", "@@ -14,7 +14,7 @@ routes");
        assertThat(d.lines().filter(l -> l.startsWith("-") && !l.startsWith("---"))).hasSize(2);
    }

    @Test
    void unnamedRouteConfigurationsSortAfterNamedOnesByTheirRows() {
        List<RouteConfiguration> sorted = ProxyConfigDiffRenderer.comparisonOrder(List.of(backend("/stats/prometheus"),
                http("https.443", "a", "/"), backend("/healthz/ready"), http("http.80", "a", "/")));
        assertThat(sorted).extracting(rc -> rc.name().isEmpty()
                ? rc.virtualHosts().get(0).routes().get(0).match().prefix() : rc.name())
                .containsExactly("http.80", "https.443", "/healthz/ready", "/stats/prometheus");
    }

    @Test
    void theUnifiedDiffRendererWritesOneHeaderForAllSections() throws IOException {
        StringWriter out = new StringWriter();
        boolean differ = UnifiedDiffRenderer.render("old", "new", List.of(
                new UnifiedDiffRenderer.Section("one", List.of("a", "b"), List.of("a", "c")),
                new UnifiedDiffRenderer.Section("same", List.of("x"), List.of("x")),
                new UnifiedDiffRenderer.Section("two", List.of(), List.of("z"))), out);
        assertThat(differ).isTrue();
        assertThat(out).hasToString("""
                --- old
                +++ new
                @@ -1,2 +1,2 @@ one
                 a
                -b
                +c
                @@ -0,0 +1,1 @@ two
                +z
                """);
        StringWriter none = new StringWriter();
        assertThat(UnifiedDiffRenderer.render("old", "new", List.of(
                new UnifiedDiffRenderer.Section("same", List.of("x"), List.of("x"))), none)).isFalse();
        assertThat(none).hasToString("");
    }
}
