package io.gwctl.renderers.table;

import static io.gwctl.renderers.table.IstioctlPrinterGoldenTest.listeners;
import static org.assertj.core.api.Assertions.assertThat;

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

class ListenerTableRendererTest {

    private static Listener unknown(String name, int port) {
        return new Listener(name, "", List.of(), port, List.of(), null);
    }

    /**
     * 12 listeners with equal sort keys and one that sorts after them: Go's sort.Slice moves the 6th tie to the
     * front (the order go1.21 prints for the same 13-element pattern, see GoSortTest). A 14th tied listener that
     * the type filter removes must not take part in the sort, as istioctl filters before sorting.
     */
    @Test
    void filtersBeforeSortingAndOrdersTiesLikeGo() {
        List<Listener> ls = new ArrayList<>();
        ls.add(unknown("x", 2));
        for (int i = 0; i < 12; i++) {
            ls.add(unknown("t" + i, 1));
        }
        ls.add(new Listener("tcp", "", List.of(), 1, List.of(new FilterChain(null,
                List.of(new NetworkFilter.TcpProxy("c", false)))), null));
        List<String> names = listeners(ls, new ListenerFilter("", 0, "unknown"), false, true).lines()
                .skip(1).map(line -> line.substring("listener/".length(), line.indexOf(' '))).toList();
        assertThat(names).containsExactly("t5", "t0", "t1", "t2", "t3", "t4", "t6", "t7", "t8", "t9", "t10", "t11",
                "x");
    }

    /**
     * Rows sorted by DESTINATION descending, bytewise ("P" > "N" > "I" > "H" > "C"); the two PassthroughCluster rows
     * keep chain order (default chain last). The blackhole proxy is skipped, so its chain has no destination.
     */
    @Test
    void describesMatchesAndDestinationsAsIstioctl() {
        RouteConfiguration matchAll = new RouteConfiguration("inbound|80", List.of(new VirtualHost("v", List.of("*"),
                List.of(new Route(RouteMatch.prefix("/"), Route.Action.CLUSTER, "PassthroughCluster", null)), false)));
        RouteConfiguration twoHosts = new RouteConfiguration("", List.of(
                new VirtualHost("a", List.of("a.io", "a.io:80"), List.of(
                        new Route(RouteMatch.prefix("/p"), Route.Action.CLUSTER, "c", null),
                        new Route(new RouteMatch(null, "/exact", null, null, false, false), Route.Action.CLUSTER, "c",
                                null)), false),
                new VirtualHost("b", List.of("*"), List.of(
                        new Route(new RouteMatch(null, null, "/s", null, false, false), Route.Action.REDIRECT, "",
                                null)), false)));
        Listener l = new Listener("l", "10.0.0.1", List.of("::1"), 9000, List.of(
                new FilterChain(new FilterChainMatch(List.of(), "tls", List.of("istio-peer-exchange", "istio"),
                        List.of("10.0.0.0/8", "fd00::/8"), 9000), List.of(new NetworkFilter.TcpProxy("BlackHoleCluster",
                        true))),
                new FilterChain(new FilterChainMatch(List.of("x.io"), "", List.of("h2", "http/1.1"), List.of(), 443),
                        List.of(new NetworkFilter.Other("envoy.filters.network.rbac"),
                                new NetworkFilter.TcpProxy("", false))),
                new FilterChain(new FilterChainMatch(List.of(), "", List.of("http/1.0", "http/1.1", "h2c"), List.of(),
                        0), List.of(new NetworkFilter.HttpConnectionManager("", matchAll))),
                new FilterChain(new FilterChainMatch(List.of(), "raw_buffer", List.of("istio", "istio-http/1.0",
                        "istio-http/1.1", "istio-h2"), List.of(), 0),
                        List.of(new NetworkFilter.HttpConnectionManager("", twoHosts))),
                new FilterChain(new FilterChainMatch(List.of(), "", List.of("http/1.0", "http/1.1", "h2c",
                        "istio-http/1.0", "istio-http/1.1", "istio-h2"), List.of(), 0),
                        List.of(new NetworkFilter.HttpConnectionManager("", null)))),
                new FilterChain(null, List.of(new NetworkFilter.TcpProxy("PassthroughCluster", false))));
        assertThat(listeners(List.of(l), ListenerFilter.ALL, true, false)).isEqualTo("""
                ADDRESSES    PORT MATCH                                                    DESTINATION
                10.0.0.1,::1 9000 App: HTTP                                                PassthroughCluster
                10.0.0.1,::1 9000 ALL                                                      PassthroughCluster
                10.0.0.1,::1 9000 Trans: tls; App: TCP TLS; Addr: 10.0.0.0/8,fd00::/8:9000 Non-HTTP/Non-TCP
                10.0.0.1,::1 9000 Trans: raw_buffer; App: Istio HTTP Plain                 Inline Route: a.io/a.io:80 /p*, /exact; PathPrefix:/s
                10.0.0.1,::1 9000 App: HTTP TLS                                            HTTP
                10.0.0.1,::1 9000 SNI: x.io; App: h2,http/1.1; Addr: *:443                 Cluster:\s
                """);
        // The blackhole tcp_proxy does not count; the HTTP managers and the two other proxies do.
        assertThat(listeners(List.of(l), ListenerFilter.ALL, false, false)).endsWith("9000 HTTP+TCP\n");
        assertThat(new ListenerFilter("::1", 0, "").verify(l)).isTrue();
        assertThat(new ListenerFilter("10.0.0.2", 0, "").verify(l)).isFalse();
        assertThat(new ListenerFilter("", 9001, "").verify(l)).isFalse();
    }
}
