package io.gwctl.cli.proxyconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.Gwctl;
import io.gwctl.cli.live.LiveCluster;
import io.gwctl.cli.live.ProxyAdminTunnels;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code proxy-config listener|route --live} end to end: the pod looked up in fabric8's mock API server through a
 * kubeconfig, {@code /config_dump} fetched over HTTP from a local server standing in for the Envoy admin endpoint
 * (serving the conformance dumps of {@code ../shared/conformance/istioctl-printer/}, skipped visibly when absent),
 * and every failure on the way as one line with its exit code.
 */
class LiveProxyConfigTest {
    private static final Path PRINTER = Path.of(System.getProperty("gwctl.shared.dir", "../../shared"))
            .resolve("conformance/istioctl-printer");

    @RegisterExtension
    final LiveCluster cluster = new LiveCluster();

    /** Every conformance dump, with the table command that prints it. */
    static Stream<Path> dumps() throws IOException {
        if (!Files.isDirectory(PRINTER)) {
            return Stream.of(PRINTER); // one case that skips with the reason
        }
        try (Stream<Path> s = Files.walk(PRINTER)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    private static void assumeShared() {
        assumeTrue(Files.isDirectory(PRINTER), "../shared/conformance absent: " + PRINTER);
    }

    private Gwctl.Result live(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--live", "--kubeconfig", cluster.kubeconfig()))
                .toArray(String[]::new);
        return cluster.gwctl().run(all);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void liveTablesAreTheConfigDumpTablesByteForByte(Path dump) throws IOException {
        assumeShared();
        cluster.defaultIngress("istio-ingressgateway-7d4f9c-abcde").serve(dump);
        for (List<String> command : List.of(List.of("pc", "route"), List.of("pc", "listener"),
                List.of("pc", "route", "-o", "json"), List.of("pc", "listener", "--verbose=false"),
                List.of("pc", "all"))) {
            Gwctl.Result offline = new Gwctl().run(Stream.concat(command.stream(),
                    Stream.of("--config-dump", dump.toString())).toArray(String[]::new));
            Gwctl.Result r = live(command.toArray(String[]::new));
            assertThat(r.err()).as(command + ": " + r).isEmpty();
            assertThat(r.out()).as(command.toString()).isEqualTo(offline.out());
            assertThat(r.exitCode()).isZero();
        }
        assertThat(cluster.tunnels).hasSize(5)
                .containsOnly("istio-system/istio-ingressgateway-7d4f9c-abcde:15000");
        // pc all asks for the endpoints too, as istioctl's does
        assertThat(cluster.requests).containsOnly("/config_dump", "/config_dump?include_eds")
                .containsOnlyOnce("/config_dump?include_eds");
    }

    @Test
    void routeGoldenThroughTheTunnel() throws IOException {
        assumeShared();
        Path c = PRINTER.resolve("routes/istio-gateway-http-route-prefix");
        cluster.defaultIngress("gw-1").serve(c.resolve("configdump.json"));
        Gwctl.Result r = live("pc", "routes");
        assertThat(r.out()).as(r.toString()).isEqualTo(LiveCluster.read(c.resolve("output.txt")));
    }

    private void serveTinyDump() {
        cluster.answer(200, """
                {"configs": [{"@type": "type.googleapis.com/envoy.admin.v3.RoutesConfigDump",
                  "dynamic_route_configs": [{"route_config": {"name": "http.8080", "virtual_hosts": [
                    {"name": "a:80", "domains": ["a"], "routes": [{"match": {"prefix": "/"},
                     "route": {"cluster": "x"}}]}]}}]}]}
                """);
    }

    @Test
    void proxyAdminPortChoosesThePortForwarded() {
        cluster.defaultIngress("gw-1");
        serveTinyDump();
        Gwctl.Result r = live("pc", "r", "--proxy-admin-port", "15001");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("http.8080");
        assertThat(cluster.tunnels).containsExactly("istio-system/gw-1:15001");
    }

    @Test
    void aDeploymentIsReadThroughItsFirstRunningReadyPodByName() {
        cluster.deployment("gateways", "edge")
                .pod("gateways", "edge-a", "edge", "Pending", false)
                .pod("gateways", "edge-b", "edge", "Running", false)
                .pod("gateways", "edge-d", "edge", "Running", true)
                .pod("gateways", "edge-c", "edge", "Running", true)
                .pod("gateways", "other", "other", "Running", true);
        serveTinyDump();
        assertThat(live("pc", "r", "deploy/edge.gateways").exitCode()).isZero();
        assertThat(live("pc", "r", "deployment/edge", "-n", "gateways").exitCode()).isZero();
        assertThat(live("pc", "r", "edge.gateways").exitCode()).as("a bare name: a pod, else a Deployment").isZero();
        assertThat(live("pc", "r", "pod/edge-b.gateways").exitCode()).as("a named pod need not be ready").isZero();
        assertThat(live("pc", "r", "other", "-n", "gateways").exitCode()).isZero();
        assertThat(cluster.tunnels).containsExactly("gateways/edge-c:15000", "gateways/edge-c:15000",
                "gateways/edge-c:15000", "gateways/edge-b:15000", "gateways/other:15000");
    }

    @Test
    void aMissingWorkloadIsAUsageError() {
        Gwctl.Result r = live("pc", "l", "pod/nope.istio-system");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("gwctl: no pod \"nope\" in namespace istio-system of the cluster\n");
        Gwctl.Result dflt = live("pc", "l");
        assertThat(dflt.err()).isEqualTo(
                "gwctl: no deployment \"istio-ingressgateway\" in namespace istio-system of the cluster\n");
        assertThat(live("pc", "l", "gw").err()).as("the context's namespace")
                .isEqualTo("gwctl: no pod or deployment \"gw\" in namespace default of the cluster\n");
        assertThat(live("pc", "l", "svc/gw").err()).startsWith("gwctl: unsupported workload type \"svc\"");
        assertThat(cluster.tunnels).isEmpty();
    }

    @Test
    void aDeploymentWithoutAReadyPodExits69() {
        cluster.deployment("istio-system", "istio-ingressgateway")
                .pod("istio-system", "gw-1", "istio-ingressgateway", "Pending", false)
                .pod("istio-system", "gw-2", "istio-ingressgateway", "Running", false);
        Gwctl.Result r = live("pc", "route");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).isEqualTo("gwctl: deployment istio-system/istio-ingressgateway has no running and ready"
                + " pod (gw-1 Pending; gw-2 Running, not ready); name one with pod/NAME.istio-system\n");
        cluster.pod("istio-system", "gw-3", null, "Failed", false);
        assertThat(live("pc", "route", "pod/gw-3.istio-system").err())
                .isEqualTo("gwctl: pod istio-system/gw-3 is not running (phase Failed)\n");
    }

    @Test
    void aForbiddenPortForwardNamesThePermission() {
        cluster.defaultIngress("gw-1");
        cluster.api().expect().get().withPath("/api/v1/namespaces/istio-system/pods/gw-1/portforward?ports=15000")
                .andReturn(403, "{\"kind\":\"Status\",\"code\":403,\"reason\":\"Forbidden\"}").always();
        // The real fabric8 tunnel: the API server's refusal is only known once a connection goes through it.
        Gwctl.Result r = cluster.gwctl().proxyAdmin(ProxyAdminTunnels.fabric8())
                .run("pc", "l", "--live", "--kubeconfig", cluster.kubeconfig());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).isEqualTo("gwctl: port-forward to pod istio-system/gw-1 refused (403 Forbidden):"
                + " reading a live proxy needs the permission to create pods/portforward in namespace istio-system\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anAdminPortThatDoesNotAnswerExits69() throws IOException {
        cluster.defaultIngress("gw-1");
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Gwctl.Result r = cluster.gwctl().proxyAdmin(cluster.tunnelsTo(URI.create("http://127.0.0.1:" + closed + "/")))
                .run("pc", "l", "--live", "--kubeconfig", cluster.kubeconfig(), "--proxy-admin-port", "15009");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).isEqualTo("gwctl: nothing answers on port 15009 of pod istio-system/gw-1 (connection"
                + " refused): is it the proxy's Envoy admin port (--proxy-admin-port)?\n");
    }

    @Test
    void anErrorStatusExits69WithTheStartOfTheBody() {
        cluster.defaultIngress("gw-1").answer(503, "envoy overloaded\nmore detail");
        Gwctl.Result r = live("pc", "l");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).isEqualTo("gwctl: GET /config_dump on port 15000 of pod istio-system/gw-1 answered"
                + " HTTP 503: envoy overloaded\n");
    }

