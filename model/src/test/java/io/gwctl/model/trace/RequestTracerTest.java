package io.gwctl.model.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.envoy.FilterChain;
import io.gwctl.model.envoy.FilterChainMatch;
import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.NetworkFilter;
import io.gwctl.model.envoy.Redirect;
import io.gwctl.model.envoy.Route;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.envoy.RouteMatch;
import io.gwctl.model.envoy.VirtualHost;
import io.gwctl.model.envoy.WeightedCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTracerTest {
    private static FilterChain http(String rds) {
        return new FilterChain(null, List.of(new NetworkFilter.HttpConnectionManager(rds, null)));
    }

    private static FilterChain sni(List<String> names, NetworkFilter f) {
        return new FilterChain(FilterChainMatch.sni(names), List.of(f));
    }

    private static Listener listener(int port, FilterChain... chains) {
        return new Listener("0.0.0.0_" + port, "0.0.0.0", List.of(), port, List.of(chains), null);
    }

    private static Route cluster(RouteMatch m, String c) {
        return new Route(m, Route.Action.CLUSTER, c, null);
    }

    private static final RouteConfiguration HTTP_80 = new RouteConfiguration("http.8080", List.of(
            new VirtualHost("shop.io:80", List.of("shop.io"), List.of(
                    cluster(new RouteMatch(null, "/cart", null, null, false, false), "cart"),
                    cluster(RouteMatch.prefix("/api"), "api"),
                    cluster(RouteMatch.prefix("/api/v2"), "never"),
                    new Route(RouteMatch.prefix("/split"), Route.Action.WEIGHTED_CLUSTERS, "", null,
                            List.of(new WeightedCluster("a", 90), new WeightedCluster("b", 10)), null, 0, null),
                    new Route(RouteMatch.prefix("/old"), Route.Action.REDIRECT, "", null, List.of(),
                            new Redirect(null, "new.io", 0, null, "/new", 302, false, false), 0, null),
                    new Route(RouteMatch.prefix("/gone"), Route.Action.DIRECT_RESPONSE, "", null, List.of(), null,
                            410, null)), false),
            new VirtualHost("secure.io:80", List.of("secure.io"), List.of(), true)), true);

    private static final TraceContext PORTS = new TraceContext() {
        @Override
        public Map<Integer, Integer> portMap() {
            return Map.of(80, 8080, 443, 8443);
        }

        @Override
        public String portMapSource() {
            return "Service istio-system/istio-ingressgateway";
        }
    };

    private static final RequestTracer TRACER = new RequestTracer(List.of(
            listener(8080, http("http.8080")),
            listener(8443,
                    sni(List.of("*.example.com"), new NetworkFilter.HttpConnectionManager("https.443", null)),
                    sni(List.of("db.example.com"), new NetworkFilter.TcpProxy("outbound|5432||db", false))),
            listener(9000, new FilterChain(null, List.of(new NetworkFilter.TcpProxy("outbound|9000||tcp", false))))),
            List.of(HTTP_80, new RouteConfiguration("https.443", List.of(new VirtualHost("*:443", List.of("*"),
                    List.of(cluster(RouteMatch.prefix("/"), "web")), false)), true)), PORTS);

    private static Trace trace(String url, String... headers) {
        return TRACER.trace(TraceRequest.parse(url, null, List.of(headers), null));
    }

    @Test
    void theServicePortLeadsToItsListenerAndTheFirstMatchingRouteWins() {
        Trace t = trace("http://shop.io/api/v2/cart");
        assertThat(t.steps()).extracting(TraceStep::description).containsExactly("0.0.0.0_8080 (0.0.0.0:8080)",
                "ALL \u2192 HTTP", "http.8080", "shop.io:80 (domain shop.io matches shop.io)", "#2 prefix /api");
        assertThat(t.outcome().kind()).isEqualTo(TraceOutcome.Kind.CLUSTER);
        assertThat(t.outcome().clusters()).containsExactly(new WeightedCluster("api", 0));
        assertThat(t.notes()).containsExactly(
                "port 80 is served on listener port 8080 (Service istio-system/istio-ingressgateway)");
        assertThat(trace("http://shop.io/cart?x=1").outcome().clusters().get(0).name()).isEqualTo("cart");
    }

    @Test
    void weightedClustersRedirectsAndDirectResponses() {
        assertThat(trace("http://shop.io/split").outcome().clusters()).containsExactly(new WeightedCluster("a", 90),
                new WeightedCluster("b", 10));
        TraceOutcome redirect = trace("http://shop.io/old/page?q=1").outcome();
        assertThat(redirect.kind()).isEqualTo(TraceOutcome.Kind.REDIRECT);
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.location()).isEqualTo("http://new.io/new/page?q=1");
        TraceOutcome gone = trace("http://shop.io/gone").outcome();
        assertThat(gone.kind()).isEqualTo(TraceOutcome.Kind.DIRECT_RESPONSE);
        assertThat(gone.status()).isEqualTo(410);
    }

    @Test
    void requireTlsRedirectsPlaintextToHttps() {
        TraceOutcome o = trace("http://secure.io/a?b=c").outcome();
        assertThat(o.kind()).isEqualTo(TraceOutcome.Kind.REDIRECT);
        assertThat(o.status()).isEqualTo(301);
        assertThat(o.location()).isEqualTo("https://secure.io/a?b=c");
    }

    @Test
    void notFoundSaysWhy() {
        TraceOutcome noHost = trace("http://other.io/").outcome();
        assertThat(noHost.kind()).isEqualTo(TraceOutcome.Kind.NOT_FOUND);
        assertThat(noHost.status()).isEqualTo(404);
        assertThat(noHost.reason()).isEqualTo("no virtual host of http.8080 has a domain matching other.io");
        TraceOutcome noRoute = trace("http://shop.io/nothing").outcome();
        assertThat(noRoute.kind()).isEqualTo(TraceOutcome.Kind.NOT_FOUND);
        assertThat(noRoute.reason()).isEqualTo("none of the 6 routes of shop.io:80 matches GET /nothing");
        TraceOutcome noListener = trace("http://shop.io:81/").outcome();
        assertThat(noListener.kind()).isEqualTo(TraceOutcome.Kind.NO_LISTENER);
        assertThat(noListener.kind().served()).isFalse();
    }

    @Test
    void theHostHeaderPortIsIgnoredAndAHostHeaderOverridesTheUrl() {
        assertThat(trace("http://shop.io:8080/api").request().header("host")).isEqualTo("shop.io:8080");
        assertThat(trace("http://shop.io:80/api").request().header("host")).as("curl drops a default port")
                .isEqualTo("shop.io");
        assertThat(trace("http://shop.io/api", "Host: shop.io:8080").outcome().clusters().get(0).name())
                .isEqualTo("api");
        assertThat(trace("http://10.0.0.1/api", "Host: shop.io").outcome().clusters().get(0).name())
                .isEqualTo("api");
    }

    @Test
    void sniPicksTheExactChainBeforeTheWildcardAndPassthroughEndsInATcpProxy() {
        Trace db = TRACER.trace(TraceRequest.parse("https://db.example.com/", null, List.of(), null));
        assertThat(db.outcome().kind()).isEqualTo(TraceOutcome.Kind.TLS_PASSTHROUGH);
        assertThat(db.outcome().clusters()).containsExactly(new WeightedCluster("outbound|5432||db", 0));
        assertThat(db.steps().get(1).description()).isEqualTo("SNI: db.example.com \u2192 TCP proxy");
        Trace web = TRACER.trace(TraceRequest.parse("https://a.b.example.com/", null, List.of(), null));
        assertThat(web.outcome().clusters()).containsExactly(new WeightedCluster("web", 0));
        Trace bySni = TRACER.trace(TraceRequest.parse("https://10.0.0.1/", null, List.of("Host: x.io"),
                "db.example.com"));
        assertThat(bySni.outcome().kind()).isEqualTo(TraceOutcome.Kind.TLS_PASSTHROUGH);
        TraceOutcome none = TRACER.trace(TraceRequest.parse("https://other.io/", null, List.of(), null)).outcome();
        assertThat(none.kind()).isEqualTo(TraceOutcome.Kind.NO_FILTER_CHAIN);
        assertThat(none.reason()).contains("SNI other.io");
    }

    @Test
    void tcpReachesTheTcpProxy() {
        Trace t = TRACER.trace(TraceRequest.parse("tcp://x.io:9000", null, List.of(), null));
        assertThat(t.outcome().kind()).isEqualTo(TraceOutcome.Kind.TCP_PROXY);
        assertThat(t.outcome().clusters()).containsExactly(new WeightedCluster("outbound|9000||tcp", 0));
    }
}
