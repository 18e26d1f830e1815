package io.gwctl.cli.proxyconfig;

import static io.gwctl.cli.Fixtures.GATEWAY_HTTP;
import static io.gwctl.cli.Fixtures.GATEWAY_HTTPS;
import static io.gwctl.cli.Fixtures.INGRESS;
import static io.gwctl.cli.Fixtures.VS_TEST_GW;
import static io.gwctl.cli.Fixtures.VS_TEST_ISTIO;
import static io.gwctl.cli.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.Fixtures;
import io.gwctl.cli.Gwctl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gwctl proxy-config listener|route} on the worked example of istio-translation.md §10; expected tables are
 * the spec's byte-exact istioctl output (route blocks in gwctl's documented order, GatewayTranslator: dynamic
 * configs by listener port, then the static prometheus and healthz ones).
 */
class ProxyConfigCommandTest {
    static final String LISTENERS = """
            ADDRESSES PORT  MATCH DESTINATION
            0.0.0.0   8080  ALL   Route: http.8080
            0.0.0.0   8443  ALL   Route: https.443.https.test-istio-gateway.default
            0.0.0.0   15021 ALL   Inline Route: /healthz/ready*
            0.0.0.0   15090 ALL   Inline Route: /stats/prometheus*
            """;
    static final String ROUTES = """
            NAME                                           VHOST NAME     DOMAINS     MATCH                  VIRTUAL SERVICE
            http.8080                                      test.io:80     test.io     /*                     test-gw.default
            https.443.https.test-istio-gateway.default     *:443          *           /test*                 test-istio.default
                                                           backend        *           /stats/prometheus*\s\s\s\s\s
                                                           backend        *           /healthz/ready*\s\s\s\s\s\s\s\s
            """;
    static final String DEFAULT_INGRESS_NOTE = "gwctl: no gateway workload in the input; assuming Istio's default"
            + " ingress gateway istio-system/istio-ingressgateway (Service ports 15021, 80\u21928080, 443\u21928443)\n";

    @TempDir
    Path dir;
    private final Gwctl gwctl = new Gwctl();

    private String example() {
        write(dir, "gateways.yaml", GATEWAY_HTTP + "---\n" + GATEWAY_HTTPS);
        write(dir, "virtualservices.yaml", VS_TEST_GW + "---\n" + VS_TEST_ISTIO);
        write(dir, "ingress/gateway.yaml", INGRESS);
        return dir.toString();
    }

