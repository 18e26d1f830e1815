package io.gwctl.renderers.table;

import static io.gwctl.renderers.table.IstioctlPrinterGoldenTest.listeners;
import static io.gwctl.renderers.table.IstioctlPrinterGoldenTest.routes;
import static io.gwctl.renderers.table.TextAssert.assertSameText;
import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.envoy.BootstrapStatics;
import io.gwctl.model.envoy.FilterChain;
import io.gwctl.model.envoy.FilterChainMatch;
import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.NetworkFilter;
import io.gwctl.model.envoy.Route;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.envoy.RouteMatch;
import io.gwctl.model.envoy.VirtualHost;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** The worked examples of spec §10 and §11, built as records exactly as the spec derives them. */
class SpecExamplesTest {

    private static final String HTTPS_443 = "https.443.https.test-istio-gateway.default";

    private static Listener rdsListener(int port, String routeName) {
        return new Listener("0.0.0.0_" + port, "0.0.0.0", List.of(), port,
                List.of(new FilterChain(null, List.of(new NetworkFilter.HttpConnectionManager(routeName, null)))),
                null);
    }

    private static String vsPath(String version, String ns, String name) {
        return "/apis/networking.istio.io/" + version + "/namespaces/" + ns + "/virtual-service/" + name;
    }

    private static Route route(RouteMatch match, String istioConfig) {
        return new Route(match, Route.Action.CLUSTER, "outbound|80||svc.default.svc.cluster.local", istioConfig);
    }

    private static List<Listener> withStatics(Listener... listeners) {
        List<Listener> all = new ArrayList<>(List.of(listeners));
        all.addAll(BootstrapStatics.listeners());
        return all;
    }

    private static List<RouteConfiguration> withStatics(RouteConfiguration... dynamic) {
        List<RouteConfiguration> all = new ArrayList<>(List.of(dynamic));
        all.addAll(BootstrapStatics.routeConfigs());
        return all;
    }

    @Test
    void section10ListenerTable() {
        // Static listeners come last in a dump and are listed 15090 before 15021: the port sort fixes both.
        assertSameText("""
                ADDRESSES PORT  MATCH DESTINATION
                0.0.0.0   8080  ALL   Route: http.8080
                0.0.0.0   8443  ALL   Route: https.443.https.test-istio-gateway.default
                0.0.0.0   15021 ALL   Inline Route: /healthz/ready*
                0.0.0.0   15090 ALL   Inline Route: /stats/prometheus*
                """, listeners(withStatics(rdsListener(8443, HTTPS_443), rdsListener(8080, "http.8080")),
                ListenerFilter.ALL, true, false));
    }

    @Test
    void section10RouteTableWithBackendRowsEndingInPadding() {
        RouteConfiguration https = new RouteConfiguration(HTTPS_443, List.of(new VirtualHost("*:443", List.of("*"),
                List.of(route(RouteMatch.prefix("/test"), vsPath("v1alpha3", "default", "test-istio"))), false)));
        RouteConfiguration http = new RouteConfiguration("http.8080", List.of(new VirtualHost("test.io:80",
                List.of("test.io"), List.of(route(RouteMatch.prefix("/"), vsPath("v1alpha3", "default", "test-gw"))),
                false)));
        String expected = "NAME                                           VHOST NAME     DOMAINS     MATCH                  VIRTUAL SERVICE\n"
                + "https.443.https.test-istio-gateway.default     *:443          *           /test*                 test-istio.default\n"
                + "http.8080                                      test.io:80     test.io     /*                     test-gw.default\n"
                + "                                               backend        *           /stats/prometheus*" + " ".repeat(5) + "\n"
                + "                                               backend        *           /healthz/ready*" + " ".repeat(8) + "\n";
        String actual = routes(withStatics(https, http), RouteFilter.ALL, true, false);
        assertSameText(expected, actual);
        // Envoy's block order is unspecified (spec §3.4): another order is the same table as a multiset.
        List<RouteConfiguration> reordered = new ArrayList<>(List.of(http, https));
        reordered.add(BootstrapStatics.routeConfigs().get(1));
        reordered.add(BootstrapStatics.routeConfigs().get(0));
        assertThat(RouteTableComparison.difference(expected, routes(reordered, RouteFilter.ALL, true, false))).isNull();
    }

