package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.Coverage;
import io.gwctl.model.Kind;
import io.gwctl.model.Snapshot;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Severity;
import io.gwctl.validators.RuleContext;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.rules.RuleHarness.Reported;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GW0601-GW0604: VirtualService destinations against Services, ServiceEntries and DestinationRules. */
class DestinationRulesTest {
    private static final String SERVICES = """
            apiVersion: v1
            kind: Service
            metadata: {name: cart, namespace: shop}
            spec:
              selector: {app: cart}
              ports: [{name: http, port: 80}, {name: grpc, port: 9090}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: orders, namespace: billing}
            spec:
              selector: {app: orders}
              ports: [{name: http, port: 8080}]
            ---
            """;

    private static String vs(String namespace, String destination) {
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: vs, namespace: %s}
                spec:
                  hosts: [shop.example.com]
                  gateways: [istio-system/gw]
                  http:
                  - route:
                    - destination: %s
                """.formatted(namespace, destination);
    }

    private static List<String> messages(List<Reported> r) {
        return r.stream().map(x -> x.severity().label() + " " + x.pointer() + " " + x.message()).toList();
    }

    @Test
    void shortNameOfAnotherNamespaceIsReportedWithWhereTheServiceIs() {
        List<Reported> r = RuleHarness.run(new DestinationHostNotFoundRule(), SERVICES + vs("shop", "{host: orders}"));
        assertThat(messages(r)).containsExactly("Error /spec/http/0/route/0/destination/host Referenced host not "
                + "found: \"orders\" (looked up Service orders.shop.svc.cluster.local; no such Service, but a Service "
                + "orders exists in namespace billing)");
    }

    @Test
    void typoOfAServiceOfTheNamespaceIsReported() {
        List<Reported> r = RuleHarness.run(new DestinationHostNotFoundRule(), SERVICES + vs("shop", "{host: crat}"));
        assertThat(r).singleElement().satisfies(x -> assertThat(x.message()).endsWith(
                "no such Service, but namespace shop has Service cart)"));
    }

    @Test
    void aServiceMissingFromFilesWithoutASignOfAMistakeIsSkippedButReportedFromACluster() {
        String yaml = SERVICES + vs("shop", "{host: payments}");
        DestinationHostNotFoundRule rule = new DestinationHostNotFoundRule();
        assertThat(RuleHarness.run(rule, yaml)).isEmpty();
        Snapshot files = RuleHarness.load(yaml);
        assertThat(rule.partlySkipped(RuleContext.of(files, ValidateOptions.defaults()))).isEqualTo("for 1 "
                + "destination host the input cannot resolve: payments.shop.svc.cluster.local (no such Service in the "
                + "input)");
        Snapshot cluster = Snapshot.builder().addAll(files.all())
                .coverage(new Coverage(Set.of(Kind.SERVICE), List.of())).build();
        assertThat(messages(RuleHarness.run(rule, cluster))).containsExactly("Error "
                + "/spec/http/0/route/0/destination/host Referenced host not found: \"payments\" (looked up Service "
                + "payments.shop.svc.cluster.local; no such Service)");
    }

    @Test
    void halfQualifiedNameIsReportedWithTheFqdnToWrite() {
        List<Reported> r = RuleHarness.run(new DestinationHostNotFoundRule(), SERVICES
                + vs("shop", "{host: orders.billing}"));
        assertThat(r).singleElement().satisfies(x -> {
            assertThat(x.message()).isEqualTo("Referenced host not found: \"orders.billing\" (istiod completes only "
                    + "names without a dot, and Service billing/orders is orders.billing.svc.cluster.local)");
            assertThat(x.hint()).isEqualTo("Write \"orders.billing.svc.cluster.local\".");
        });
    }

    @Test
    void externalHostsNeedAServiceEntryWithLabelBoundaries() {
        String se = """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: partners, namespace: shop}
                spec:
                  hosts: ["*.partner.com"]
                  ports: [{number: 443, name: tls, protocol: TLS}]
                ---
                """;
        DestinationHostNotFoundRule rule = new DestinationHostNotFoundRule();
        assertThat(RuleHarness.run(rule, se + vs("shop", "{host: eu.partner.com}"))).isEmpty();
        // "*.partner.com" does not cover "otherpartner.com": a Warning, since a ServiceEntry may live elsewhere.
        assertThat(RuleHarness.run(rule, se + vs("shop", "{host: otherpartner.com}"))).singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.WARNING));
        // Without any ServiceEntry in the input, an external host is not judged.
        String alone = vs("shop", "{host: api.example.com}");
        assertThat(RuleHarness.run(rule, alone)).isEmpty();
        assertThat(rule.partlySkipped(RuleContext.of(RuleHarness.load(alone), ValidateOptions.defaults())))
                .isEqualTo("for 1 destination host the input cannot resolve: api.example.com (no ServiceEntries in "
                        + "the input)");
    }

    @Test
    void serviceExportedToItsOwnNamespaceIsNotVisibleElsewhere() {
        String svc = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: pay
                  namespace: payments
                  annotations: {networking.istio.io/exportTo: "."}
                spec:
                  ports: [{name: http, port: 80}]
                ---
                """;
        DestinationHostNotFoundRule rule = new DestinationHostNotFoundRule();
        assertThat(messages(RuleHarness.run(rule, svc + vs("shop", "{host: pay.payments.svc.cluster.local}"))))
                .containsExactly("Error /spec/http/0/route/0/destination/host Referenced host not found: "
                        + "\"pay.payments.svc.cluster.local\" (Service payments/pay declares it but is exported only to "
                        + "payments (.), not to namespace shop)");
        assertThat(RuleHarness.run(rule, svc + vs("payments", "{host: pay}"))).isEmpty();
    }

    @Test
    void aGatewayRoutesOnlyToServicesExportedToItsOwnNamespace() {
        String yaml = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: pay
                  namespace: payments
                  annotations: {networking.istio.io/exportTo: "."}
                spec:
                  ports: [{name: http, port: 80}]
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: istio-system}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                  - port: {number: 80, name: http, protocol: HTTP}
                    hosts: ["*"]
                ---
                """ + vs("payments", "{host: pay}");
        // istioctl looks from the VirtualService's namespace (payments) and finds it; the gateway in istio-system
        // has no cluster for it.
        assertThat(RuleHarness.run(new DestinationHostNotFoundRule(), yaml)).singleElement().satisfies(x ->
                assertThat(x.message()).isEqualTo("Referenced host not found: \"pay\" by the gateway: Service "
                        + "payments/pay is exported only to payments (.), and gateway workload "
                        + "istio-system/istio-ingressgateway (Gateway istio-system/gw) cannot see it"));
        assertThat(RuleHarness.run(new DestinationHostNotFoundRule(), yaml.replace("exportTo: \".\"",
                "exportTo: \".,istio-system\""))).isEmpty();
    }

    @Test
    void portMustBeAPortOfTheService() {
        List<Reported> r = RuleHarness.run(new DestinationPortNotFoundRule(), SERVICES
                + vs("shop", "{host: cart, port: {number: 8080}}"));
        assertThat(messages(r)).containsExactly("Error /spec/http/0/route/0/destination/port/number Referenced "
                + "host:port not found: \"cart:8080\" (Service shop/cart has ports [80 9090])");
        assertThat(RuleHarness.run(new DestinationPortNotFoundRule(), SERVICES
                + vs("shop", "{host: cart, port: {number: 9090}}"))).isEmpty();
    }

    @Test
    void portIsRequiredOnlyWhereAnArrivalPortIsNotADestinationPort() {
        String gw = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: istio-system}
                spec:
                  servers:
                  - port: {number: %d, name: http, protocol: HTTP}
                    hosts: ["*"]
                ---
                """;
        DestinationPortRequiredRule rule = new DestinationPortRequiredRule();
        // Requests arrive on the gateway's port 80, which cart has: istiod routes them to cart:80.
        assertThat(RuleHarness.run(rule, SERVICES + gw.formatted(80) + vs("shop", "{host: cart}"))).isEmpty();
        assertThat(RuleHarness.run(rule, SERVICES + gw.formatted(8000) + vs("shop", "{host: cart}"))).singleElement()
                .satisfies(x -> assertThat(x.message()).endsWith("Requests arriving on port [8000] go to that port of "
                        + "Service shop/cart, which it does not have."));
        // Without the Gateway in the input the arrival ports are unknown: reported as istioctl does.
        assertThat(messages(RuleHarness.run(rule, SERVICES + vs("shop", "{host: cart}")))).containsExactly("Error "
                + "/spec/http/0/route/0/destination This VirtualService routes to a service \"cart\" that exposes "
                + "multiple ports [80 9090]. Specifying a port in the destination is required to disambiguate.");
    }

    @Test
    void subsetsComeFromVisibleDestinationRulesIncludingWildcardHosts() {
        String drs = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: all, namespace: istio-system}
                spec:
                  host: "*.local"
                  subsets: [{name: canary, labels: {track: canary}}]
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: cart, namespace: shop}
                spec:
                  host: cart
                  exportTo: ["."]
                  subsets: [{name: v1, labels: {version: v1}}]
                ---
                """;
        DestinationSubsetNotFoundRule rule = new DestinationSubsetNotFoundRule();
        assertThat(RuleHarness.run(rule, SERVICES + drs + vs("shop", "{host: cart, subset: canary}"))).isEmpty();
        assertThat(RuleHarness.run(rule, SERVICES + drs + vs("shop", "{host: cart, subset: v1}"))).isEmpty();
        assertThat(messages(RuleHarness.run(rule, SERVICES + drs
                + vs("billing", "{host: cart.shop.svc.cluster.local, subset: v1}")))).containsExactly("Error "
                + "/spec/http/0/route/0/destination/subset Referenced host+subset in destinationrule not found: "
                + "\"cart.shop.svc.cluster.local+v1\" (DestinationRule istio-system/all defines canary)");
    }

    @Test
    void aGatewayUsesOnlyDestinationRulesExportedToItsOwnNamespace() {
        String yaml = SERVICES + """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: cart, namespace: shop}
                spec:
                  host: cart
                  exportTo: ["."]
                  subsets: [{name: v1, labels: {version: v1}}]
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: istio-system}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                  - port: {number: 80, name: http, protocol: HTTP}
                    hosts: ["*"]
                ---
                """ + vs("shop", "{host: cart, subset: v1}");
        assertThat(RuleHarness.run(new DestinationSubsetNotFoundRule(), yaml)).singleElement().satisfies(x ->
                assertThat(x.message()).isEqualTo("Referenced host+subset in destinationrule not found by the gateway: "
                        + "\"cart+v1\" (gateway workload istio-system/istio-ingressgateway (Gateway istio-system/gw) "
                        + "sees no DestinationRule defining it: exportTo)"));
        assertThat(RuleHarness.run(new DestinationSubsetNotFoundRule(), yaml.replace("exportTo: [\".\"]",
                "exportTo: [\".\", istio-system]"))).isEmpty();
    }

    @Test
    void subsetsAreSkippedWithoutAnyDestinationRule() {
        String yaml = SERVICES + vs("shop", "{host: cart, subset: v1}");
        DestinationSubsetNotFoundRule rule = new DestinationSubsetNotFoundRule();
        assertThat(RuleHarness.run(rule, yaml)).isEmpty();
        assertThat(rule.partlySkipped(RuleContext.of(RuleHarness.load(yaml), ValidateOptions.defaults())))
                .isEqualTo("for the destinations with a subset: no DestinationRules in the input");
    }

    @Test
    void emptyDestinationIsReportedOnTheRouteEntry() {
        List<Finding> f = RuleTesting.findings(SERVICES + """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: vs, namespace: shop}
                spec:
                  hosts: [cart]
                  http:
                  - route:
                    - {}
                """, "GW0601");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.location().field()).isEqualTo("/spec/http/0/route/0");
            assertThat(x.message()).isEqualTo("Referenced host not found: \"\" (the destination has no host)");
        });
    }

    /** Found by TranslateFuzzTest: the reasons of the skipped-destinations note came in input order. */
    @Test
    void skippedDestinationsNoteListedReasonsInInputOrder() {
        MeshRegistry.Lookup service = new MeshRegistry.Lookup(MeshRegistry.Outcome.UNKNOWN,
                "productpage.untouched.svc.cluster.local", null, "no such Service in the input");
        MeshRegistry.Lookup external = new MeshRegistry.Lookup(MeshRegistry.Outcome.UNKNOWN, "api.team-a", null,
                "no ServiceEntries in the input");

        assertThat(MeshRegistry.skipped(List.of(service, external), "destination host"))
                .isEqualTo(MeshRegistry.skipped(List.of(external, service), "destination host"))
                .isEqualTo("for 2 destination hosts the input cannot resolve: api.team-a (no ServiceEntries in the"
                        + " input); productpage.untouched.svc.cluster.local (no such Service in the input)");
    }
}
