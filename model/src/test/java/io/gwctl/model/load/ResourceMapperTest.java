package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gwctl.model.Kind;
import io.gwctl.model.Origin;
import io.gwctl.model.OwnerReference;
import io.gwctl.model.Resource;
import io.gwctl.model.SourceMap;
import io.gwctl.model.istio.ClientTls;
import io.gwctl.model.istio.Destination;
import io.gwctl.model.istio.DestinationRule;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.HttpMatch;
import io.gwctl.model.istio.HttpRedirect;
import io.gwctl.model.istio.HttpRewrite;
import io.gwctl.model.istio.HttpRoute;
import io.gwctl.model.istio.L4Match;
import io.gwctl.model.istio.RouteDestination;
import io.gwctl.model.istio.ServiceEntry;
import io.gwctl.model.istio.StringMatch;
import io.gwctl.model.istio.TlsCertificate;
import io.gwctl.model.istio.TlsMode;
import io.gwctl.model.istio.TrafficPolicy;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.kube.Container;
import io.gwctl.model.kube.ContainerPort;
import io.gwctl.model.kube.Deployment;
import io.gwctl.model.kube.Namespace;
import io.gwctl.model.kube.Pod;
import io.gwctl.model.kube.Service;
import io.gwctl.model.kube.ServicePort;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Maps inline documents (no files) and checks every field gwctl reads and every API-server default. */
class ResourceMapperTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Origin ORIGIN = new Origin("inline.yaml", 0, 1, 1);

    private static Resource map(String yaml) throws Exception {
        return map(yaml, "team-a");
    }

    private static Resource map(String yaml, String defaultNamespace) throws Exception {
        JsonNode doc = YAML.readTree(yaml);
        return ResourceMapper.map(doc, SourceMap.empty(), ORIGIN, defaultNamespace);
    }

    @Test
    void gatewayKeepsAbsentSelectorDistinctFromEmptyAndRawTlsMode() throws Exception {
        Gateway absent = (Gateway) map("""
                apiVersion: networking.istio.io/v1beta1
                kind: Gateway
                metadata: {name: g, creationTimestamp: "2024-01-31T12:00:00+01:00", labels: {app: x}}
                spec:
                  servers:
                  - hosts: ["*"]
                    bind: 0.0.0.0
                    name: first
                    tls: {mode: simple, httpsRedirect: true, credentialNames: [a, b], subjectAltNames: [s]}
                """);
        Gateway empty = (Gateway) map("""
                apiVersion: networking.istio.io/v1alpha3
                kind: Gateway
                metadata: {name: g, namespace: gw}
                spec: {selector: {}}
                """);

        assertThat(absent.selector()).isNull();
        assertThat(empty.selector()).isNotNull().isEmpty();
        assertThat(absent.metadata().namespace()).isEqualTo("team-a");
        assertThat(empty.metadata().namespace()).isEqualTo("gw");
        assertThat(absent.metadata().creationTimestamp()).isEqualTo(Instant.parse("2024-01-31T11:00:00Z"));
        assertThat(absent.metadata().labels()).isEqualTo(Map.of("app", "x"));
        var server = absent.servers().get(0);
        assertThat(server.port()).isNull();
        assertThat(server.bind()).isEqualTo("0.0.0.0");
        assertThat(server.name()).isEqualTo("first");
        assertThat(server.tls().mode()).isEqualTo(TlsMode.INVALID);
        assertThat(server.tls().modeText()).isEqualTo("simple");
        assertThat(server.tls().httpsRedirect()).isTrue();
        assertThat(server.tls().credentialNames()).containsExactly("a", "b");
        assertThat(server.tls().subjectAltNames()).containsExactly("s");
        assertThat(empty.servers()).isEmpty();
    }

    @Test
    void gatewayReadsTlsCertificatesAndCipherSettings() throws Exception {
        Gateway g = (Gateway) map("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: g, namespace: gw}
                spec:
                  servers:
                  - port: {number: 443, name: https, protocol: HTTPS}
                    hosts: [a.example.com]
                    tls:
                      mode: MUTUAL
                      caCertificates: /etc/ca.pem
                      caCrl: /etc/crl.pem
                      minProtocolVersion: TLSV1_1
                      cipherSuites: [ECDHE-RSA-AES256-GCM-SHA384]
                      tlsCertificates:
                      - {serverCertificate: /etc/rsa.pem, privateKey: /etc/rsa.key}
                      - {serverCertificate: /etc/ec.pem, privateKey: /etc/ec.key, caCertificates: /etc/ec-ca.pem}
                """);
        var tls = g.servers().get(0).tls();
        assertThat(tls.tlsCertificates()).containsExactly(
                new TlsCertificate("/etc/rsa.pem", "/etc/rsa.key", null),
                new TlsCertificate("/etc/ec.pem", "/etc/ec.key", "/etc/ec-ca.pem"));
        assertThat(tls.caCrl()).isEqualTo("/etc/crl.pem");
        assertThat(tls.minProtocolVersion()).isEqualTo("TLSV1_1");
        assertThat(tls.cipherSuites()).containsExactly("ECDHE-RSA-AES256-GCM-SHA384");
        assertThat(tls.serverCertificate()).isNull();
    }

    @Test
    void virtualServiceReadsEveryRouteField() throws Exception {
        VirtualService vs = (VirtualService) map("""
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: vs, namespace: shop}
                spec:
                  hosts: [shop.example.com]
                  gateways: [istio-system/gw, mesh]
                  exportTo: ["."]
                  http:
                  - name: api
                    match:
                    - name: m0
                      uri: {prefix: /api}
                      method: {exact: GET}
                      authority: {regex: ".*"}
                      scheme: {exact: https}
                      headers: {x-user: {exact: bob}, x-any: {}}
                      withoutHeaders: {x-debug: {prefix: "1"}}
                      queryParams: {v: {regex: "\\\\d+"}}
                      port: 443
                      gateways: [gw]
                      sourceLabels: {app: web}
                      sourceNamespace: front
                      ignoreUriCase: true
                    route:
                    - destination: {host: api, subset: v1, port: {number: 8080}}
                      weight: 90
                    - destination: {host: api, subset: v2}
                      weight: 10
                    mirror: {host: shadow, port: {number: 9090}}
                  - redirect: {uri: /new}
                  - directResponse: {status: 503}
                  - delegate: {name: child, namespace: other}
                  tcp:
                  - match: [{port: 5432, destinationSubnets: [10.0.0.0/8]}]
                    route: [{destination: {host: db}}]
                  tls:
                  - match: [{sniHosts: [a.example.com], port: 443, gateways: [gw], sourceLabels: {x: y}, sourceNamespace: n}]
                    route: [{destination: {host: a, port: {number: 8443}}}]
                """);

        assertThat(vs.hosts()).containsExactly("shop.example.com");
        assertThat(vs.gateways()).containsExactly("istio-system/gw", "mesh");
        assertThat(vs.exportTo()).containsExactly(".");
        HttpRoute api = vs.http().get(0);
        assertThat(api.name()).isEqualTo("api");
        HttpMatch m = api.match().get(0);
        assertThat(m).isEqualTo(new HttpMatch("m0", new StringMatch(StringMatch.Type.PREFIX, "/api"),
                new StringMatch(StringMatch.Type.EXACT, "GET"), new StringMatch(StringMatch.Type.REGEX, ".*"),
                new StringMatch(StringMatch.Type.EXACT, "https"),
                Map.of("x-user", new StringMatch(StringMatch.Type.EXACT, "bob"),
                        "x-any", new StringMatch(StringMatch.Type.PREFIX, "")),
                Map.of("x-debug", new StringMatch(StringMatch.Type.PREFIX, "1")),
                Map.of("v", new StringMatch(StringMatch.Type.REGEX, "\\d+")), 443, List.of("gw"),
                Map.of("app", "web"), "front", true));
        assertThat(api.route()).containsExactly(new RouteDestination(new Destination("api", "v1", 8080), 90),
                new RouteDestination(new Destination("api", "v2", 0), 10));
        assertThat(api.mirror()).isEqualTo(new Destination("shadow", null, 9090));
        assertThat(api.hasRedirect()).isFalse();
        assertThat(vs.http().get(1).hasRedirect()).isTrue();
        assertThat(vs.http().get(1).route()).isEmpty();
        assertThat(vs.http().get(2).hasDirectResponse()).isTrue();
        assertThat(vs.http().get(3).delegateName()).isEqualTo("child");
        assertThat(vs.http().get(3).delegateNamespace()).isEqualTo("other");
        assertThat(vs.tcp().get(0).match()).containsExactly(
                new L4Match(List.of(), 5432, List.of(), Map.of(), null, List.of("10.0.0.0/8")));
        assertThat(vs.tcp().get(0).route()).containsExactly(new RouteDestination(new Destination("db", null, 0), 0, false));
        assertThat(vs.tls().get(0).match()).containsExactly(
                new L4Match(List.of("a.example.com"), 443, List.of("gw"), Map.of("x", "y"), "n", List.of()));
        assertThat(vs.tls().get(0).route().get(0).destination().port()).isEqualTo(8443);
    }

    @Test
    void virtualServiceKeepsRedirectRewriteFaultAndCorsDetailsForValidation() throws Exception {
        VirtualService vs = (VirtualService) map("""
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: shop}
                spec:
                  hosts: [shop.example.com]
                  http:
                  - redirect: {uri: /new, authority: a.example.com, scheme: https, port: 8443, redirectCode: 308}
                    fault: {abort: {httpStatus: 503}}
                  - rewrite: {uri: /v2, authority: b.example.com}
                    corsPolicy:
                      allowOrigins: [{exact: "https://a.example.com"}, {regex: "https://.*"}, {}]
                    route: [{destination: {host: api}}]
                  - rewrite: {uriRegexRewrite: {match: "^/v1/(.*)", rewrite: /v2/x}}
                    route: [{destination: {host: api}}]
                  - redirect: {derivePort: FROM_REQUEST_PORT}
                """);
        HttpRoute redirect = vs.http().get(0);
        assertThat(redirect.redirect()).isEqualTo(new HttpRedirect("/new", "a.example.com", "https", 8443, null, 308));
        assertThat(redirect.hasFault()).isTrue();
        assertThat(redirect.rewrite()).isNull();
        HttpRoute rewrite = vs.http().get(1);
        assertThat(rewrite.hasFault()).isFalse();
        assertThat(rewrite.rewrite()).isEqualTo(new HttpRewrite("/v2", "b.example.com", false, null, null));
        assertThat(rewrite.corsAllowOrigins()).containsExactly(new StringMatch(StringMatch.Type.EXACT,
                "https://a.example.com"), new StringMatch(StringMatch.Type.REGEX, "https://.*"), null);
        assertThat(vs.http().get(2).rewrite()).isEqualTo(new HttpRewrite(null, null, true, "^/v1/(.*)", "/v2/x"));
        assertThat(vs.http().get(3).redirect()).isEqualTo(new HttpRedirect(null, null, null, 0, "FROM_REQUEST_PORT",
                0));
    }

    @Test
    void destinationRuleReadsHostSubsetsAndExportTo() throws Exception {
        DestinationRule dr = (DestinationRule) map("""
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: dr}
                spec:
                  host: api.shop.svc.cluster.local
                  exportTo: ["*"]
                  subsets:
                  - name: v1
                    labels: {version: v1}
                  - name: v2
                """);

        assertThat(dr.host()).isEqualTo("api.shop.svc.cluster.local");
        assertThat(dr.exportTo()).containsExactly("*");
        assertThat(dr.subsets()).containsExactly(new DestinationRule.Subset("v1", Map.of("version", "v1")),
                new DestinationRule.Subset("v2", Map.of()));
    }

    @Test
    void destinationRuleReadsTrafficPolicyTlsPortLevelSettingsAndWorkloadSelector() throws Exception {
        DestinationRule dr = (DestinationRule) map("""
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: db}
                spec:
                  host: db.example.com
                  workloadSelector:
                    matchLabels: {app: egress}
                  trafficPolicy:
                    tls: {mode: SIMPLE, credentialName: db-ca, subjectAltNames: [db.example.com]}
                    portLevelSettings:
                    - port: {number: 5432}
                      tls: {mode: MUTUAL, caCertificates: /etc/ca.pem, insecureSkipVerify: true}
                  subsets:
                  - name: replica
                    trafficPolicy:
                      tls: {mode: SIMPLE}
                """);

        assertThat(dr.workloadSelector()).isEqualTo(Map.of("app", "egress"));
        assertThat(dr.trafficPolicy().tls()).isEqualTo(new ClientTls("SIMPLE", null, "db-ca",
                List.of("db.example.com"), false));
        assertThat(dr.trafficPolicy().portLevelSettings()).containsExactly(new TrafficPolicy.PortSettings(5432,
                new ClientTls("MUTUAL", "/etc/ca.pem", null, List.of(), true)));
        assertThat(dr.subsets().get(0).trafficPolicy().tls().mode()).isEqualTo("SIMPLE");
        assertThat(dr.subsets().get(0).trafficPolicy().portLevelSettings()).isEmpty();
    }

    @Test
    void serviceEntryReadsHostsPortsExportToAndWorkloadSelector() throws Exception {
        ServiceEntry se = (ServiceEntry) map("""
                apiVersion: networking.istio.io/v1beta1
                kind: ServiceEntry
                metadata: {name: apis, namespace: shop}
                spec:
                  hosts: [api.example.com, "*.partner.com"]
                  ports:
                  - {number: 443, name: tls, protocol: TLS}
                  exportTo: ["."]
                  location: MESH_EXTERNAL
                  resolution: DNS
                  workloadSelector:
                    labels: {app: vm}
                """);

        assertThat(se.hosts()).containsExactly("api.example.com", "*.partner.com");
        assertThat(se.ports()).containsExactly(new ServiceEntry.Port(443, "tls", "TLS"));
        assertThat(se.exportTo()).containsExactly(".");
        assertThat(se.location()).isEqualTo("MESH_EXTERNAL");
        assertThat(se.resolution()).isEqualTo("DNS");
        assertThat(se.workloadSelector()).isEqualTo(Map.of("app", "vm"));
        assertThat(se.kind()).isEqualTo(Kind.SERVICE_ENTRY);
    }

    @Test
    void serviceGetsTheApiServerDefaults() throws Exception {
        Service s = (Service) map("""
                apiVersion: v1
                kind: Service
                metadata: {name: ingress, namespace: istio-system}
                spec:
                  type: LoadBalancer
                  selector: {istio: ingressgateway}
                  ports:
                  - {name: http2, port: 80, targetPort: 8080, nodePort: 30080}
                  - {name: https, port: 443, appProtocol: https}
                  - {name: tls, port: 15443, targetPort: "15443", protocol: TCP}
                  - {name: named, port: 9000, targetPort: metrics, protocol: UDP}
                """);

        assertThat(s.type()).isEqualTo("LoadBalancer");
        assertThat(s.selector()).isEqualTo(Map.of("istio", "ingressgateway"));
        assertThat(s.ports()).containsExactly(new ServicePort(0, "http2", "TCP", 80, 8080, null, 30080),
                new ServicePort(1, "https", "TCP", 443, 443, null, 0, "https"),
                new ServicePort(2, "tls", "TCP", 15443, 15443, null, 0),
                new ServicePort(3, "named", "UDP", 9000, 0, "metrics", 0));
        Service bare = (Service) map("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n");
        assertThat(bare.type()).isEqualTo("ClusterIP");
        assertThat(bare.ports()).isEmpty();
        assertThat(bare.selector()).isEmpty();
    }

    @Test
    void podAndDeploymentReadContainersPortsAndLiteralEnv() throws Exception {
        String containers = """
                    containers:
                    - name: istio-proxy
                      image: proxyv2
                      ports:
                      - {containerPort: 8080, name: http}
                      - {containerPort: 53, protocol: UDP}
                      env:
                      - {name: ISTIO_META_UNPRIVILEGED_POD, value: "true"}
                      - name: POD_NAME
                        valueFrom: {fieldRef: {fieldPath: metadata.name}}
                """;
        Pod pod = (Pod) map("apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {istio: ingressgateway}}\n"
                + "spec:\n" + containers);
        Deployment dep = (Deployment) map("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n"
                + "  template:\n    metadata: {labels: {istio: ingressgateway}}\n    spec:\n"
                + containers.indent(4));

        Container expected = new Container("istio-proxy", "proxyv2", List.of(new ContainerPort("http", 8080, "TCP"),
                new ContainerPort(null, 53, "UDP")), Map.of("ISTIO_META_UNPRIVILEGED_POD", "true"));
        assertThat(pod.containers()).containsExactly(expected);
        assertThat(pod.podLabels()).isEqualTo(Map.of("istio", "ingressgateway"));
        assertThat(pod.unprivileged()).isTrue();
        assertThat(dep.containers()).containsExactly(expected);
        assertThat(dep.podLabels()).isEqualTo(Map.of("istio", "ingressgateway"));
        assertThat(dep.metadata().labels()).isEmpty();
    }

    @Test
    void ownerReferencesAndDeploymentSelectorAreRead() throws Exception {
        Pod pod = (Pod) map("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: gw-7d4f8b9c6d-ax2z0
                  ownerReferences:
                  - {apiVersion: apps/v1, kind: ReplicaSet, name: gw-7d4f8b9c6d, uid: u1, controller: true}
                  - {apiVersion: v1, kind: ConfigMap, name: other, uid: u2}
                """);
        assertThat(pod.metadata().ownerReferences()).containsExactly(
                new OwnerReference("ReplicaSet", "gw-7d4f8b9c6d", true), new OwnerReference("ConfigMap", "other", false));
        assertThat(((Pod) map("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n")).metadata().ownerReferences())
                .isEmpty();

        String template = "  template:\n    metadata: {labels: {app: gw, istio: ingressgateway}}\n";
        Deployment matchLabels = (Deployment) map("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n"
                + "spec:\n  selector: {matchLabels: {app: gw}}\n" + template);
        assertThat(matchLabels.podSelector()).isEqualTo(Map.of("app", "gw"));
        Deployment absent = (Deployment) map("apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\n"
                + "spec:\n" + template);
        assertThat(absent.podSelector()).as("defaulted to the template labels")
                .isEqualTo(Map.of("app", "gw", "istio", "ingressgateway"));
        Deployment expressions = (Deployment) map("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n"
                + "spec:\n  selector:\n    matchLabels: {app: gw}\n"
                + "    matchExpressions: [{key: istio, operator: Exists}]\n" + template);
        assertThat(expressions.podSelector()).as("not evaluated").isNull();
        assertThatThrownBy(() -> map("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n"
                + "  ownerReferences: [{kind: ReplicaSet, name: rs, controller: \"yes\"}]\n"))
                .isInstanceOf(InvalidResourceException.class)
                .hasMessageContaining("metadata.ownerReferences[0].controller");
    }

    @Test
    void namespaceIsClusterScopedWhateverIsWritten() throws Exception {
        Namespace ns = (Namespace) map("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, namespace: x}\n");

        assertThat(ns.metadata().namespace()).isEmpty();
        assertThat(ns.ref().friendlyName()).isEqualTo("Namespace shop");
    }

    @Test
    void emptyDefaultNamespaceKeepsExplicitNamespaces() throws Exception {
        Resource explicit = map("apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: a}\n", "");
        Resource none = map("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n", "");

        assertThat(explicit.metadata().namespace()).isEqualTo("a");
        assertThat(none.metadata().namespace()).isEmpty();
    }

    @Test
    void otherGroupsAndKindsAreNotRead() throws Exception {
        assertThat(map("apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g}\n")).isNull();
        assertThat(map("apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: s}\n")).isNull();
        assertThat(map("apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: s}\n")).isNull();
        assertThat(ResourceMapper.skipKey(YAML.readTree("apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway")))
                .isEqualTo("Gateway.gateway.networking.k8s.io");
        assertThat(ResourceMapper.skipKey(YAML.readTree("apiVersion: v1\nkind: ConfigMap"))).isEqualTo("ConfigMap");
    }

    @Test
    void wrongTypesNameTheFieldPath() {
        assertThatThrownBy(() -> map("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: g, labels: {app.kubernetes.io/name: 3}}
                """)).isInstanceOf(InvalidResourceException.class)
                .hasMessage("metadata.labels[\"app.kubernetes.io/name\"]: expected a string, got 3")
                .extracting(e -> ((InvalidResourceException) e).pointer())
                .isEqualTo("/metadata/labels/app.kubernetes.io~1name");
        assertThatThrownBy(() -> map("apiVersion: networking.istio.io/v1\nkind: VirtualService\n"
                + "metadata: {name: v}\nspec: {hosts: a.com}\n"))
                .hasMessage("spec.hosts: expected a list of strings, got \"a.com\"");
        assertThatThrownBy(() -> map("apiVersion: networking.istio.io/v1\nkind: VirtualService\n"
                + "metadata: {name: v}\nspec: {http: [{route: [{destination: {host: [x]}}]}]}\n"))
                .hasMessage("spec.http[0].route[0].destination.host: expected a string, got a list");
        assertThatThrownBy(() -> map("apiVersion: v1\nkind: Service\nmetadata: {name: s, creationTimestamp: now}\n"))
                .hasMessage("metadata.creationTimestamp: expected an RFC 3339 time such as 2024-01-31T12:00:00Z,"
                        + " got \"now\"");
        assertThatThrownBy(() -> map("apiVersion: v1\nkind: Service\nmetadata: {namespace: s}\n"))
                .hasMessage("missing metadata.name");
        assertThatThrownBy(() -> map("apiVersion: v1\nmetadata: {name: s}\n")).hasMessage("missing kind");
    }

    @Test
    void quotedDigitsAreAcceptedWhereIstiodAcceptsThem() throws Exception {
        Gateway g = (Gateway) map("apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g}\n"
                + "spec: {servers: [{port: {number: \"8080\", name: http, protocol: HTTP}, hosts: ['*']}]}\n");

        assertThat(g.servers().get(0).port().number()).isEqualTo(8080);
        assertThat(Fields.path("/spec/servers/0/port/number")).isEqualTo("spec.servers[0].port.number");
    }
}