    @Test
    void section10BlackholeVariant() {
        RouteConfiguration blackhole = new RouteConfiguration("http.8080",
                List.of(new VirtualHost("blackhole:80", List.of("*"), List.of(), false)));
        assertSameText("NAME          VHOST NAME       DOMAINS     MATCH                  VIRTUAL SERVICE\n"
                + "http.8080     blackhole:80     *           /*                     404\n"
                + "              backend          *           /stats/prometheus*     \n"
                + "              backend          *           /healthz/ready*        \n",
                routes(withStatics(blackhole), RouteFilter.ALL, true, false));
    }

    @Test
    void section11ListenerTableSortsChainsByDestinationDescending() {
        Listener l443 = new Listener("0.0.0.0_443", "0.0.0.0", List.of(), 443, List.of(
                new FilterChain(FilterChainMatch.sni(List.of("c.example.com")), List.of(
                        new NetworkFilter.TcpProxy("outbound|8443||c-svc.default.svc.cluster.local", false))),
                new FilterChain(FilterChainMatch.sni(List.of("a.example.com", "b.example.com")), List.of(
                        new NetworkFilter.HttpConnectionManager("https.443.https.gw.istio-system", null)))), null);
        assertSameText("""
                ADDRESSES PORT  MATCH                            DESTINATION
                0.0.0.0   80    ALL                              Route: http.80
                0.0.0.0   443   SNI: a.example.com,b.example.com Route: https.443.https.gw.istio-system
                0.0.0.0   443   SNI: c.example.com               Cluster: outbound|8443||c-svc.default.svc.cluster.local
                0.0.0.0   15021 ALL                              Inline Route: /healthz/ready*
                0.0.0.0   15090 ALL                              Inline Route: /stats/prometheus*
                """, listeners(withStatics(l443, rdsListener(80, "http.80")), ListenerFilter.ALL, true, false));
    }

    @Test
    void section11RouteTableSummarisesCollapsedDomains() {
        String multi = vsPath("v1", "default", "multi");
        List<Route> routes = List.of(
                route(new RouteMatch(null, "/x", null, null, false, false), multi),
                route(new RouteMatch(null, null, null, "/y.*", false, false), multi),
                route(new RouteMatch("/", null, null, null, true, false), multi),
                route(RouteMatch.prefix("/"), multi));
        RouteConfiguration http = new RouteConfiguration("http.80", List.of(new VirtualHost("long-name.example.com:80",
                List.of("long-name.example.com", "a.example.com", "b.example.com", "c.example.com"), routes, false)));
        RouteConfiguration https = new RouteConfiguration("https.443.https.gw.istio-system", List.of(new VirtualHost(
                "a.example.com:443", List.of("a.example.com", "b.example.com"), routes, false)));
        List<String> lines = routes(withStatics(http, https), RouteFilter.ALL, true, false).lines().toList();
        assertThat(lines).hasSize(11);
        assertThat(lines.subList(0, 6)).containsExactly(
                "NAME                                VHOST NAME                   DOMAINS                                              MATCH                  VIRTUAL SERVICE",
                "http.80                             long-name.example.com:80     long-name.example.com, a.example.com + 2 more...     /x                     multi.default",
                "http.80                             long-name.example.com:80     long-name.example.com, a.example.com + 2 more...     regex /y.*             multi.default",
                "http.80                             long-name.example.com:80     long-name.example.com, a.example.com + 2 more...     /*                     multi.default",
                "http.80                             long-name.example.com:80     long-name.example.com, a.example.com + 2 more...     /*                     multi.default",
                "https.443.https.gw.istio-system     a.example.com:443            a.example.com, b.example.com                         /x                     multi.default");
    }
}