    @Test
    void aDumpThatDoesNotParseExits65AndShowsTheStackOnlyWithV() {
        cluster.defaultIngress("gw-1").answer(200, "{\n \"configs\": [\n  {,\n");
        Gwctl.Result r = live("pc", "route");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.DATA_ERROR);
        assertThat(r.err()).startsWith("gwctl: config_dump of pod istio-system/gw-1:3:")
                .doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(live("pc", "route", "-v").err()).contains("\tat ");
        assertThat(live("pc", "route", "-v").exitCode()).isEqualTo(ExitCodes.DATA_ERROR);
    }

    @Test
    void usageErrors() {
        assertThat(live("pc", "l", "-f", "x.yaml").err())
                .startsWith("gwctl: --live reads the running proxy: it cannot be combined with -f or --config-dump");
        assertThat(live("pc", "l", "--config-dump", "d.json").exitCode()).isEqualTo(ExitCodes.USAGE);
        Gwctl.Result port = new Gwctl().run("pc", "l", "-f", "x.yaml", "--proxy-admin-port", "15001");
        assertThat(port.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(port.err()).startsWith("gwctl: --proxy-admin-port needs --live\n");
        assertThat(live("pc", "l", "--proxy-admin-port", "0").err())
                .startsWith("gwctl: --proxy-admin-port 0 is not a port (1-65535)\n");
        assertThat(cluster.tunnels).isEmpty();
    }

    @Test
    void noKubeconfigExits69() {
        Gwctl.Result r = new Gwctl().run("pc", "l", "--live");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).isEqualTo("gwctl: --live reads a cluster, and no kubeconfig was found: pass"
                + " --kubeconfig FILE or set KUBECONFIG\n");
    }

    @Test
    void aForbiddenPodReadNamesThePermissions() {
        cluster.api().expect().get().withPath("/api/v1/namespaces/gw/pods/gw-1")
                .andReturn(403, "{\"kind\":\"Status\",\"code\":403,\"reason\":\"Forbidden\"}").always();
        Gwctl.Result r = live("pc", "l", "gw-1.gw");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).startsWith("gwctl: cannot read pods and deployments in namespace gw of the cluster at http")
                .endsWith(" (forbidden): reading a live proxy needs get and list on pods, get on deployments\n");
    }

    @Test
    void anUnreachableClusterExits69() {
        cluster.stopApiServer();
        Gwctl.Result r = live("pc", "l");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).startsWith("gwctl: cannot reach the cluster at http").contains("--context/--kubeconfig")
                .doesNotContain("\tat ");
    }
}
