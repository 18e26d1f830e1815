package io.gwctl.model.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gwctl.model.Snapshot;
import io.gwctl.model.envoy.FilterChain;
import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.NetworkFilter;
import io.gwctl.model.envoy.Route;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.envoy.WeightedCluster;
import io.gwctl.model.load.LoadOptions;
import io.gwctl.model.load.LoadResult;
import io.gwctl.model.load.ManifestLoader;
import io.gwctl.model.translate.DroppedServer.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Model-level facts of the translation that the printed tables do not show: dropped servers with their reasons,
 * workload resolution, route-configuration order, determinism. Inputs are the golden cases' {@code input.yaml}.
 */
class GatewayTranslatorTest {
    private static final Path CASES = Path.of(System.getProperty("gwctl.root.dir", ".."))
            .resolve("testdata/translate");

    static Snapshot load(String yaml) {
        LoadResult r = new ManifestLoader(LoadOptions.defaults()).loadString(yaml, "test.yaml");
        assertThat(r.problems()).isEmpty();
        return r.snapshot();
    }

    static Snapshot loadCase(String name) throws IOException {
        return load(Files.readString(CASES.resolve(name).resolve("input.yaml"), StandardCharsets.UTF_8));
    }

    static GatewayView translateCase(String name) throws Exception {
        Snapshot s = loadCase(name);
        return GatewayTranslator.translate(s, GatewayWorkloads.resolve(s, null, null));
    }

