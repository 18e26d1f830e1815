package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayHostSharedRuleTest {
    private static String vs(String name, String created, String gateways, String http) {
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: %s, namespace: shop%s}
                spec:
                  hosts: [shop.example.com]
                  gateways: [%s]
                  http:
                %s---
                """.formatted(name, created == null ? "" : ", creationTimestamp: \"" + created + "\"", gateways,
                http.indent(2));
    }

    @Test
    void fixtureWarnsOnTheShadowedCatchAllAndInformsOnTheSplitHost() {
        List<Finding> f = RuleTesting.fixtureFindings("GW0705");
        assertThat(f).extracting(RuleTesting::line).containsExactlyInAnyOrder(
                "Warning (VirtualService shop/cart :55) More than one Virtual Service for same host: shop.example.com "
                        + "on gateway shop/public is served by VirtualServices shop/frontend, shop/cart, merged in "
                        + "this order (private to the gateway workload's namespace, exported to it, then public; "
                        + "each by creation time, then name, then namespace); in the merged virtual host, http[1] of "
                        + "shop/cart is never used: http[0] (no match) of shop/frontend, merged before it, matches "
                        + "everything it matches (catch-all routes go last, in merge order)",
                "Info (VirtualService shop/users-api :87) api.example.com on gateway shop/public is served by "
                        + "VirtualServices shop/orders-api, shop/users-api: istiod merges their routes into one "
                        + "virtual host in this order (private to the gateway workload's namespace, exported to it, "
                        + "then public; each by creation time, then name, then namespace), catch-all routes last; no "
                        + "route of one shadows a route of another",
                "Info (VirtualService web/blog :28) blog.example.org on gateway istio-system/edge gets a virtual host "
                        + "of its own from VirtualServices web/blog; Envoy picks the most specific domain, so the "
                        + "routes of VirtualServices web/portal (host *) do not apply to requests for blog.example.org");
        assertThat(f).filteredOn(x -> x.severity().label().equals("Warning"))
                .allSatisfy(x -> assertThat(x.aliases()).containsExactly("KIA1106"));
        assertThat(f).filteredOn(x -> x.severity().label().equals("Info"))
                .allSatisfy(x -> assertThat(x.aliases()).isEmpty());
    }

    @Test
    void creationTimeDecidesWhichPrefixWins() {
        String older = vs("general", "2024-01-01T00:00:00Z", "public",
                "- match: [{uri: {prefix: /api}}]\n  route: [{destination: {host: api}}]\n");
        String newer = vs("specific", "2024-06-01T00:00:00Z", "public",
                "- match: [{uri: {prefix: /api/v2}}]\n  route: [{destination: {host: api-v2}}]\n");
        assertThat(RuleTesting.findings(older + newer, "GW0705")).singleElement().satisfies(x -> {
            assertThat(x.resource().friendlyName()).isEqualTo("VirtualService shop/specific");
            assertThat(x.message()).contains("http[0] of shop/specific is never used: http[0] match 0 (prefix /api) "
                    + "of shop/general");
        });
        // Created the other way round, the specific route comes first and nothing is shadowed.
        String olderSpecific = vs("specific", "2024-01-01T00:00:00Z", "public",
                "- match: [{uri: {prefix: /api/v2}}]\n  route: [{destination: {host: api-v2}}]\n");
        String newerGeneral = vs("general", "2024-06-01T00:00:00Z", "public",
                "- match: [{uri: {prefix: /api}}]\n  route: [{destination: {host: api}}]\n");
        assertThat(RuleTesting.findings(olderSpecific + newerGeneral, "GW0705")).singleElement()
                .satisfies(x -> assertThat(x.severity().label()).isEqualTo("Info"));
    }

    @Test
    void matchesForAnotherGatewayAndOtherGatewaysDoNotTakePart() {
        String a = vs("a", "2024-01-01T00:00:00Z", "public, private",
                "- match: [{uri: {prefix: /}, gateways: [private]}]\n  route: [{destination: {host: a}}]\n");
        String b = vs("b", "2024-06-01T00:00:00Z", "public",
                "- match: [{uri: {prefix: /b}}]\n  route: [{destination: {host: b}}]\n");
        String c = vs("c", null, "private2", "- route: [{destination: {host: c}}]\n");
        // On public, a's only match is for gateway private: a gives public's virtual host no route.
        assertThat(RuleTesting.findings(a + b + c, "GW0705")).isEmpty();
        String d = vs("d", "2024-07-01T00:00:00Z", "public",
                "- match: [{uri: {prefix: /d}}]\n  route: [{destination: {host: d}}]\n");
        assertThat(RuleTesting.findings(a + b + c + d, "GW0705")).singleElement().satisfies(x -> assertThat(
                x.message()).startsWith("shop.example.com on gateway shop/public is served by VirtualServices shop/b, "
                + "shop/d: "));
    }

    @Test
    void aVirtualServicePrivateToTheGatewayNamespaceIsMergedBeforePublicOnes() {
        String publicOlder = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: a-public, namespace: apps, creationTimestamp: "2020-01-01T00:00:00Z"}
                spec:
                  hosts: [shop.example.com]
                  gateways: [shop/public]
                  http:
                  - route: [{destination: {host: a}}]
                ---
                """;
        String privateNewer = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: z-private, namespace: shop, creationTimestamp: "2024-01-01T00:00:00Z"}
                spec:
                  hosts: [shop.example.com]
                  gateways: [public]
                  exportTo: ["."]
                  http:
                  - route: [{destination: {host: z}}]
                """;
        // No workload in the input: the gateway's namespace (shop) stands for the workload's.
        assertThat(RuleTesting.findings(publicOlder + privateNewer, "GW0705")).singleElement().satisfies(x -> {
            assertThat(x.resource().friendlyName()).isEqualTo("VirtualService apps/a-public");
            assertThat(x.message()).contains("served by VirtualServices shop/z-private, apps/a-public,")
                    .contains("http[0] of apps/a-public is never used: http[0] (no match) of shop/z-private");
        });
    }
}
