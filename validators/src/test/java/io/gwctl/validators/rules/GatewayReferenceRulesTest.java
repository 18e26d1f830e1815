package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages, hints and edge cases of GW0401–GW0404 beyond the fixtures. */
class GatewayReferenceRulesTest {
    private static final String GATEWAYS = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: istio-system}
            spec:
              servers:
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: [a.example.com, reviews]
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: istio-ingress}
            spec:
              servers:
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: [b.example.com]
            """;

    private static String vs(String namespace, String hosts, String gateways) {
        return GATEWAYS + """
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: vs, namespace: %s}
                spec:
                  hosts: %s
                  gateways: %s
                  http:
                  - route: [{destination: {host: web}}]
                """.formatted(namespace, hosts, gateways);
    }

    @Test
    void notFoundNamesTheLookupAndEveryNamespaceHoldingThatName() {
        List<RuleHarness.Reported> r = RuleHarness.run(new GatewayRefNotFoundRule(), vs("shop", "[a.example.com]", "[gw]"));
        assertThat(r).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("VirtualService shop/vs");
            assertThat(f.pointer()).isEqualTo("/spec/gateways/0");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("Referenced gateway not found: \"gw\" (looked up Gateway shop/gw)");
            assertThat(f.hint()).isEqualTo("a Gateway named \"gw\" exists in namespaces istio-ingress, istio-system: "
                    + "write \"istio-ingress/gw\"");
        });
    }

    @Test
    void aGatewayApiGatewayOfTheInputIsFound() {
        // istiod binds a VirtualService to a gateway.networking.k8s.io Gateway too; gwctl does not translate it, but
        // the reference is not "not found" (Istio's virtualservice_kubernetes_gateways.yaml).
        String yaml = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: my-gateway, namespace: shop}
                spec:
                  gatewayClassName: istio
                  listeners: [{name: http, port: 80, protocol: HTTP}]
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: web, namespace: shop}
                spec:
                  hosts: [web.example.com]
                  gateways: [my-gateway, other/my-gateway]
                  http: [{route: [{destination: {host: web}}]}]
                """;
        assertThat(RuleTesting.findings(yaml, "GW0401")).singleElement().extracting(f -> f.message()).asString()
                .startsWith("Referenced gateway not found: \"other/my-gateway\"");
    }

    @Test
    void notFoundWithoutNamesakesSaysHowToWriteTheReference() {
        List<RuleHarness.Reported> r = RuleHarness.run(new GatewayRefNotFoundRule(),
                vs("shop", "[a.example.com]", "[istio-system/gw, nope.istio-system]"));
        assertThat(r).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo(
                    "Referenced gateway not found: \"nope.istio-system\" (looked up Gateway istio-system/nope)");
            assertThat(f.hint()).contains("create Gateway istio-system/nope");
        });
    }

    @Test
    void shortVirtualServiceHostsAreResolvedBeforeMatching() {
        // "reviews" in namespace default is reviews.default.svc.cluster.local for istiod; the server host "reviews"
        // is a literal name, so nothing matches (istioctl compares the strings as written and stays silent).
        List<RuleHarness.Reported> r = RuleHarness.run(new VsHostNotOnGatewayRule(),
                vs("default", "[reviews]", "[istio-system/gw]"));
        assertThat(r).singleElement().satisfies(f -> {
            assertThat(f.pointer()).isEqualTo("/spec/gateways/0");
            assertThat(f.message()).isEqualTo("one or more host [reviews] defined in VirtualService default/vs not "
                    + "found in Gateway istio-system/gw.");
            assertThat(f.hint()).startsWith("Gateway istio-system/gw exposes [a.example.com reviews] to namespace "
                    + "default");
        });
    }

    @Test
    void aHostOnNoneOfSeveralGatewaysIsReportedOnTheHost() {
        List<RuleHarness.Reported> r = RuleHarness.run(new VsHostNotOnGatewayRule(),
                vs("default", "[a.example.com, b.example.com, c.example.com]", "[istio-system/gw, istio-ingress/gw]"));
        assertThat(r).singleElement().satisfies(f -> {
            assertThat(f.pointer()).isEqualTo("/spec/hosts/2");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("host \"c.example.com\" defined in VirtualService default/vs not found "
                    + "in Gateways istio-system/gw, istio-ingress/gw: istiod builds no route for it");
        });
    }

    @Test
    void repeatedReferencesToOneGatewayAreCheckedOnce() {
        List<RuleHarness.Reported> r = RuleHarness.run(new VsHostNotOnGatewayRule(),
                vs("istio-system", "[x.example.com]", "[gw, istio-system/gw, ./gw]"));
        assertThat(r).extracting(RuleHarness.Reported::pointer).containsExactly("/spec/gateways/0");
    }

    @Test
    void unboundHostsCountRouteMatchBindingsAndRouteTypes() {
        String yaml = GATEWAYS + """
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: by-match, namespace: default}
                spec:
                  hosts: [a.example.com]
                  http:
                  - match: [{gateways: [istio-system/gw]}]
                    route: [{destination: {host: web}}]
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: tcp-only, namespace: default}
                spec:
                  hosts: [b.example.com]
                  gateways: [istio-ingress/gw]
                  tcp:
                  - route: [{destination: {host: web, port: {number: 9000}}}]
                """;
        List<RuleHarness.Reported> r = RuleHarness.run(new GatewayHostUnboundRule(), yaml);
        assertThat(r).extracting(f -> f.resource() + " " + f.pointer()).containsExactly(
                "Gateway istio-system/gw /spec/servers/0/hosts/1",
                "Gateway istio-ingress/gw /spec/servers/0/hosts/0");
        assertThat(r.get(1).severity()).isEqualTo(Severity.INFO);
        assertThat(r.get(1).message()).isEqualTo("Gateway server host \"b.example.com\" (port 80 HTTP) is not bound "
                + "by any VirtualService with http routes: requests for it get 404 (NR)");
    }

    @Test
    void unboundHostsCountOnlyVirtualServicesVisibleToTheGatewayPods() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: ingress-pod, namespace: ingress, labels: {istio: ingress}}
                spec:
                  containers: [{name: istio-proxy, image: istio/proxyv2}]
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: ingress}
                spec:
                  selector: {istio: ingress}
                  servers:
                  - port: {number: 80, name: http, protocol: HTTP}
                    hosts: [exported.example.com, private.example.com]
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: exported, namespace: shop}
                spec:
                  hosts: [exported.example.com]
                  exportTo: [ingress]
                  gateways: [ingress/gw]
                  http:
                  - route: [{destination: {host: web}}]
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: private, namespace: shop}
                spec:
                  hosts: [private.example.com]
                  exportTo: ["."]
                  gateways: [ingress/gw]
                  http:
                  - route: [{destination: {host: web}}]
                """;
        List<RuleHarness.Reported> r = RuleHarness.run(new GatewayHostUnboundRule(), yaml);
        assertThat(r).extracting(RuleHarness.Reported::pointer).containsExactly("/spec/servers/0/hosts/1");
    }
}
