package io.gwctl.cli.proxyconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.GoldenFiles;
import io.gwctl.cli.Gwctl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code gwctl pc trace} through the gwctl entry point: each case's stdout, stderr and exit code are compared with
 * {@code testdata/trace/cli/<case>.txt} (paths as a user at the repository root types them;
 * {@code -Dgwctl.update-golden=true} rewrites them, review the diff). The spec §10 walkthrough (curl test.io:80/
 * lands on test-gw.default), its blackhole variant, the bundled examples, TLS passthrough, TCP, header and method
 * matches, and the conformance config dump as input.
 */
class TraceCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    private static final Path SHARED = Path.of(System.getProperty("gwctl.shared.dir", "../../shared"))
            .toAbsolutePath().normalize();
    private static final String SPEC10 = "testdata/translate/spec-10-worked-example/input.yaml";
    private static final String GATEWAY = "testdata/examples/istio-system";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        all.add(Arguments.of("spec-10-walkthrough", List.of("pc", "trace", "http://test.io/", "-f", SPEC10)));
        all.add(Arguments.of("spec-10-walkthrough-json",
                List.of("pc", "trace", "http://test.io:80/", "-f", SPEC10, "-o", "json")));
        all.add(Arguments.of("spec-10-blackhole", List.of("pc", "trace", "http://test.io/", "-f",
                "testdata/translate/spec-10-blackhole/input.yaml")));
        all.add(Arguments.of("spec-10-https-wildcard", List.of("proxy-config", "trace",
                "https://anything.example/test/x", "-f", SPEC10)));
        all.add(Arguments.of("spec-10-no-route", List.of("pc", "trace", "https://anything.example/other", "-f",
                SPEC10)));
        all.add(Arguments.of("test-io-https-redirect", List.of("pc", "trace", "http://test.io/api/users", "-f",
                GATEWAY, "-f", "testdata/examples/test-io")));
        all.add(Arguments.of("test-io-https", List.of("pc", "trace", "https://test.io/api/users?id=7", "-f",
                GATEWAY, "-f", "testdata/examples/test-io", "deploy/istio-ingressgateway.istio-system")));
        all.add(Arguments.of("multi-team-shared-host", List.of("pc", "trace", "http://shop.example.com/cart", "-f",
                GATEWAY, "-f", "testdata/examples/multi-team")));
        all.add(Arguments.of("multi-team-no-host", List.of("pc", "trace", "http://www.example.com/", "-f", GATEWAY,
                "-f", "testdata/examples/multi-team")));
        all.add(Arguments.of("path-normalized", List.of("pc", "trace", "http://shop.example.com/blog/../cart", "-f",
                GATEWAY, "-f", "testdata/examples/multi-team")));
        all.add(Arguments.of("path-decoded", List.of("pc", "trace", "http://shop.example.com/%62log/./post", "-f",
                GATEWAY, "-f", "testdata/examples/multi-team", "-o", "json")));
        all.add(Arguments.of("path-not-normalized", List.of("pc", "trace", "http://shop.example.com/blog/../cart",
                "--path-normalization", "none", "-f", GATEWAY, "-f", "testdata/examples/multi-team")));
        all.add(Arguments.of("header-match", List.of("pc", "trace", "http://b.example.com/z", "--header",
                "foo: bar", "-f", "testdata/translate/spec-11-multi-port/input.yaml")));
        all.add(Arguments.of("regex-match", List.of("pc", "trace", "https://a.example.com/yes", "-X", "POST", "-f",
                "testdata/translate/spec-11-multi-port/input.yaml")));
        all.add(Arguments.of("tls-passthrough-weighted", List.of("pc", "trace", "https://10.0.0.1/", "--sni",
                "a.example.com", "-f", "testdata/translate/tls-passthrough/input.yaml")));
        all.add(Arguments.of("tls-no-chain", List.of("pc", "trace", "https://c.example.com/", "-f",
                "testdata/translate/tls-passthrough/input.yaml")));
        all.add(Arguments.of("tcp", List.of("pc", "trace", "tcp://db.example.com:9000", "-f",
                "testdata/translate/tcp-then-http/input.yaml")));
        all.add(Arguments.of("no-listener", List.of("pc", "trace", "http://test.io:9999/", "-f", SPEC10)));
        all.add(Arguments.of("bad-url", List.of("pc", "trace", "ftp://test.io/", "-f", SPEC10)));
        all.add(Arguments.of("sni-needs-https", List.of("pc", "trace", "http://test.io/", "--sni", "x", "-f",
                SPEC10)));
        all.add(Arguments.of("bad-header", List.of("pc", "trace", "http://test.io/", "-H", "novalue", "-f",
                SPEC10)));
        all.add(Arguments.of("bad-format", List.of("pc", "trace", "http://test.io/", "-o", "yaml", "-f", SPEC10)));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGolden(String name, List<String> args) throws Exception {
        Gwctl.Result r = run(args);
        GoldenFiles.compare(ROOT, ROOT.resolve("testdata/trace/cli/" + name + ".txt"), transcript(args, r));
    }

    @Test
    void theWalkthroughLandsOnTestGwWithItsSourcesAndExitsZero() throws Exception {
        Gwctl.Result r = run(List.of("pc", "trace", "http://test.io/", "-f", SPEC10, "-o", "json"));
        assertThat(r.exitCode()).isZero();
        JsonNode t = JSON.readTree(r.out());
        assertThat(t.at("/outcome/kind").asText()).isEqualTo("cluster");
        assertThat(t.at("/outcome/clusters/0/name").asText())
                .isEqualTo("outbound|8000||test-svc.default.svc.cluster.local");
        JsonNode route = t.at("/steps/4");
        assertThat(route.at("/kind").asText()).isEqualTo("route");
        assertThat(route.at("/sources/0/resource").asText()).isEqualTo("VirtualService default/test-gw");
        // The rule's line in the file: "  - route:" under http: of VirtualService test-gw.
        List<String> lines = Files.readAllLines(ROOT.resolve(SPEC10));
        int line = route.at("/sources/0/line").asInt();
        assertThat(lines.get(line - 1)).isEqualTo("  - route:");
        assertThat(lines.subList(0, line - 1)).contains("  name: test-gw");
        JsonNode chain = t.at("/steps/1/sources/0");
        assertThat(lines.get(chain.at("/line").asInt() - 1)).isEqualTo("  - port:");
        assertThat(chain.at("/resource").asText()).isEqualTo("Gateway default/test-gw");
    }

    @Test
    void aNotFoundExitsWithTheFindingsCode() {
        Gwctl.Result r = run(List.of("pc", "trace", "http://test.io/", "-f",
                "testdata/translate/spec-10-blackhole/input.yaml"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("virtual host blackhole:80 has no routes");
    }

    @Test
    void aConfigDumpIsInputToo() throws Exception {
        Path dump = SHARED.resolve("conformance/istioctl-printer/routes/istio-gateway-http-route-prefix/"
                + "configdump.json");
        assumeTrue(Files.isRegularFile(dump), "../shared/conformance absent: " + dump);
        List<String> args = List.of("pc", "trace", "http://httpbin.example.com/get?show_env=1", "--config-dump",
                dump.toString());
        Gwctl.Result r = run(args);
        String text = transcript(args, r).replace(SHARED.toString(), "../shared");
        GoldenFiles.compare(ROOT, ROOT.resolve("testdata/trace/cli/config-dump.txt"), text);
        assertThat(r.exitCode()).isZero();
        Gwctl.Result miss = run(List.of("pc", "trace", "http://httpbin.example.com/post", "--config-dump",
                dump.toString()));
        assertThat(miss.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(miss.out()).contains("none of the 1 routes of httpbin.example.com:80 matches GET /post");
        Gwctl.Result withWorkload = run(List.of("pc", "trace", "http://a/", "deploy/x", "--config-dump",
                dump.toString()));
        assertThat(withWorkload.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpShowsExamplesAndTheExitCodes() {
        Gwctl.Result r = run(List.of("pc", "trace", "--help"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().replaceAll("\\s+", " ")).contains("Usage: gwctl proxy-config trace", "URL [[TYPE/]NAME",
                "--header", "--method", "--sni", "Examples:", "gwctl pc trace http://test.io/ -f manifests/",
                "Exit 0 when the request reaches a cluster, a redirect or a direct response");
    }

    private static Gwctl.Result run(List<String> args) {
        List<String> absolute = new ArrayList<>();
        for (String a : args) {
            absolute.add(a.startsWith("testdata/") ? ROOT.resolve(a).toString() : a);
        }
        return new Gwctl().run(absolute.toArray(String[]::new));
    }

    private static String transcript(List<String> args, Gwctl.Result r) {
        String prefix = ROOT + "/";
        StringBuilder sb = new StringBuilder();
        sb.append("$ gwctl ").append(String.join(" ", args)).append('\n');
        sb.append("exit ").append(r.exitCode()).append('\n');
        sb.append("--- stdout\n").append(r.out().replace(prefix, ""));
        if (!r.err().isEmpty()) {
            sb.append("--- stderr\n").append(r.err().replace(prefix, ""));
        }
        return sb.toString();
    }
}