    @Test
    void aDirectResponseKeepsItsStatus() {
        Snapshot s = load("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: default}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                  - port: {number: 80, name: http, protocol: HTTP}
                    hosts: [a.example.com]
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: vs, namespace: default}
                spec:
                  hosts: [a.example.com]
                  gateways: [gw]
                  http:
                  - match: [{uri: {prefix: /down}}]
                    directResponse: {status: 503}
                  - directResponse: {status: 200, body: {string: ok}}
                """);
        GatewayView v = GatewayTranslator.translate(s, GatewayWorkloads.defaultIngress());
        List<Route> routes = v.routeConfigs().get(0).virtualHosts().get(0).routes();
        assertThat(routes).extracting(Route::action).containsOnly(Route.Action.DIRECT_RESPONSE);
        assertThat(routes).extracting(Route::directResponseStatus).containsExactly(503, 200);
    }

    @Test
    void duplicateTlsHostDropsTheLaterServerAndNamesTheWinner() throws Exception {
        MergedGateway m = translateCase("duplicate-tls-host").merged();
        assertThat(m.accepted()).extracting(BoundServer::gatewayName).containsExactly("team-a/team-a");
        assertThat(m.dropped()).hasSize(1);
        DroppedServer d = m.dropped().get(0);
        assertThat(d.reason()).isEqualTo(Reason.DUPLICATE_TLS_HOST);
        assertThat(d.server().gatewayName()).isEqualTo("team-b/team-b");
        assertThat(d.conflictsWith().gatewayName()).isEqualTo("team-a/team-a");
        assertThat(d.duplicateHosts()).containsExactly("shop.example.com");
    }

    @Test
    void httpAfterTcpOnOnePortIsAProtocolConflict() throws Exception {
        MergedGateway m = translateCase("tcp-then-http").merged();
        assertThat(m.dropped()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(Reason.PROTOCOL_CONFLICT);
            assertThat(d.server().gatewayName()).isEqualTo("data/web");
            assertThat(d.conflictsWith().gatewayName()).isEqualTo("data/db");
        });
        assertThat(m.serverPorts()).containsExactly(new ServerPort(9000, "TCP", ""));
        assertThat(m.serversByRouteName()).isEmpty();
    }

    @Test
    void defaultIngressTranslatesPortsThroughItsService() throws Exception {
        GatewayView v = translateCase("spec-10-worked-example");
        assertThat(v.proxy().assumedDefault()).isTrue();
        assertThat(v.merged().serverPorts()).extracting(ServerPort::number).containsExactly(8080, 8443);
        assertThat(v.merged().accepted()).extracting(BoundServer::routeName)
                .containsExactly("http.8080", "https.443.https.test-istio-gateway.default");
        // Documented order: dynamic configs by listener port, then prometheus, then healthz (docs/route-order.md).
        assertThat(v.routeConfigs()).extracting(RouteConfiguration::name)
                .containsExactly("http.8080", "https.443.https.test-istio-gateway.default", "", "");
        assertThat(v.routeConfigs().get(0).virtualHosts().get(0).routes().get(0).istioConfig())
                .isEqualTo("/apis/networking.istio.io/v1/namespaces/default/virtual-service/test-gw");
        assertThat(v.listeners()).extracting(Listener::name)
                .containsExactly("0.0.0.0_8080", "0.0.0.0_8443", "0.0.0.0_15090", "0.0.0.0_15021");
    }

    @Test
    void namedTargetPortResolvesThroughContainerPortsAndUnresolvableOnesAreSkipped() throws Exception {
        GatewayView v = translateCase("named-targetport");
        assertThat(v.proxy().serviceTargets()).singleElement()
                .satisfies(t -> assertThat(t.targetPort()).isEqualTo(8081));
        assertThat(v.merged().serverPorts()).extracting(ServerPort::number).containsExactly(8081, 9443);
    }

    @Test
    void disablePortTranslationLabelKeepsTheGatewayPort() {
        Snapshot s = load("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: istio-ingressgateway
                  namespace: istio-system
                  labels: {experimental.istio.io/disable-gateway-port-translation: "true"}
                spec:
                  selector: {istio: ingressgateway}
                  ports: [{name: http, port: 80, targetPort: 8080}]
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: istio-system}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                  - port: {number: 8080, name: http, protocol: HTTP}
                    hosts: ["*"]
                  - port: {number: 80, name: http80, protocol: HTTP}
                    hosts: ["*"]
                """);
        GatewayProxy p = GatewayWorkloads.defaultIngress();
        p = new GatewayProxy(p.kind(), p.name(), p.namespace(), p.labels(), false, List.of(),
                GatewayWorkloads.serviceTargets(s.services(), p.namespace(), p.labels(), List.of()), true);
        MergedGateway m = GatewayTranslator.translate(s, p).merged();
        assertThat(m.serverPorts()).extracting(ServerPort::number).containsExactly(8080, 80);
    }

    @Test
    void resolveFindsTheOnlyGatewayOrListsCandidates() throws Exception {
        Snapshot two = load("""
                apiVersion: v1
                kind: Pod
                metadata: {name: a, namespace: x, labels: {istio: ingressgateway}}
                spec: {containers: [{name: c, image: proxyv2}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: b, namespace: y}
                spec:
                  template:
                    metadata: {labels: {istio: egressgateway}}
                    spec: {containers: [{name: c, image: proxyv2}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: app, namespace: x, labels: {app: shop}}
                spec: {containers: [{name: c, image: shop}]}
                """);
        assertThat(GatewayWorkloads.find(two)).extracting(w -> w.metadata().name()).containsExactly("a", "b");
        assertThatThrownBy(() -> GatewayWorkloads.resolve(two, null, null)).isInstanceOf(WorkloadException.class)
                .hasMessageContaining("pod/a.x").hasMessageContaining("deployment/b.y");
        assertThat(GatewayWorkloads.resolve(two, "a.x", null).kind()).isEqualTo("Pod");
        assertThat(GatewayWorkloads.resolve(two, "b", null).kind()).isEqualTo("Deployment");
        assertThat(GatewayWorkloads.resolve(two, "deploy/b", "y").namespace()).isEqualTo("y");
        assertThat(GatewayWorkloads.resolve(two, null, "y").name()).isEqualTo("b");
        assertThatThrownBy(() -> GatewayWorkloads.resolve(two, "pod/missing", null))
                .isInstanceOf(WorkloadException.class).hasMessageContaining("no pod \"missing\"");
        GatewayProxy dflt = GatewayWorkloads.resolve(Snapshot.empty(), null, null);
        assertThat(dflt.assumedDefault()).isTrue();
        assertThat(dflt.serviceTargets()).extracting(t -> t.port().port() + "->" + t.targetPort())
                .containsExactly("15021->15021", "80->8080", "443->8443");
    }

    @Test
    void gatewaysAreOrderedByCreationTimeThenNameThenNamespace() {
        Snapshot s = load("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: b, namespace: ns1}
                spec: {servers: []}
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: a, namespace: ns2, creationTimestamp: "2024-01-01T00:00:00Z"}
                spec: {servers: []}
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: a, namespace: ns1}
                spec: {servers: []}
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: other, namespace: ns1}
                spec: {selector: {app: other}, servers: []}
                """);
        assertThat(GatewayWorkloads.gatewaysFor(s, java.util.Map.of("istio", "ingressgateway")))
                .extracting(g -> g.fullName()).containsExactly("ns1/a", "ns1/b", "ns2/a");
    }

    @Test
    void translationIsDeterministic() throws Exception {
        Snapshot s = loadCase("spec-11-multi-port");
        GatewayProxy p = GatewayWorkloads.resolve(s, null, null);
        GatewayView first = GatewayTranslator.translate(s, p);
        for (int i = 0; i < 5; i++) {
            GatewayView again = GatewayTranslator.translate(s, p);
            assertThat(again.listeners()).isEqualTo(first.listeners());
            assertThat(again.routeConfigs()).isEqualTo(first.routeConfigs());
        }
    }

    @Test
    void tlsPassthroughChainsSkipDuplicateSniAndUseWeightedClusters() throws Exception {
        Listener l = translateCase("tls-passthrough").listeners().get(0);
        assertThat(l.name()).isEqualTo("0.0.0.0_8443");
        assertThat(l.filterChains()).extracting(c -> c.match().serverNames())
                .containsExactly(List.of("b.example.com", "z.example.com"), List.of("a.example.com"));
        assertThat(l.filterChains()).extracting(FilterChain::filters).extracting(f -> f.get(0))
                .containsExactly(new NetworkFilter.TcpProxy("outbound|9443||b-svc.apps.svc.cluster.local", false),
                        new NetworkFilter.TcpProxy("", false, List.of(
                                new WeightedCluster("outbound|8443|v1|a-svc.apps.svc.cluster.local", 90),
                                new WeightedCluster("outbound|8443|v2|a-svc.apps.svc.cluster.local", 10))));
    }

    @Test
    void autoPassthroughTakesTheDestinationRuleOfTheServicesNamespaceFirstElseTheFirstElsewhere() {
        String gateway = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: cross, namespace: istio-system}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                  - port: {number: 15443, name: tls, protocol: TLS}
                    hosts: ["*.local"]
                    tls: {mode: AUTO_PASSTHROUGH}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: foo, namespace: ns}
                spec:
                  selector: {app: foo}
                  ports: [{name: http, port: 80}]
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: elsewhere, namespace: other}
                spec:
                  host: foo.ns.svc.cluster.local
                  subsets: [{name: other, labels: {v: o}}]
                """;
        String own = """
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: own, namespace: ns}
                spec:
                  host: foo
                  subsets: [{name: mine, labels: {v: m}}]
                """;
        java.util.function.Function<Snapshot, List<String>> names = s -> GatewayTranslator
                .translate(s, GatewayWorkloads.defaultIngress()).listeners().get(0).filterChains().stream()
                .map(c -> c.match().serverNames().get(0)).toList();
        assertThat(names.apply(load(gateway + own))).as("the service's namespace wins, though listed later")
                .containsExactly("outbound_.80_._.foo.ns.svc.cluster.local",
                        "outbound_.80_.mine_.foo.ns.svc.cluster.local");
        assertThat(names.apply(load(gateway))).as("else the first anywhere")
                .containsExactly("outbound_.80_._.foo.ns.svc.cluster.local",
                        "outbound_.80_.other_.foo.ns.svc.cluster.local");
    }

    @Test
    void autoPassthroughAndTlsTerminatingTcpChains() {
        Snapshot s = load("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: cross, namespace: istio-system}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                  - port: {number: 15443, name: tls, protocol: TLS}
                    hosts: ["*.local"]
                    tls: {mode: AUTO_PASSTHROUGH}
                  - port: {number: 9443, name: tls-db, protocol: TLS}
                    hosts: [db.example.com]
                    tls: {mode: SIMPLE, credentialName: db-cert}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: foo, namespace: ns}
                spec:
                  selector: {app: foo}
                  ports:
                  - {name: http, port: 80, targetPort: 8080}
                  - {name: dns, port: 53, protocol: UDP}
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: foo, namespace: ns}
                spec:
                  host: foo
                  subsets:
                  - {name: v1, labels: {version: v1}}
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: db, namespace: data}
                spec:
                  hosts: [db.example.com]
                  gateways: [istio-system/cross]
                  tcp:
                  - match: [{port: 9443}]
                    route:
                    - destination: {host: db, port: {number: 5432}}
                      weight: 50
                    - destination: {host: db-replica, port: {number: 5432}}
                      weight: 50
                """);
        List<Listener> listeners = GatewayTranslator.translate(s, GatewayWorkloads.defaultIngress()).listeners();
        Listener auto = listeners.get(0);
        assertThat(auto.name()).isEqualTo("0.0.0.0_15443");
        assertThat(auto.filterChains()).extracting(c -> c.match().serverNames().get(0))
                .containsExactly("outbound_.80_._.foo.ns.svc.cluster.local", "outbound_.80_.v1_.foo.ns.svc.cluster.local");
        assertThat(auto.filterChains().get(0).match().applicationProtocols())
                .containsExactly("istio", "istio-peer-exchange", "istio-http/1.0", "istio-http/1.1", "istio-h2");
        assertThat(auto.filterChains().get(0).filters())
                .containsExactly(new NetworkFilter.TcpProxy("outbound_.80_._.foo.ns.svc.cluster.local", false));
        Listener db = listeners.get(1);
        assertThat(db.name()).isEqualTo("0.0.0.0_9443");
        assertThat(db.filterChains()).singleElement().satisfies(c -> {
            assertThat(c.match().serverNames()).containsExactly("db.example.com");
            assertThat(c.filters()).containsExactly(new NetworkFilter.TcpProxy("", false, List.of(
                    new WeightedCluster("outbound|5432||db.data.svc.cluster.local", 50),
                    new WeightedCluster("outbound|5432||db-replica.data.svc.cluster.local", 50))));
        });
    }

    @Test
    void serviceTargetsAreDedupedPerServiceByTargetPortAndIstioProtocol() {
        Snapshot s = load("""
                apiVersion: v1
                kind: Service
                metadata: {name: a, namespace: gw}
                spec:
                  selector: {app: gw}
                  ports:
                  - {name: http, port: 80, targetPort: 8080}
                  - {name: http-alt, port: 81, targetPort: 8080}
                  - {name: tcp-raw, port: 82, targetPort: 8080}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: b, namespace: gw}
                spec:
                  selector: {app: gw}
                  ports:
                  - {name: http, port: 83, targetPort: 8080}
                """);
        assertThat(GatewayWorkloads.serviceTargets(s.services(), "gw", java.util.Map.of("app", "gw"), List.of()))
                .extracting(t -> t.service().metadata().name() + ":" + t.port().port())
                .containsExactly("a:80", "a:82", "b:83");
    }
}
