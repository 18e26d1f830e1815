package io.gwctl.cli.proxyconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.Fixtures;
import io.gwctl.cli.Gwctl;
import io.gwctl.cli.live.LiveCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code proxy-config diff}: the manifests of {@code testdata/diff/httpbin/} (Istio's httpbin ingress task) against
 * the conformance dumps made from them, offline (--config-dump) and through a live proxy (--live, a mock cluster and
 * a local server standing in for Envoy's admin endpoint); differences are compared with golden files in that
 * directory ({@code -Dgwctl.update-golden=true} rewrites them). The examples' own translation, turned into a config
 * dump in Envoy's order, must give no difference: the bootstrap listeners and backend routes included.
 */
class DiffCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    private static final Path CASE = ROOT.resolve("testdata/diff/httpbin");
    private static final Path PRINTER = Path.of(System.getProperty("gwctl.shared.dir", "../../shared"))
            .toAbsolutePath().normalize().resolve("conformance/istioctl-printer");
    private static final String GATEWAY = ROOT.resolve("testdata/examples/istio-system").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    @RegisterExtension
    final LiveCluster cluster = new LiveCluster();

    private static Path dump(String routeCase) {
        assumeTrue(Files.isDirectory(PRINTER), "../shared/conformance absent: " + PRINTER);
        return PRINTER.resolve("routes").resolve(routeCase).resolve("configdump.json");
    }

    private static String[] diff(String... more) {
        return Stream.concat(Stream.of("pc", "diff", "-f", GATEWAY, "-f", CASE.toString()), Stream.of(more))
                .toArray(String[]::new);
    }

    /** Paths as a user in the repository root would see them. */
    private static String relative(String text) {
        return text.replace(PRINTER.toString(), "../shared/conformance/istioctl-printer");
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = CASE.resolve(name);
        if (Boolean.getBoolean("gwctl.update-golden")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("golden " + file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void theManifestsOfADumpGiveNoDifference() {
        Path dump = dump("istio-gateway-http-route-prefix");
        Gwctl.Result r = new Gwctl().run(diff("--config-dump", dump.toString()));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(relative(r.err())).isEqualTo("""
                gwctl: ../shared/conformance/istioctl-printer/routes/istio-gateway-http-route-prefix/configdump.json\
                 has no listeners; comparing the route tables only
                gwctl: no differences between the manifests and ../shared/conformance/istioctl-printer/routes/\
                istio-gateway-http-route-prefix/configdump.json (route table)
                """);
        Gwctl.Result gatewayOnly = new Gwctl().run("pc", "diff", "-f", GATEWAY, "--config-dump",
                dump("empty-gateway").toString(), "--table", "route");
        assertThat(gatewayOnly.exitCode()).as(gatewayOnly.toString()).isZero();
        assertThat(gatewayOnly.err()).hasLineCount(1).startsWith("gwctl: no differences between the manifests and ");
    }

    @Test
    void differencesExit79WithAUnifiedDiff() throws IOException {
        Gwctl.Result r = new Gwctl().run(diff("--config-dump", dump("empty-gateway").toString()));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertGolden("config-dump.diff", relative(r.out()));
        assertThat(r.err()).hasLineCount(1).contains("has no listeners; comparing the route tables only");

        Gwctl.Result listeners = new Gwctl().run(diff("--config-dump", dump("empty-gateway").toString(),
                "--table", "listener"));
        assertThat(listeners.exitCode()).as("--table listener compares even an absent table")
                .isEqualTo(ExitCodes.FINDINGS);
        assertGolden("listeners.diff", relative(listeners.out()));
        assertThat(listeners.err()).isEmpty();
    }

    @Test
    void theLiveProxyIsTheOneOfTheWorkloadInTheManifests() throws IOException {
        cluster.defaultIngress("istio-ingressgateway-7d4f9c-abcde")
                .serve(dump("istio-gateway-http-route-prefix"));
        Gwctl.Result same = cluster.gwctl().run(diff("--live", "--kubeconfig", cluster.kubeconfig()));
        assertThat(same.exitCode()).as(same.toString()).isZero();
        assertThat(same.out()).isEmpty();
        assertThat(same.err()).endsWith("gwctl: no differences between the manifests and"
                + " istio-system/istio-ingressgateway-7d4f9c-abcde (route table)\n");

        // The manifests move on (a new route and host) while the proxy still serves the old ones.
        String edited = Fixtures.write(dir, "httpbin.yaml", Files.readString(CASE.resolve("httpbin.yaml"))
                .replaceAll("(?m)^( *)- httpbin.example.com$",
                        "$1- httpbin.example.com\n$1- www.httpbin.example.com")
                .replace("  - match:\n", "  - match:\n    - uri:\n        prefix: /headers\n"));
        Gwctl.Result different = cluster.gwctl().run("pc", "diff", "-f", GATEWAY, "-f", edited, "--live",
                "--kubeconfig", cluster.kubeconfig());
        assertThat(different.exitCode()).as(different.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertGolden("live.diff", different.out());
        assertThat(cluster.tunnels).containsOnly("istio-system/istio-ingressgateway-7d4f9c-abcde:15000");
    }

    @Test
    void theClustersManifestsAgainstItsRunningGateway() throws IOException {
        cluster.apply(Path.of(GATEWAY, "ingress-gateway.yaml")).apply(CASE.resolve("httpbin.yaml"))
                .serve(dump("istio-gateway-http-route-prefix"));
        Gwctl.Result r = cluster.gwctl().run("pc", "diff", "--live", "--kubeconfig", cluster.kubeconfig());
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).endsWith("gwctl: no differences between the manifests and"
                + " istio-system/istio-ingressgateway-0 (route table)\n");
        assertThat(cluster.tunnels).containsExactly("istio-system/istio-ingressgateway-0:15000");
    }

    /**
     * The examples' translation as Envoy would dump it (dynamic listeners and route configurations in reverse, the
     * bootstrap ones static): no difference, so nothing the translator produces is printed differently from a dump.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"test-io", "multi-team", "bookinfo", "unexposed-port"})
    void aDumpOfTheTranslationItselfHasNoDifference(String team) throws IOException {
        String[] input = {"-f", GATEWAY, "-f", ROOT.resolve("testdata/examples").resolve(team).toString()};
        String dump = Fixtures.write(dir, "dump.json", dumpOf(input));
        Gwctl.Result r = new Gwctl().run(Stream.concat(Stream.of("pc", "diff", "--config-dump", dump),
                Stream.of(input)).toArray(String[]::new));
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEqualTo("gwctl: no differences between the manifests and " + dump
                + " (listener and route tables)\n");

        cluster.defaultIngress("gw-1").serve(Path.of(dump));
        Gwctl.Result live = cluster.gwctl().run(Stream.concat(Stream.of("pc", "diff", "--live", "--kubeconfig",
                cluster.kubeconfig()), Stream.of(input)).toArray(String[]::new));
        assertThat(live.out()).as(live.toString()).isEmpty();
        assertThat(live.exitCode()).isZero();
    }

    /** A config dump of what gwctl computes for {@code input}, in an order Envoy could list it in. */
    private static String dumpOf(String... input) throws IOException {
        JsonNode listeners = JSON.readTree(new Gwctl().run(Stream.concat(Stream.of("pc", "listener", "-o", "json"),
                Stream.of(input)).toArray(String[]::new)).out());
        JsonNode routes = JSON.readTree(new Gwctl().run(Stream.concat(Stream.of("pc", "route", "-o", "json"),
                Stream.of(input)).toArray(String[]::new)).out());
        ObjectNode root = JSON.createObjectNode();
        ArrayNode configs = root.putArray("configs");
        ObjectNode ls = configs.addObject().put("@type", "type.googleapis.com/envoy.admin.v3.ListenersConfigDump");
        ArrayNode dynamicListeners = ls.putArray("dynamic_listeners");
        ArrayNode staticListeners = ls.putArray("static_listeners");
        for (JsonNode l : reversed(listeners)) {
            int port = l.path("address").path("socketAddress").path("portValue").asInt();
            if (port == 15021 || port == 15090) {
                staticListeners.addObject().set("listener", l);
            } else {
                dynamicListeners.addObject().putObject("active_state").set("listener", l);
            }
        }
        ObjectNode rs = configs.addObject().put("@type", "type.googleapis.com/envoy.admin.v3.RoutesConfigDump");
        ArrayNode dynamicRoutes = rs.putArray("dynamic_route_configs");
        ArrayNode staticRoutes = rs.putArray("static_route_configs");
        for (JsonNode rc : reversed(routes)) {
            (rc.hasNonNull("name") ? dynamicRoutes : staticRoutes).addObject().set("route_config", rc);
        }
        return JSON.writeValueAsString(root);
    }

    private static List<JsonNode> reversed(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(n -> out.add(0, n));
        return out;
    }

    @Test
    void usageErrors() {
        Gwctl.Result none = new Gwctl().run(diff());
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).startsWith("gwctl: name what the proxy serves: --live (the running gateway) or"
                + " --config-dump FILE\n");
        assertThat(new Gwctl().run(diff("--live", "--config-dump", "d.json")).err())
                .startsWith("gwctl: use either --live or --config-dump for what the proxy serves, not both\n");
        Gwctl.Result table = new Gwctl().run(diff("--config-dump", "d.json", "--table", "cluster"));
        assertThat(table.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(table.err()).startsWith("gwctl: --table \"cluster\" not supported (choose listener, route, all)\n");
        assertThat(new Gwctl().run("pc", "diff", "-f", "-", "--config-dump", "-").err())
                .startsWith("gwctl: -f - and --config-dump - cannot both read standard input\n");
        assertThat(new Gwctl().run(diff("--config-dump", dir.resolve("absent.json").toString())).exitCode())
                .isEqualTo(ExitCodes.NO_INPUT);
    }
}
