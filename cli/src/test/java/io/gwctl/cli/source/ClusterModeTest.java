package io.gwctl.cli.source;

import static io.gwctl.cli.source.MockCluster.resourceIn;
import static io.gwctl.cli.source.MockCluster.resourceOutside;
import static io.gwctl.cli.source.MockCluster.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.Fixtures;
import com.sun.net.httpserver.HttpServer;
import io.gwctl.cli.Gwctl;
import io.gwctl.cli.live.ProxyAdminTunnels;
import io.gwctl.cli.options.ClusterOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cluster mode end to end, as a user meets it: the real entry point and the real connection code
 * ({@link KubeClientFactory#fabric8()}: kubeconfig files, contexts, kubectl's flags, the in-cluster service
 * account) against fabric8's mock API server in CRUD mode over HTTP, loaded with {@code testdata/examples/}
 * through a fabric8 client. Errors are injected per test (expectations for one path, 403 denials as RBAC gives
 * them); each test asserts stdout, stderr and the exit code, and where it matters the requests the server saw.
 *
 * <p>One server serves the whole class (starting one and loading the examples costs seconds); every test leaves
 * its objects alone and {@link MockCluster#reset()} drops its expectations, denials and recorded requests.
 */
class ClusterModeTest {
    static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    static final Path EXAMPLES = ROOT.resolve("testdata/examples");
    private static final String ISTIO = "/apis/networking.istio.io/";
    private static final List<String> ISTIO_KINDS = List.of("gateways", "virtualservices", "destinationrules");
    /** Routes of the test-io example over HTTPS: the same rows whichever Istio API version served them. */
    private static final String TEST_IO_HTTPS_ROUTES = """
            NAME                                     VHOST NAME      DOMAINS     MATCH     VIRTUAL SERVICE
            https.443.https.test-gateway.default     test.io:443     test.io     /api*     test-io.default
            https.443.https.test-gateway.default     test.io:443     test.io     /*        test-io.default
            """;

    /** GW0101 on the missing-secret example: its Secret is in the Gateway's namespace, not the workload's. */
    private static final String PAYMENTS_CERT_MISPLACED = """
            Error [GW0101/IST0101] (Gateway payments/payments-gateway) Referenced credentialName not found:\
             "payments-cert" in namespace istio-system (where the gateway workload\
             istio-system/istio-ingressgateway runs); a Secret with that name exists in namespace payments
                hint: Istio reads a Gateway's TLS Secret from the namespace of the gateway workload, not of the\
             Gateway: create the Secret payments-cert in namespace istio-system (or move it there), e.g. kubectl\
             create -n istio-system secret tls payments-cert --cert=server.crt --key=server.key.
            """;
    /** The same when the Gateway's own namespace cannot be read: no word on where the Secret is. */
    private static final String PAYMENTS_CERT_MISSING = """
            Error [GW0101/IST0101] (Gateway payments/payments-gateway) Referenced credentialName not found:\
             "payments-cert" in namespace istio-system (where the gateway workload\
             istio-system/istio-ingressgateway runs)
                hint: Istio reads a Gateway's TLS Secret from the namespace of the gateway workload, not of the\
             Gateway: create the Secret payments-cert in namespace istio-system, e.g. kubectl create -n\
             istio-system secret tls payments-cert --cert=server.crt --key=server.key.
            """;
    /** The listeners of the examples' gateway workload. */
    private static final String LISTENERS = """
            ADDRESSES PORT  MATCH                     DESTINATION
            0.0.0.0   7070  ALL                       Route: http.7070
            0.0.0.0   8080  ALL                       Route: http.8080
            0.0.0.0   8443  SNI: test.io              Route: https.443.https.test-gateway.default
            0.0.0.0   8443  SNI: payments.example.com Route: https.443.https.payments-gateway.payments
            0.0.0.0   8443  SNI: shop.example.com     Route: https.443.https-shop.shop-gateway.team-shop
            0.0.0.0   8443  SNI: api.example.com      Route: https.443.https-api.api-gateway.team-api
            0.0.0.0   15021 ALL                       Inline Route: /healthz/ready*
            0.0.0.0   15090 ALL                       Inline Route: /stats/prometheus*
            """;

    /** The status of a pod that serves: Running and Ready. */
    private static final String RUNNING = """
            status:
              phase: Running
              conditions:
              - type: Ready
                status: "True"
            """;

    static MockCluster cluster;
    /** The same over HTTPS (self-signed for localhost), with the gateway, test-io and payments. */
    static MockCluster tls;
    /** A kubeconfig whose current context "mock" reads the cluster with namespace default and token t0k3n. */
    static String kubeconfig;

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    @BeforeAll
    static void startCluster() {
        cluster = MockCluster.http().load(EXAMPLES)
                // the ingress Deployment's Pods, as a real cluster has them
                .create("v1", Fixtures.pod("istio-ingressgateway", "istio-system", "ax2z0") + RUNNING + "---\n"
                        + Fixtures.pod("istio-ingressgateway", "istio-system", "bq9w1") + RUNNING)
                // test-io once more at each older Istio version: what a cluster serving only that version holds
                .load("v1beta1", EXAMPLES.resolve("test-io"))
                .load("v1alpha3", EXAMPLES.resolve("test-io"))
                .ready();
        kubeconfig = cluster.kubeconfig(shared, "config", "mock", "default", "t0k3n");
        tls = MockCluster.https().load(EXAMPLES.resolve("istio-system"), EXAMPLES.resolve("test-io"),
                EXAMPLES.resolve("missing-secret")).ready();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
        tls.close();
    }

    @AfterEach
    void forgetInjectedFailures() {
        cluster.reset();
        tls.reset();
    }

    private static Gwctl gwctl(String kubeconfigs) {
        return new Gwctl().kube(KubeClientFactory.fabric8()).env("KUBECONFIG", kubeconfigs);
    }

    private static Gwctl gwctl() {
        return gwctl(kubeconfig);
    }

    private String write(String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return p.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- kubeconfig and connection -----------------------------------------------------------------------------

    @Test
    void kubeconfigFilesAreMergedAsKubectlMergesThem() {
        // a: the cluster, user and context "dev" that win; no current-context
        String a = write("a", """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                users:
                - name: me
                  user:
                    token: from-a
                contexts:
                - name: dev
                  context:
                    cluster: mock
                    user: me
                    namespace: team-web
                """.formatted(cluster.url()));
        // b: the same names again (all ignored: a defined them first), and the current-context
        String b = write("b", """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: http://127.0.0.1:1
                users:
                - name: me
                  user:
                    token: from-b
                contexts:
                - name: dev
                  context:
                    cluster: mock
                    user: me
                    namespace: payments
                current-context: dev
                """);
        String missing = dir.resolve("missing").toString();

        Gwctl.Result r = gwctl(a + ":" + missing + ":" + b).run("validate");

        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).startsWith("Error [GW0301/KIA0301/IST0145] (Gateway team-web/web-gateway) server dropped")
                .doesNotContain("payments");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(cluster.requests()).isNotEmpty()
                .allSatisfy(q -> assertThat(q.header("Authorization")).isEqualTo("Bearer from-a"));
    }

    @Test
    void anUnknownContextIsOneLineNamingTheContextsThatExist() {
        int built = KubeClientFactory.created();

        Gwctl.Result r = gwctl().run("validate", "--context", "nope");

        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gwctl: context \"nope\" does not exist (contexts in " + kubeconfig
                + ": mock)\n");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(KubeClientFactory.created()).isEqualTo(built);
    }

    @Test
    void aKubeconfigWithoutCurrentContextAsksForOne() {
        String config = KubeconfigFile.write(dir.resolve("config"), new KubeconfigFile.Context[] {
                new KubeconfigFile.Context("mock", cluster.url(), "default", "t"),
                new KubeconfigFile.Context("other", "http://127.0.0.1:1", null, "t")}, null);

        Gwctl.Result r = gwctl(config).run("pc", "route");

        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gwctl: the kubeconfig sets no current-context: pick one with --context NAME"
                + " (contexts: mock, other)\n");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);

        Gwctl.Result named = gwctl(config).run("pc", "route", "--context", "mock", "--name",
                "https.443.https.test-gateway.default");
        assertThat(named.err()).as(named.toString()).isEmpty();
        assertThat(named.out()).isEqualTo(TEST_IO_HTTPS_ROUTES);
        assertThat(named.exitCode()).isZero();
    }

    @Test
    void pcAllReadsTheClusterAsPcListenerAndPcRouteDo() {
        Gwctl.Result all = gwctl().run("pc", "all");
        assertThat(all.exitCode()).as(all.toString()).isZero();
        String[] sections = all.out().split("\n\n", -1);
        assertThat(sections).hasSize(2);
        assertThat(sections[0].lines()).hasSameSizeAs(gwctl().run("pc", "listener").out().lines().toList())
                .anyMatch(l -> l.startsWith("listener/0.0.0.0_8443 "));
        assertThat(sections[1].lines()).hasSameSizeAs(gwctl().run("pc", "route").out().lines().toList())
                .anyMatch(l -> l.startsWith("route/https.443.https.test-gateway.default "));
    }

    @Test
    void aMissingKubeconfigFlagFileExits69() {
        String missing = dir.resolve("nope").toString();

        Gwctl.Result r = gwctl().run("validate", "--kubeconfig", missing);

        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gwctl: kubeconfig " + missing
                + " not found: pass --kubeconfig FILE, or read manifests with -f PATH\n");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    }

    @Test
    void serverAndTokenFlagsNeedNoKubeconfig() {
        Gwctl.Result r = new Gwctl().kube(KubeClientFactory.fabric8()).run("pc", "route", "--server", cluster.url(),
                "--token", "flag-token", "--name", "https.443.https.test-gateway.default");

        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).isEqualTo(TEST_IO_HTTPS_ROUTES);
        assertThat(r.exitCode()).isZero();
        assertThat(cluster.requests()).isNotEmpty().allSatisfy(q -> {
            assertThat(q.header("Authorization")).isEqualTo("Bearer flag-token");
            assertThat(q.header("Impersonate-User")).isNull();
        });
    }

    @Test
    void tokenAndAsFlagsOverrideTheKubeconfigUser() {
        Gwctl.Result r = gwctl().run("pc", "route", "--token", "other-token", "--as", "alice", "--name",
                "https.443.https.test-gateway.default");

        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).isEqualTo(TEST_IO_HTTPS_ROUTES);
        assertThat(cluster.requests()).isNotEmpty().allSatisfy(q -> {
            assertThat(q.header("Authorization")).isEqualTo("Bearer other-token");
            assertThat(q.header("Impersonate-User")).isEqualTo("alice");
        });
    }

    @Test
    void inAPodWithoutKubeconfigTheServiceAccountIsUsed() throws IOException {
        Path account = Files.createDirectories(dir.resolve("serviceaccount"));
        Files.writeString(account.resolve("token"), "service-account-token\n");
        Files.writeString(account.resolve("namespace"), "payments");
        Files.copy(tls.certificate(), account.resolve("ca.crt"));
        URI url = URI.create(tls.url());

        Gwctl.Result r = new Gwctl().kube(KubeClientFactory.fabric8())
                .env("KUBERNETES_SERVICE_HOST", url.getHost())
                .env("KUBERNETES_SERVICE_PORT", String.valueOf(url.getPort()))
                .env(ClusterOptions.SERVICE_ACCOUNT_DIR_VARIABLE, account.toString())
                .run("validate");

        assertThat(r.err()).as(r.toString()).isEmpty();
        // the findings of the service account's namespace
        assertThat(r.out()).isEqualTo(PAYMENTS_CERT_MISPLACED + """
                1 error, 0 warnings, 0 info in namespace payments (11 resources read in all namespaces)
                """);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(tls.requests()).isNotEmpty()
                .allSatisfy(q -> assertThat(q.header("Authorization")).isEqualTo("Bearer service-account-token"));
    }

    @Test
    void anHttpsServerIsVerifiedWithTheCertificateAuthorityFlag() {
        String config = tls.kubeconfig(dir, "config", "tls", "default", "t");

        Gwctl.Result unverified = gwctl(config).run("pc", "route");
        assertThat(unverified.out()).isEmpty();
        assertThat(unverified.err()).as(unverified.toString()).startsWith("gwctl: cannot reach the cluster at "
                + tls.url() + " (TLS handshake failed: ").hasLineCount(1);
        assertThat(unverified.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);

        Gwctl.Result verified = gwctl(config).run("pc", "route", "--certificate-authority",
                tls.certificate().toString(), "--name", "https.443.https.test-gateway.default");
        assertThat(verified.err()).as(verified.toString()).isEmpty();
        assertThat(verified.out()).isEqualTo(TEST_IO_HTTPS_ROUTES);
        assertThat(verified.exitCode()).isZero();

        Gwctl.Result insecure = gwctl(config).run("pc", "route", "--insecure-skip-tls-verify", "--name",
                "https.443.https.test-gateway.default");
        assertThat(insecure.err()).as(insecure.toString()).isEmpty();
        assertThat(insecure.out()).isEqualTo(TEST_IO_HTTPS_ROUTES);
        assertThat(insecure.exitCode()).isZero();
    }

    // ---- what is read, and which namespace is reported ---------------------------------------------------------

    @Test
    void aDeploymentAndItsPodsAreOneGatewayWorkload() {
        Gwctl.Result r = gwctl().run("pc", "listener", "-v");

        assertThat(r.err()).as(r.toString()).contains("gwctl: read 2 Pod(s)\n", "gwctl: read 1 Deployment(s)\n")
                .doesNotContain("gateway workloads");
        assertThat(r.out()).isEqualTo(LISTENERS);
        assertThat(r.exitCode()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v1beta1", "v1alpha3"})
    void everyServedIstioApiVersionIsRead(String served) {
        List<String> versions = List.of("v1", "v1beta1", "v1alpha3");
        List<String> newer = versions.subList(0, versions.indexOf(served));
        for (String version : newer) {
            for (String kind : ISTIO_KINDS) {
                cluster.answer(ISTIO + version + "/" + kind + "?limit=500", 404, status(404, "NotFound",
                        "the server could not find the requested resource"));
            }
        }

        Gwctl.Result r = gwctl().run("pc", "route", "--name", "https.443.https.test-gateway.default");

        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).isEqualTo(TEST_IO_HTTPS_ROUTES);
        assertThat(r.exitCode()).isZero();
        List<String> expected = new ArrayList<>();
        for (String version : versions.subList(0, versions.indexOf(served) + 1)) {
            expected.add(ISTIO + version + "/gateways");
        }
        assertThat(cluster.requests().stream().map(MockCluster.Request::resourcePath)
                .filter(p -> p.endsWith("/gateways"))).containsExactlyElementsOf(expected);
    }

    @Test
    void listsArePaginatedFiveHundredAPage() {
        // The CRUD store answers a list whole, ignoring limit: the pages are served by query string.
        String token1 = "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MSwic3RhcnQiOiJidWxrL2d3LTA1MDAifQ==";
        String token2 = "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MSwic3RhcnQiOiJidWxrL2d3LTEwMDAifQ==";
        String path = ISTIO + "v1/gateways?limit=500";
        cluster.answer(path, 200, gatewayPage(0, 500, token1));
        cluster.answer(path + "&continue=" + token1.replace("=", "%3D"), 200, gatewayPage(500, 1000, token2));
        cluster.answer(path + "&continue=" + token2.replace("=", "%3D"), 200, gatewayPage(1000, 1200, ""));

        // 1,200 Gateways through every rule: on a starved CI machine more than the default 30 s whole-read limit
        Gwctl.Result r = gwctl().run("validate", "-n", "bulk", "--request-timeout", "2m");

        assertThat(r.err()).as(r.toString()).isEmpty();
        // no VirtualService binds them: one finding per Gateway says so
        List<String> unbound = r.out().lines().filter(l -> l.startsWith("Info [GW0404] (Gateway bulk/gw-")).toList();
        assertThat(unbound).hasSize(1200);
        assertThat(unbound.get(0)).startsWith("Info [GW0404] (Gateway bulk/gw-0000) ");
        assertThat(unbound.get(1199)).startsWith("Info [GW0404] (Gateway bulk/gw-1199) ");
        assertThat(r.out()).endsWith("\n0 errors, 0 warnings, 1200 info in namespace bulk (1220 resources read in all namespaces); 7 errors in"
                + " other namespaces; -A shows them\n");
        assertThat(r.exitCode()).isZero();
        assertThat(cluster.requests(ISTIO + "v1/gateways")).extracting(MockCluster.Request::query).containsExactly(
                "limit=500", "limit=500&continue=" + token1.replace("=", "%3D"),
                "limit=500&continue=" + token2.replace("=", "%3D"));
        assertThat(cluster.requests()).filteredOn(q -> q.api() != null && q.api().verb().equals("list"))
                .hasSize(9).allSatisfy(q -> assertThat(q.query()).startsWith("limit=500"));
    }

    /** A GatewayList page with Gateways gw-FROM..gw-(TO-1) in namespace bulk, each serving its own host on 80. */
    private static String gatewayPage(int from, int to, String next) {
        StringBuilder items = new StringBuilder();
        for (int i = from; i < to; i++) {
            String name = "gw-%04d".formatted(i);
            items.append(i == from ? "" : ",").append("""
                    {"metadata":{"name":"%s","namespace":"bulk"},"spec":{"selector":{"istio":"ingressgateway"},\
                    "servers":[{"port":{"number":80,"name":"http","protocol":"HTTP"},"hosts":["%s.bulk.example"]}]}}\
                    """.formatted(name, name));
        }
        return """
                {"apiVersion":"networking.istio.io/v1","kind":"GatewayList","metadata":{"continue":"%s",\
                "resourceVersion":"1"},"items":[%s]}""".formatted(next, items);
    }

    @Test
    void validateReportsTheContextNamespaceAndAllWithA() {
        Gwctl.Result inDefault = gwctl().run("validate");
        assertThat(inDefault.err()).as(inDefault.toString()).isEmpty();
        assertThat(inDefault.out()).isEqualTo("✔ No validation issues found in namespace default (32 resources read in all"
                + " namespaces); 4 errors, 2 warnings, 2 info in other namespaces; -A shows them.\n");
        assertThat(inDefault.exitCode()).isZero();

        Gwctl.Result payments = gwctl().run("validate", "-n", "payments");
        assertThat(payments.err()).as(payments.toString()).isEmpty();
        assertThat(payments.out()).isEqualTo(PAYMENTS_CERT_MISPLACED + """
                1 error, 0 warnings, 0 info in namespace payments (32 resources read in all namespaces); 3 errors,\
                 2 warnings, 2 info in other namespaces; -A shows them
                """);
        assertThat(payments.exitCode()).isEqualTo(ExitCodes.FINDINGS);

        Gwctl.Result all = gwctl().run("validate", "-A", "--output-threshold", "Error");
        assertThat(all.err()).as(all.toString()).isEmpty();
        assertThat(all.out()).contains("(Gateway payments/payments-gateway)", "(Gateway monitoring/metrics-gateway)",
                "(Gateway team-web/web-gateway)").endsWith("4 errors, 0 warnings, 0 info in 32 resources (4 below the output threshold)\n");
        assertThat(all.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void weightsReadFromAClusterAreJudgedAsWrittenNotByPositions() {
        // A cluster's objects carry no positions: a 50/50 split is no finding; a weight left out still is one.
        String split = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: reviews, namespace: shop}
                spec:
                  hosts: [reviews.shop.svc.cluster.local]
                  http:
                  - route:
                    - {destination: {host: reviews.shop.svc.cluster.local, subset: v1}, weight: 50}
                    - {destination: {host: reviews.shop.svc.cluster.local, subset: v2}, weight: 50}
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: ratings, namespace: shop}
                spec:
                  hosts: [ratings.shop.svc.cluster.local]
                  http:
                  - route:
                    - {destination: {host: ratings.shop.svc.cluster.local, subset: v1}, weight: 90}
                    - {destination: {host: ratings.shop.svc.cluster.local, subset: v2}}
                """;
        try (MockCluster weights = MockCluster.http().create("v1", split).ready()) {
            String config = weights.kubeconfig(dir, "weights", "mock", "shop", "t0k3n");
            Gwctl.Result r = gwctl(config).run("validate", "-o", "json");
            assertThat(r.out()).as(r.toString()).contains("\"GW0702\"")
                    .contains("none to ratings.shop.svc.cluster.local (subset v2)")
                    .doesNotContain("none to reviews.shop.svc.cluster.local");
            assertThat(r.out().split("\"GW0702\"", -1)).as("one GW0702 finding").hasSize(2);
        }
    }

    @Test
    void aUserBoundToOneNamespaceReadsItWithOneWarning() {
        cluster.deny(q -> q.api() != null && q.api().verb().equals("list") && q.api().namespace() == null);

        Gwctl.Result r = gwctl().run("validate", "-n", "payments");

        assertThat(r.err()).isEqualTo("gwctl: cannot list gateways, virtualservices, destinationrules, services,"
                + " pods, deployments in all namespaces (forbidden): read namespace payments only\n");
        assertThat(r.out()).as(r.toString()).isEqualTo(PAYMENTS_CERT_MISPLACED + """
                note: no gateway workload in the input: assumed Istio's default ingress gateway\
                 istio-system/istio-ingressgateway (Service ports 15021, 80→8080, 443→8443)
                1 error, 0 warnings, 0 info in namespace payments (4 resources read in all namespaces)
                """);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    // ---- forbidden reads and failures --------------------------------------------------------------------------

    @Test
    void secretsForbiddenOutsideIstioSystemStillRunTheCredentialChecks() {
        cluster.deny(resourceOutside("secrets", "istio-system"));

        Gwctl.Result r = gwctl().run("validate", "-n", "payments");

        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).isEqualTo(PAYMENTS_CERT_MISSING + """
                1 error, 0 warnings, 0 info in namespace payments (31 resources read in all namespaces); 3 errors,\
                 2 warnings, 2 info in other namespaces; -A shows them
                """);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void secretsForbiddenInIstioSystemSkipTheCredentialChecksNamingThePermission() {
        cluster.deny(resourceIn("secrets", "istio-system"));

        Gwctl.Result r = gwctl().run("validate", "-n", "payments");

        assertThat(r.err()).isEqualTo("gwctl: cannot get secrets in namespace istio-system: forbidden (credential"
                + " checks for the gateway workloads there are skipped; docs/rbac.yaml lists what gwctl needs)\n");
        assertThat(r.out()).as(r.toString()).isEqualTo("""
                Info [GW0002] (Rule GW0101,GW0102,GW0103,GW0104,GW0105) checks GW0101, GW0102, GW0103, GW0104,\
                 GW0105 skipped for Secrets in namespace istio-system: cannot get secrets in namespace istio-system:\
                 forbidden
                0 errors, 0 warnings, 1 info in namespace payments (28 resources read in all namespaces); 3 errors,\
                 2 warnings, 2 info in other namespaces; -A shows them
                """);
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void podsForbiddenEverywhereIsOneWarningAndDeploymentsServe() {
        cluster.deny(resourceOutside("pods", "no-such-namespace"));

        Gwctl.Result r = gwctl().run("pc", "listener");

        assertThat(r.err()).isEqualTo("gwctl: cannot list pods in namespace default: forbidden (gateway workloads"
                + " come from Deployments only)\n");
        assertThat(r.out()).as(r.toString()).isEqualTo(LISTENERS);
        assertThat(r.exitCode()).isZero();
        assertThat(cluster.requests()).extracting(MockCluster.Request::resourcePath)
                .contains("/api/v1/pods", "/api/v1/namespaces/default/pods");
    }

    @Test
    void workloadsForbiddenEverywhereAssumeTheDefaultIngressGateway() {
        cluster.deny(resourceOutside("pods", "no-such-namespace"));
        cluster.deny(resourceOutside("deployments", "no-such-namespace"));

        Gwctl.Result r = gwctl().run("pc", "listener");

        assertThat(r.err()).isEqualTo("""
                gwctl: cannot list pods, deployments in namespace default: forbidden (no gateway workload can be read)
                gwctl: no gateway workload in the input; assuming Istio's default ingress gateway\
                 istio-system/istio-ingressgateway (Service ports 15021, 80→8080, 443→8443)
                """);
        assertThat(r.out()).as(r.toString()).isEqualTo(LISTENERS);
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void istioConfigForbiddenEverywhereStopsWithKubectlsWords() {
        cluster.deny(resourceOutside("virtualservices", "no-such-namespace"));

        Gwctl.Result r = gwctl().run("validate");

        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gwctl: Error from server (Forbidden): virtualservices.networking.istio.io is"
                + " forbidden: User \"system:serviceaccount:ci:gwctl\" cannot list resource \"virtualservices\" in API"
                + " group \"networking.istio.io\" in the namespace \"default\"\n");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    }

    @Test
    void aServerErrorIsOneKubectlLine() {
        cluster.answer("/api/v1/services?limit=500", 500, status(500, "InternalError",
                "Internal error occurred: etcdserver: request timed out"));

        Gwctl.Result r = gwctl().run("validate");

        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gwctl: Error from server (InternalError): Internal error occurred:"
                + " etcdserver: request timed out\n");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    }

    @Test
    void aServerErrorWithoutStatusIsWordedAsKubectlWordsIt() {
        cluster.answer("/apis/apps/v1/deployments?limit=500", 503, "<html>upstream connect error</html>");

        Gwctl.Result r = gwctl().run("pc", "route");

        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gwctl: Error from server (ServiceUnavailable): the server is currently"
                + " unable to handle the request (list deployments.apps)\n");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    }

    @Test
    void istioCrdsNotInstalledIsOneLine() {
        for (String version : List.of("v1", "v1beta1", "v1alpha3")) {
            for (String kind : ISTIO_KINDS) {
                cluster.answer(ISTIO + version + "/" + kind + "?limit=500", 404, status(404, "NotFound",
                        "the server could not find the requested resource"));
            }
        }

        Gwctl.Result r = gwctl().run("validate");

        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gwctl: the cluster at " + cluster.url() + " serves no Istio Gateways"
                + " (networking.istio.io v1, v1beta1 or v1alpha3): Istio's CRDs are not installed there; pick another"
                + " --context, or read manifests with -f PATH\n");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpAtTheRequestTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted, never answered
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + silent.getLocalPort();
            String config = KubeconfigFile.write(dir.resolve("config"),
                    new KubeconfigFile.Context("silent", url, "default", "t"), "silent");

            long start = System.nanoTime();
            Gwctl.Result r = gwctl(config).run("validate", "--request-timeout", "2s");
            long elapsed = System.nanoTime() - start;

            // a bound on the --request-timeout feature (2 s asked), not a performance assertion
            assertThat(elapsed).isLessThan(TimeUnit.SECONDS.toNanos(5));
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("gwctl: no answer from the cluster at " + url + " within 2s"
                    + " (--request-timeout): check that the API server is up, or raise --request-timeout\n");
            assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        }
    }

    @Test
    void aRefusedConnectionExits69NamingTheServer() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        String config = KubeconfigFile.write(dir.resolve("config"),
                new KubeconfigFile.Context("dead", url, "default", "t"), "dead");

        Gwctl.Result r = gwctl(config).run("pc", "listener");

        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gwctl: cannot reach the cluster at " + url + " (connection refused): check"
                + " --context/--kubeconfig and that the API server is up, or read manifests with -f PATH\n");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    }

    // ---- the permissions gwctl needs ---------------------------------------------------------------------------

    @Test
    void docsRbacGrantsWhatAFullRunReadsAndNothingElse() {
        RbacRules rbac = RbacRules.load(ROOT.resolve("docs/rbac.yaml"));
        cluster.deny(q -> q.api() == null || !rbac.allows(q.api()));

        Gwctl.Result r = gwctl().run("validate", "-A", "--output-threshold", "Error");

        // what a user with every permission sees, but where the misplaced Secret is (outside istio-system)
        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).isEqualTo(PAYMENTS_CERT_MISSING + """
                Error [GW0201/IST0162] (Gateway monitoring/metrics-gateway) Gateway listens on 7070 but Service\
                 istio-system/istio-ingressgateway exposes 15021, 80→8080, 443→8443
                    hint: Add port 7070 to Service istio-system/istio-ingressgateway (port: 7070, targetPort: 7070),\
                 or use a port the Service exposes.
                Error [GW0301/KIA0301/IST0145] (Gateway team-shop/shop-gateway) TLS host shop.example.com on port\
                 443 (listener port 8443) is also listed by Gateway team-web/web-gateway, whose server istiod drops\
                 whole because this one is merged first (by creation time: created 2025-01-10T09:00:00Z, that one\
                 2025-03-02T14:30:00Z); this server keeps serving it, and www.example.com of the dropped server\
                 becomes unreachable
                    hint: Serve each host on port 443 from one server only: remove shop.example.com from one of them,\
                 or move one server to another port or bind.
                Error [GW0301/KIA0301/IST0145] (Gateway team-web/web-gateway) server dropped: TLS host\
                 shop.example.com on port 443 (listener port 8443) is already served by Gateway\
                 team-shop/shop-gateway, which istiod merges first (by creation time: created 2025-01-10T09:00:00Z,\
                 this one 2025-03-02T14:30:00Z); istiod skips this whole server, so www.example.com becomes\
                 unreachable on port 443
                    hint: Serve each host on port 443 from one server only: remove shop.example.com from one of\
                 them, or move one server to another port or bind.
                4 errors, 0 warnings, 0 info in 31 resources (4 below the output threshold)
                """);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        List<MockCluster.ApiPath> reads = cluster.requests().stream().map(MockCluster.Request::api).toList();
        assertThat(reads).doesNotContainNull();
        // the only reads refused: the optional look-up of a credential Secret in its Gateway's own namespace
        assertThat(reads).filteredOn(p -> !rbac.allows(p)).isNotEmpty().allSatisfy(p -> {
            assertThat(p.verb() + " " + p.resource()).isEqualTo("get secrets");
            assertThat(p.namespace()).isNotEqualTo("istio-system");
        });
        // and every grant is used, but those of proxy-config --live (the next test's)
        assertThat(rbac.grants()).filteredOn(g -> !g.resource().equals("pods/portforward")
                        && !(g.verb().equals("get") && g.namespace() != null && !g.resource().equals("secrets")))
                .allSatisfy(g -> assertThat(reads).as("a read that %s allows", g).anyMatch(g::allows));
    }

    @Test
    void docsRbacGrantsWhatProxyConfigLiveReads() throws IOException {
        RbacRules rbac = RbacRules.load(ROOT.resolve("docs/rbac.yaml"));
        cluster.deny(q -> q.api() == null || !rbac.allows(q.api()));
        HttpServer envoy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        envoy.createContext("/config_dump", exchange -> {
            byte[] dump = "{\"configs\": []}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dump.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(dump);
            }
        });
        envoy.start();
        List<String> tunnels = new ArrayList<>();
        // the port-forward itself (create pods/portforward) is the one read this cannot show: tunnels are local
        ProxyAdminTunnels local = (client, namespace, pod, port) -> {
            tunnels.add(namespace + "/" + pod + ":" + port);
            return new ProxyAdminTunnels.Tunnel() {
                @Override
                public URI baseUri() {
                    return URI.create("http://127.0.0.1:" + envoy.getAddress().getPort() + "/");
                }

                @Override
                public void close() {
                }
            };
        };
        try {
            Gwctl.Result byDeployment = gwctl().proxyAdmin(local).run("pc", "listener", "deploy/istio-ingressgateway",
                    "-n", "istio-system", "--live");
            Gwctl.Result byPod = gwctl().proxyAdmin(local).run("pc", "listener",
                    "pod/istio-ingressgateway-7d4f8b9c6d-bq9w1.istio-system", "--live");

            assertThat(byDeployment.err()).as(byDeployment.toString()).isEmpty();
            // an Envoy without listeners: the stand-in's dump is empty; what matters here is what was read
            assertThat(byDeployment.out()).isEqualTo("ADDRESSES PORT MATCH DESTINATION\n");
            assertThat(byDeployment.exitCode()).isZero();
            assertThat(byPod.err()).as(byPod.toString()).isEmpty();
            assertThat(byPod.out()).isEqualTo(byDeployment.out());
            assertThat(byPod.exitCode()).isZero();
        } finally {
            envoy.stop(0);
        }
        assertThat(tunnels).containsExactly("istio-system/istio-ingressgateway-7d4f8b9c6d-ax2z0:15000",
                "istio-system/istio-ingressgateway-7d4f8b9c6d-bq9w1:15000");
        List<MockCluster.ApiPath> reads = cluster.requests().stream().map(MockCluster.Request::api).toList();
        assertThat(reads).doesNotContainNull().allSatisfy(p -> assertThat(rbac.allows(p)).as("%s", p).isTrue());
        assertThat(rbac.grants()).filteredOn(g -> g.namespace() != null && !g.resource().equals("secrets")
                        && !g.resource().equals("pods/portforward"))
                .isNotEmpty().allSatisfy(g -> assertThat(reads).as("a read that %s allows", g).anyMatch(g::allows));
    }

    // ---- files layered over the cluster ------------------------------------------------------------------------

    @Test
    void withClusterFindsADuplicateHostAgainstAGatewayOnlyInTheCluster() {
        String mine = write("my-gateway.yaml", """
                # not applied yet: what happens if it is?
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: new-gateway
                  namespace: team-new
                spec:
                  selector:
                    istio: ingressgateway
                  servers:
                  - port:
                      number: 443
                      name: https
                      protocol: HTTPS
                    hosts:
                    - api.example.com
                    tls:
                      mode: SIMPLE
                      credentialName: api-cert
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: new
                  namespace: team-new
                spec:
                  hosts:
                  - api.example.com
                  gateways:
                  - new-gateway
                  http:
                  - route:
                    - destination:
                        host: new-api
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: new-api
                  namespace: team-new
                spec:
                  selector:
                    app: new-api
                  ports:
                  - name: http
                    port: 80
                """);
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Gwctl.Result r = gwctl().run("validate", "-f", mine, "--with-cluster", "-n", "team-new");

        // the new Gateway is created when applied: after team-api's, which keeps api.example.com on 443
        Matcher applied = Pattern.compile("this one (\\S+)\\)").matcher(r.out());
        assertThat(applied.find()).as(r.toString()).isTrue();
        assertThat(Instant.parse(applied.group(1))).isBetween(before, Instant.now());
        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out().replace(applied.group(1), "NOW")).isEqualTo("""
                Error [GW0301/KIA0301/IST0145] (Gateway team-new/new-gateway %1$s:16) server dropped: TLS host\
                 api.example.com on port 443 (listener port 8443) is already served by Gateway team-api/api-gateway,\
                 which istiod merges first (by creation time: created 2025-02-01T08:00:00Z, this one NOW); istiod\
                 skips this whole server, so requests for api.example.com get that server's TLS settings and routes\
                 instead
                    hint: Serve each host on port 443 from one server only: remove api.example.com from one of them,\
                 or move one server to another port or bind.
                Warning [GW0110/IST0138] (Gateway team-new/new-gateway %1$s:5) Duplicate certificate in multiple\
                 gateways: Gateway team-new/new-gateway uses the same certificate (credentialName "api-cert", Secret\
                 istio-system/api-cert) as Gateway team-api/api-gateway on gateway workload\
                 istio-system/istio-ingressgateway; clients that reuse an HTTP/2 connection across their hosts may get\
                 404s
                    hint: Serve these hosts from one Gateway server, or give each Gateway its own certificate that\
                 covers only its hosts.
                1 error, 1 warning, 0 info in namespace team-new (35 resources read in all namespaces); 5 errors,\
                 2 warnings, 2 info in other namespaces; -A shows them
                """.formatted(mine));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void withClusterShowsTheRoutesAfterTheChange() {
        String vs = write("vs.yaml", """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: test-io
                  namespace: default
                spec:
                  hosts:
                  - test.io
                  gateways:
                  - test-gateway
                  http:
                  - match:
                    - uri:
                        prefix: /v2
                    route:
                    - destination:
                        host: api-v2
                  - route:
                    - destination:
                        host: web
                """);

        Gwctl.Result r = gwctl().run("pc", "route", "-f", vs, "--with-cluster", "--name",
                "https.443.https.test-gateway.default");

        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                NAME                                     VHOST NAME      DOMAINS     MATCH     VIRTUAL SERVICE
                https.443.https.test-gateway.default     test.io:443     test.io     /v2*      test-io.default
                https.443.https.test-gateway.default     test.io:443     test.io     /*        test-io.default
                """);
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void filesAloneNeverContactTheCluster() {
        int built = KubeClientFactory.created();
        String gateway = EXAMPLES.resolve("test-io").toString();

        Gwctl.Result validate = gwctl().run("validate", "-f", gateway);
        Gwctl.Result routes = gwctl().run("pc", "route", "-f", gateway, "--context", "mock");

        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(routes.exitCode()).as(routes.toString()).isZero();
        assertThat(cluster.requests()).isEmpty();
        assertThat(KubeClientFactory.created()).isEqualTo(built);
    }
}
