package io.gwctl.cli.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.Fixtures;
import io.gwctl.cli.Gwctl;
import io.gwctl.model.Snapshot;
import io.gwctl.model.kube.Secret;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster source against fabric8's mock API server (expectations mode, so unexpected paths answer 404): Istio
 * CRs at v1 and the v1beta1 fallback, Services, Deployments, Secrets (values of non-TLS keys dropped, 403 tolerated)
 * and an unreachable server (exit 69).
 */
class ClusterSnapshotSourceTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String ISTIO = "/apis/networking.istio.io/";

    private KubernetesMockServer server;
    private final AtomicInteger clients = new AtomicInteger();

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(false);
        server.init();
    }

    @AfterEach
    void stop() {
        server.destroy();
    }

    private KubeClientFactory mock() {
        return target -> {
            clients.incrementAndGet();
            return server.createClient();
        };
    }

    /** Serves a list at {@code path} made of the YAML documents given. */
    private void serve(String path, String kind, String... yamlDocs) throws IOException {
        ObjectNode list = YAML.createObjectNode();
        list.put("apiVersion", "v1");
        list.put("kind", kind + "List");
        list.putObject("metadata");
        ArrayNode items = list.putArray("items");
        for (String doc : yamlDocs) {
            for (String part : doc.split("(?m)^---$")) {
                JsonNode n = YAML.readTree(part);
                if (n != null && kind.equals(n.path("kind").asText())) {
                    items.add(n);
                }
            }
        }
        server.expect().get().withPath(path + "?limit=500").andReturn(200, list.toString()).always();
    }

    private void serveExample(String istioVersion) throws IOException {
        serve(ISTIO + istioVersion + "/gateways", "Gateway", Fixtures.GATEWAY_HTTP, Fixtures.GATEWAY_HTTPS);
        serve(ISTIO + istioVersion + "/virtualservices", "VirtualService", Fixtures.VS_TEST_GW,
                Fixtures.VS_TEST_ISTIO);
        serve(ISTIO + istioVersion + "/destinationrules", "DestinationRule");
        serve("/api/v1/services", "Service", Fixtures.INGRESS);
        serve("/api/v1/pods", "Pod");
        serve("/apis/apps/v1/deployments", "Deployment", Fixtures.INGRESS);
        serve("/api/v1/namespaces", "Namespace");
    }

    /** Serves the Secret at its GET path (gwctl fetches credential Secrets by name, never lists them). */
    private void serveSecret(String yaml) throws IOException {
        JsonNode n = YAML.readTree(yaml);
        server.expect().get().withPath("/api/v1/namespaces/" + n.path("metadata").path("namespace").asText()
                + "/secrets/" + n.path("metadata").path("name").asText()).andReturn(200, n.toString()).always();
    }

    private static String tlsSecret() {
        String crt = Base64.getEncoder().encodeToString("CERT".getBytes(StandardCharsets.UTF_8));
        String pw = Base64.getEncoder().encodeToString("hunter2".getBytes(StandardCharsets.UTF_8));
        return """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: test-cert
                  namespace: istio-system
                type: kubernetes.io/tls
                data:
                  tls.crt: %s
                  password: %s
                """.formatted(crt, pw);
    }

    @Test
    void readsIstioResourcesServicesAndWorkloadsLikeFiles() throws IOException {
        serveExample("v1");
        serveSecret(tlsSecret());
        Gwctl gwctl = new Gwctl().kube(mock());
        Gwctl.Result r = gwctl.run("pc", "listener", "--kubeconfig", "mock-kubeconfig");
        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                ADDRESSES PORT  MATCH DESTINATION
                0.0.0.0   8080  ALL   Route: http.8080
                0.0.0.0   8443  ALL   Route: https.443.https.test-istio-gateway.default
                0.0.0.0   15021 ALL   Inline Route: /healthz/ready*
                0.0.0.0   15090 ALL   Inline Route: /stats/prometheus*
                """);
        assertThat(r.exitCode()).isZero();
        assertThat(clients).hasValue(1);
    }

    @Test
    void aDeploymentAndItsPodsInTheClusterAreOneWorkload() throws IOException {
        // Served before the example's empty Pod list: the first expectation for a path answers.
        serve("/api/v1/pods", "Pod", Fixtures.pod("istio-ingressgateway", "istio-system", "ax2z0"),
                Fixtures.pod("istio-ingressgateway", "istio-system", "bq9w1"));
        serveExample("v1");
        serve("/api/v1/secrets", "Secret");
        Gwctl.Result r = new Gwctl().kube(mock()).run("pc", "listener", "--context", "mock", "-v");
        assertThat(r.err()).as(r.toString()).contains("read 2 Pod(s)", "read 1 Deployment(s)")
                .doesNotContain("gateway workloads");
        assertThat(r.out()).contains("Route: https.443.https.test-istio-gateway.default");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void keepsOnlyTlsSecretValues() throws Exception {
        serveExample("v1");
        serveSecret(tlsSecret());
        SourceResult r = new ClusterSnapshotSource(ClusterTarget.of("k", null, null), mock()).load();
        Snapshot s = r.snapshot();
        assertThat(s.gateways()).hasSize(2);
        assertThat(s.virtualServices()).hasSize(2);
        assertThat(s.services()).hasSize(1);
        assertThat(s.deployments()).hasSize(1);
        Secret secret = s.secrets().get(0);
        assertThat(secret.keys()).containsExactlyInAnyOrder("tls.crt", "password");
        assertThat(new String(secret.value("tls.crt"), StandardCharsets.UTF_8)).isEqualTo("CERT");
        assertThat(secret.value("password")).isNull();
        assertThat(secret.origin().file()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.inputs()).singleElement().asString().startsWith("cluster http").endsWith("(all namespaces)");
    }

    @Test
    void fallsBackToV1beta1WhenV1IsNotServed() throws Exception {
        serveExample("v1beta1");
        SourceResult r = new ClusterSnapshotSource(ClusterTarget.of("k", null, null), mock()).load();
        assertThat(r.snapshot().gateways()).extracting(g -> g.metadata().name())
                .containsExactly("test-gw", "test-istio-gateway");
        assertThat(r.warnings()).isEmpty();
    }

    private void forbid(String path) {
        String status = "{\"kind\":\"Status\",\"code\":403}";
        server.expect().get().withPath(path).andReturn(403, status).always();
        server.expect().get().withPath(path + "?limit=500").andReturn(403, status).always();
    }

    @Test
    void forbiddenSecretsAreOneWarningAndTheRunContinues() throws IOException {
        serveExample("v1");
        forbid("/api/v1/namespaces/istio-system/secrets/test-cert");
        Gwctl.Result r = new Gwctl().kube(mock()).run("pc", "l", "-n", "istio-system", "--context", "mock");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEqualTo("gwctl: cannot get secrets in namespace istio-system: forbidden (credential"
                + " checks for the gateway workloads there are skipped; docs/rbac.yaml lists what gwctl needs)\n");
        assertThat(r.out()).startsWith("ADDRESSES PORT  MATCH DESTINATION\n");
    }

    @Test
    void aNamespaceScopedUserReadsTheirNamespaceWithOneWarning() throws IOException {
        String ns = "/api/v1/namespaces/istio-system/";
        for (String kind : List.of("gateways", "virtualservices", "destinationrules")) {
            forbid(ISTIO + "v1/" + kind);
        }
        serve(ISTIO + "v1/namespaces/istio-system/gateways", "Gateway",
                Fixtures.GATEWAY_HTTP.replace("namespace: default", "namespace: istio-system"));
        serve(ISTIO + "v1/namespaces/istio-system/virtualservices", "VirtualService");
        serve(ISTIO + "v1/namespaces/istio-system/destinationrules", "DestinationRule");
        for (String kind : List.of("services", "pods")) {
            forbid("/api/v1/" + kind);
        }
        forbid("/apis/apps/v1/deployments");
        forbid("/api/v1/namespaces");
        serve(ns + "services", "Service", Fixtures.INGRESS);
        serve(ns + "pods", "Pod");
        serve("/apis/apps/v1/namespaces/istio-system/deployments", "Deployment", Fixtures.INGRESS);
        Gwctl.Result r = new Gwctl().kube(mock()).run("pc", "route", "-n", "istio-system", "--context", "mock");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEqualTo("gwctl: cannot list gateways, virtualservices, destinationrules, services,"
                + " pods, deployments in all namespaces (forbidden): read namespace istio-system only\n");
        assertThat(r.out()).startsWith("NAME          VHOST NAME       DOMAINS     MATCH                  VIRTUAL"
                + " SERVICE\nhttp.8080     blackhole:80     *           /*                     404\n");
    }

    @Test
    void unreachableServerExits69NamingTheServer() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String kubeconfig = Fixtures.write(dir, "kubeconfig", """
                apiVersion: v1
                kind: Config
                clusters:
                - name: dead
                  cluster:
                    server: https://127.0.0.1:%d
                contexts:
                - name: dead
                  context:
                    cluster: dead
                    user: me
                    namespace: default
                current-context: dead
                users:
                - name: me
                  user:
                    token: abc
                """.formatted(port));
        Gwctl.Result r = new Gwctl().kube(KubeClientFactory.fabric8()).run("pc", "l", "--kubeconfig", kubeconfig);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("gwctl: cannot reach the cluster at https://127.0.0.1:" + port)
                .contains("check --context/--kubeconfig").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void missingKubeconfigExits69() {
        String missing = dir.resolve("nope").toString();
        Gwctl.Result r = new Gwctl().kube(KubeClientFactory.fabric8()).run("validate", "--kubeconfig", missing);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).isEqualTo("gwctl: kubeconfig " + missing
                + " not found: pass --kubeconfig FILE, or read manifests with -f PATH\n");
    }

    @Test
    void fileRunsNeverBuildAClient() {
        int before = KubeClientFactory.created();
        String f = Fixtures.write(dir, "gw.yaml", Fixtures.GATEWAY_HTTP);
        Gwctl.Result r = new Gwctl().kube(KubeClientFactory.fabric8()).env("KUBECONFIG", "/somewhere")
                .run("pc", "l", "-f", f);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(KubeClientFactory.created()).isEqualTo(before);
    }

    @Test
    void validateReadsEveryNamespaceAndReportsTheOneAskedAbout() throws IOException {
        serve(ISTIO + "v1/gateways", "Gateway");
        serve(ISTIO + "v1/virtualservices", "VirtualService", Fixtures.ORPHAN_VS,
                Fixtures.ORPHAN_VS.replace("namespace: default", "namespace: other"));
        serve(ISTIO + "v1/destinationrules", "DestinationRule");
        serve("/api/v1/services", "Service");
        serve("/api/v1/pods", "Pod");
        serve("/apis/apps/v1/deployments", "Deployment");
        serve("/api/v1/namespaces", "Namespace");
        Gwctl.Result r = new Gwctl().kube(mock()).run("validate", "--context", "mock", "-n", "default");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Error [GW0401/IST0101/KIA1102] (VirtualService default/orphan) Referenced"
                + " gateway not found")
                .doesNotContain("other/orphan");

        Gwctl.Result other = new Gwctl().kube(mock()).run("validate", "--context", "mock", "-n", "elsewhere");
        assertThat(other.out()).doesNotContain("GW0401");
        assertThat(other.exitCode()).as(other.toString()).isZero();

        Gwctl.Result all = new Gwctl().kube(mock()).run("validate", "--context", "mock", "-A", "-n", "default", "-o", "json");
        assertThat(all.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(all.out()).contains("\"namespace\": \"default\"", "\"namespace\": \"other\"");
    }
}