    @Test
    void listenerTableOfTheWorkedExample() {
        Gwctl.Result r = gwctl.run("proxy-config", "listener", "-f", example());
        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).isEqualTo(LISTENERS);
        assertThat(r.exitCode()).isZero();
        assertThat(gwctl.kubeClientRequests).hasValue(0);
    }

    @Test
    void routeTableOfTheWorkedExample() {
        Gwctl.Result r = gwctl.run("pc", "routes", "-f", example());
        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).isEqualTo(ROUTES);
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void blackholeBeforeTheVirtualServiceExisted() {
        write(dir, "gw.yaml", GATEWAY_HTTP + "---\n" + INGRESS);
        Gwctl.Result r = gwctl.run("pc", "r", "-f", dir.resolve("gw.yaml").toString());
        assertThat(r.out()).as(r.toString()).isEqualTo("""
                NAME          VHOST NAME       DOMAINS     MATCH                  VIRTUAL SERVICE
                http.8080     blackhole:80     *           /*                     404
                              backend          *           /stats/prometheus*\s\s\s\s\s
                              backend          *           /healthz/ready*\s\s\s\s\s\s\s\s
                """);
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void filtersAndNonVerboseListenerTable() {
        String in = example();
        assertThat(gwctl.run("pc", "l", "-f", in, "--port", "8443").out()).isEqualTo("""
                ADDRESSES PORT MATCH DESTINATION
                0.0.0.0   8443 ALL   Route: https.443.https.test-istio-gateway.default
                """);
        assertThat(gwctl.run("pc", "l", "-f", in, "--verbose=false").out()).isEqualTo("""
                ADDRESSES PORT  TYPE
                0.0.0.0   8080  HTTP
                0.0.0.0   8443  HTTP
                0.0.0.0   15021 HTTP
                0.0.0.0   15090 HTTP
                """);
        assertThat(gwctl.run("pc", "l", "-f", in, "--type", "tcp").out()).isEqualTo("ADDRESSES PORT MATCH DESTINATION\n");
        assertThat(gwctl.run("pc", "l", "-f", in, "--address", "0.0.0.0", "--verbose").out()).isEqualTo(LISTENERS);
    }

    @Test
    void routeNameFilterAndNonVerboseRouteTable() {
        String in = example();
        assertThat(gwctl.run("pc", "route", "-f", in, "--name", "http.8080").out()).isEqualTo("""
                NAME          VHOST NAME     DOMAINS     MATCH     VIRTUAL SERVICE
                http.8080     test.io:80     test.io     /*        test-gw.default
                """);
        assertThat(gwctl.run("pc", "route", "-f", in, "--verbose=false").out()).isEqualTo("""
                NAME                                           VIRTUAL HOSTS
                http.8080                                      1
                https.443.https.test-istio-gateway.default     1
                                                               1
                                                               1
                """);
    }

    @Test
    void workloadArgumentSelectsOneOfSeveralGateways() {
        String in = example();
        write(dir, "other.yaml", Fixtures.deployment("edge-gateway", "edge"));
        Gwctl.Result ambiguous = gwctl.run("pc", "l", "-f", in, "-i", "gw-ns");
        assertThat(ambiguous.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ambiguous.out()).isEmpty();
        assertThat(ambiguous.err()).isEqualTo("gwctl: found 2 gateway workloads and none is"
                + " gw-ns/istio-ingressgateway, the default in the istio namespace; name one of them:"
                + " deployment/istio-ingressgateway.istio-system, deployment/edge-gateway.edge\n");

        Gwctl.Result chosen = gwctl.run("pc", "l", "-f", in, "deploy/istio-ingressgateway.istio-system");
        assertThat(chosen.out()).as(chosen.toString()).isEqualTo(LISTENERS);
        Gwctl.Result afterFlag = gwctl.run("pc", "l", "-f", in, "--verbose", "istio-ingressgateway.istio-system");
        assertThat(afterFlag.out()).as("--verbose does not swallow the argument").isEqualTo(LISTENERS);
        assertThat(gwctl.run("pc", "l", "-f", in, "-n", "istio-system").out()).isEqualTo(LISTENERS);
    }

    @Test
    void ofSeveralWorkloadsTheIngressGatewayOfTheIstioNamespaceIsPicked() {
        String in = example();
        write(dir, "other.yaml", Fixtures.deployment("edge-gateway", "edge") + "---\n"
                + Fixtures.deployment("istio-ingressgateway", "gw-ns"));
        Gwctl.Result r = gwctl.run("pc", "l", "-f", in);
        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).isEqualTo(LISTENERS);
        assertThat(r.exitCode()).isZero();

        Gwctl.Result other = gwctl.run("pc", "l", "-f", in, "--istio-namespace", "gw-ns");
        assertThat(other.exitCode()).as(other.toString()).isZero();
        assertThat(other.out()).isNotEqualTo(LISTENERS)
                .isEqualTo(gwctl.run("pc", "l", "-f", in, "deploy/istio-ingressgateway.gw-ns").out());
    }

    @Test
    void aDeploymentAndItsPodsAreOneWorkload() {
        String in = example();
        write(dir, "ingress/pods.yaml", Fixtures.pod("istio-ingressgateway", "istio-system", "ax2z0") + "---\n"
                + Fixtures.pod("istio-ingressgateway", "istio-system", "bq9w1"));
        Gwctl.Result listeners = gwctl.run("pc", "l", "-f", in);
        assertThat(listeners.err()).as(listeners.toString()).isEmpty();
        assertThat(listeners.out()).isEqualTo(LISTENERS);
        assertThat(listeners.exitCode()).isZero();
        assertThat(gwctl.run("pc", "r", "-f", in).out()).isEqualTo(ROUTES);
        Gwctl.Result byPod = gwctl.run("pc", "l", "-f", in, "pod/istio-ingressgateway-7d4f8b9c6d-bq9w1",
                "-n", "istio-system");
        assertThat(byPod.out()).as(byPod.toString()).isEqualTo(LISTENERS);
    }

    @Test
    void assumesTheDefaultIngressWhenTheInputHasNoWorkload() {
        write(dir, "gateways.yaml", GATEWAY_HTTP + "---\n" + GATEWAY_HTTPS);
        write(dir, "virtualservices.yaml", VS_TEST_GW + "---\n" + VS_TEST_ISTIO);
        Gwctl.Result r = gwctl.run("pc", "l", "-f", dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEqualTo(DEFAULT_INGRESS_NOTE);
        assertThat(r.out()).isEqualTo(LISTENERS);
    }

    @Test
    void theAssumedDefaultIngressLivesInTheIstioNamespace() {
        write(dir, "gateways.yaml", GATEWAY_HTTP + "---\n" + GATEWAY_HTTPS);
        write(dir, "virtualservices.yaml", VS_TEST_GW + "---\n" + VS_TEST_ISTIO);
        Gwctl.Result r = gwctl.run("pc", "l", "-f", dir.toString(), "-i", "gw-ns");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEqualTo(DEFAULT_INGRESS_NOTE.replace("istio-system/", "gw-ns/"));
        assertThat(r.out()).isEqualTo(LISTENERS);
    }

    @Test
    void readsManifestsFromStdin() {
        gwctl.stdin(GATEWAY_HTTP + "---\n" + GATEWAY_HTTPS + "---\n" + VS_TEST_GW + "---\n" + VS_TEST_ISTIO + "---\n"
                + INGRESS);
        Gwctl.Result r = gwctl.run("pc", "routes", "-f", "-");
        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).isEqualTo(ROUTES);
    }

    @Test
    void noInputAndNoClusterIsAUsageError() {
        Gwctl.Result r = gwctl.run("pc", "listener");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("gwctl: no input: give -f PATH or --config-dump FILE, or --kubeconfig/--context"
                + " to read a cluster (no kubeconfig found)\nRun 'gwctl proxy-config listener --help' for usage.\n");
        assertThat(gwctl.kubeClientRequests).hasValue(0);
    }

    @Test
    void missingFileExits66AndPrintsNothingOnStdout() {
        String missing = dir.resolve("nope.yaml").toString();
        Gwctl.Result r = gwctl.run("pc", "listener", "-f", missing);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.NO_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("gwctl: " + missing + ": ").endsWith("gwctl: no resources could be read\n");
    }

    @Test
    void jsonAndYamlDumpTheFilteredEnvoyConfiguration() throws Exception {
        String in = example();
        Gwctl.Result json = gwctl.run("pc", "l", "-f", in, "-o", "json", "--port", "8443");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode listeners = new ObjectMapper().readTree(json.out());
        assertThat(listeners.isArray()).isTrue();
        assertThat(listeners).extracting(l -> l.path("name").asText()).containsExactly("0.0.0.0_8443");
        assertThat(json.out()).startsWith("[\n    {\n").endsWith("]\n");

        Gwctl.Result yaml = gwctl.run("pc", "r", "-f", in, "-o", "YAML", "--name", "http.8080");
        assertThat(yaml.exitCode()).as(yaml.toString()).isZero();
        JsonNode routes = new ObjectMapper(new YAMLFactory()).readTree(yaml.out());
        assertThat(routes).extracting(r -> r.path("name").asText()).containsExactly("http.8080");
        assertThat(routes.get(0).path("virtualHosts").get(0).path("name").asText()).isEqualTo("test.io:80");
    }
}
