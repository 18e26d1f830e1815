package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.HttpMatch;
import io.gwctl.model.istio.HttpRoute;
import io.gwctl.model.istio.StringMatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a route of an earlier VirtualService makes a later one's route unreachable, and when it does not. */
class RouteShadowingTest {
    private static HttpMatch uri(StringMatch.Type type, String value) {
        return new HttpMatch(null, new StringMatch(type, value), null, null, null, Map.of(), Map.of(), Map.of(), 0,
                List.of(), Map.of(), null, false);
    }

    private static HttpMatch header(String name, String value) {
        return new HttpMatch(null, null, null, null, null, Map.of(name, new StringMatch(StringMatch.Type.EXACT, value)),
                Map.of(), Map.of(), 0, List.of(), Map.of(), null, false);
    }

    private static HttpRoute route(HttpMatch... matches) {
        return new HttpRoute(null, List.of(matches), List.of(), false, false, null, null, null);
    }

    @Test
    void aRouteWithoutMatchCoversEverything() {
        assertThat(RouteShadowing.covers(route(), route(uri(StringMatch.Type.PREFIX, "/api")))).isTrue();
        assertThat(RouteShadowing.covers(route(uri(StringMatch.Type.PREFIX, "/")), route())).isTrue();
    }

    @Test
    void prefixesCoverLongerPathsOnly() {
        HttpRoute api = route(uri(StringMatch.Type.PREFIX, "/api"));
        assertThat(RouteShadowing.covers(api, route(uri(StringMatch.Type.PREFIX, "/api/v2")))).isTrue();
        assertThat(RouteShadowing.covers(api, route(uri(StringMatch.Type.EXACT, "/api/cart")))).isTrue();
        assertThat(RouteShadowing.covers(api, route(uri(StringMatch.Type.PREFIX, "/web")))).isFalse();
        assertThat(RouteShadowing.covers(api, route())).isFalse();
        assertThat(RouteShadowing.covers(api, route(uri(StringMatch.Type.REGEX, "/api.*")))).isFalse();
    }

    @Test
    void everyMatchOfTheLaterRouteMustBeCovered() {
        HttpRoute api = route(uri(StringMatch.Type.PREFIX, "/api"));
        assertThat(RouteShadowing.covers(api, route(uri(StringMatch.Type.PREFIX, "/api/a"),
                uri(StringMatch.Type.PREFIX, "/other")))).isFalse();
    }

    @Test
    void conditionsNarrowACoverage() {
        HttpRoute canary = route(header("x-canary", "1"));
        assertThat(RouteShadowing.covers(canary, route())).isFalse();
        assertThat(RouteShadowing.covers(canary, route(header("x-canary", "1")))).isTrue();
        assertThat(RouteShadowing.covers(route(), route(header("x-canary", "1")))).isTrue();
    }

    private static String gateway(String name, String created) {
        return """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: %s, namespace: istio-system, creationTimestamp: "%s"}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                  - port: {number: 80, name: http, protocol: HTTP}
                    hosts: [shop.example.com]
                """.formatted(name, created);
    }

    private static String vs(String name, String gateway, String created, String prefix) {
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: %s, namespace: shop, creationTimestamp: "%s"}
                spec:
                  hosts: [shop.example.com]
                  gateways: [istio-system/%s]
                  http:
                  - match: [{uri: {prefix: %s}}]
                    route: [{destination: {host: %s}}]
                """.formatted(name, created, gateway, prefix, name);
    }

    @Test
    void mergedHttpServersWarnOnlyWhenARouteIsShadowed() {
        String gateways = gateway("a", "2025-01-01T00:00:00Z") + "---\n" + gateway("b", "2025-02-01T00:00:00Z");
        List<Finding> disjoint = RuleTesting.findings(gateways + "---\n"
                + vs("web", "a", "2025-01-01T00:00:00Z", "/web") + "---\n"
                + vs("api", "b", "2025-02-01T00:00:00Z", "/api"), "GW0301");
        assertThat(disjoint).hasSize(2).allMatch(f -> f.severity() == Severity.INFO);

        List<Finding> shadowed = RuleTesting.findings(gateways + "---\n"
                + vs("api", "a", "2025-01-01T00:00:00Z", "/api") + "---\n"
                + vs("api-v2", "b", "2025-02-01T00:00:00Z", "/api/v2"), "GW0301");
        assertThat(shadowed).hasSize(2).allMatch(f -> f.severity() == Severity.WARNING);
        assertThat(shadowed).filteredOn(f -> f.resource().name().equals("b")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("route http[0] of VirtualService shop/api-v2 is unreachable: route "
                    + "http[0] of VirtualService shop/api, merged first");
        });

        // istiod moves catch-all routes to the end of the virtual host (SortVHostRoutes, spec §7.4): an earlier
        // VirtualService's prefix / does not hide a later one's /api.
        List<Finding> catchAllFirst = RuleTesting.findings(gateways + "---\n"
                + vs("all", "a", "2025-01-01T00:00:00Z", "/") + "---\n"
                + vs("api", "b", "2025-02-01T00:00:00Z", "/api"), "GW0301");
        assertThat(catchAllFirst).hasSize(2).allMatch(f -> f.severity() == Severity.INFO);
    }
}
