package io.gwctl.cli.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.Fixtures;
import io.gwctl.cli.GoldenFiles;
import io.gwctl.cli.Gwctl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code gwctl diff}: the walkthrough of spec §10 (istio-translation.md), in three directories of an in-memory file
 * system: {@code v0} has the ingress gateway's Deployment and Service only ({@link Fixtures}), {@code v1} adds the Gateway {@code default/test-gw}
 * (HTTP, test.io), {@code v2} adds its VirtualService. Outputs are compared with golden files in
 * {@code testdata/diff/test-io/}; the rows the spec prints are checked on their own too, so a golden rewritten
 * by mistake still fails.
 */
class GatewayDiffCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    private static final Path GOLDEN = ROOT.resolve("testdata/diff/test-io");

    private static final String SERVICE = Fixtures.INGRESS;
    private static final String GATEWAY = Fixtures.GATEWAY_HTTP;
    private static final String VIRTUAL_SERVICE = Fixtures.VS_TEST_GW;

    private FileSystem fs;

    @BeforeEach
    void files() throws IOException {
        fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setWorkingDirectory("/work").build());
        write("v0/service.yaml", SERVICE);
        write("v1/service.yaml", SERVICE);
        write("v1/gateway.yaml", GATEWAY);
        write("v2/service.yaml", SERVICE);
        write("v2/gateway.yaml", GATEWAY);
        write("v2/virtual-service.yaml", VIRTUAL_SERVICE);
    }

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private void write(String name, String text) throws IOException {
        Path p = fs.getPath(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private Gwctl.Result run(String... args) {
        return new Gwctl().fileSystem(fs).run(args);
    }

    @Test
    void addingTheVirtualServiceReplacesTheBlackholeRoute() throws IOException {
        Gwctl.Result r = run("diff", "v1", "v2");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).isEmpty();
        // The rows of spec §10, laid out with the widths of both sides (VHOST NAME 17 wide for blackhole:80).
        assertThat(r.out()).contains("\n-http.8080     blackhole:80     *           /*                     404\n"
                + "+http.8080     test.io:80       test.io     /*                     test-gw.default\n");
        assertThat(r.out()).doesNotContain("@@ listeners").contains("@@ routes");
        assertThat(r.out()).contains("VirtualService default/test-gw (v2/virtual-service.yaml:1)",
                "Gateway default/test-gw (v2/gateway.yaml:1)");
        GoldenFiles.compare(ROOT, GOLDEN.resolve("v1-v2.txt"), r.out());
    }

    @Test
    void addingTheGatewayAddsItsListenerAndBlackholeRoute() throws IOException {
        Gwctl.Result r = run("diff", "v0", "v1");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("\n+0.0.0.0   8080  ALL   Route: http.8080\n",
                "\n+http.8080     blackhole:80     *           /*                     404\n");
        assertThat(r.out().lines().filter(l -> l.startsWith("-") && !l.startsWith("--- "))).as("removed rows")
                .isEmpty();
        GoldenFiles.compare(ROOT, GOLDEN.resolve("v0-v1.txt"), r.out());
    }

    @Test
    void jsonNamesEachChangedRowWithItsResources() throws IOException {
        Gwctl.Result r = run("diff", "v1", "v2", "-o", "json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode changes = new ObjectMapper().readTree(r.out()).get("changes");
        assertThat(changes).hasSize(1);
        JsonNode c = changes.get(0);
        assertThat(c.get("kind").asText()).isEqualTo("route");
        assertThat(c.get("workload").asText()).isEqualTo("deployment/istio-ingressgateway.istio-system");
        assertThat(c.get("name").asText()).isEqualTo("http.8080");
        assertThat(c.get("vhost").asText()).isEqualTo("test.io:80");
        assertThat(c.get("match").asText()).isEqualTo("/*");
        assertThat(c.get("before").asText()).isEqualTo("http.8080 blackhole:80 * /* 404");
        assertThat(c.get("after").asText()).isEqualTo("http.8080 test.io:80 test.io /* test-gw.default");
        assertThat(c.get("virtualServiceAt").asText()).isEqualTo("v2/virtual-service.yaml:1");
        GoldenFiles.compare(ROOT, GOLDEN.resolve("v1-v2.json"), r.out());
    }

    @Test
    void jsonOfAnAddedGatewayListsTheListenerAndTheRoute() throws IOException {
        Gwctl.Result r = run("diff", "v0", "v1", "-o", "json");
        JsonNode changes = new ObjectMapper().readTree(r.out()).get("changes");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("kind").asText()).isEqualTo("listener");
        assertThat(changes.get(0).get("name").asText()).isEqualTo("0.0.0.0_8080");
        assertThat(changes.get(0).get("before").isNull()).isTrue();
        assertThat(changes.get(1).get("after").asText()).isEqualTo("http.8080 blackhole:80 * /* 404");
    }

    @Test
    void markdownIsAPullRequestComment() throws IOException {
        Gwctl.Result r = run("diff", "v1", "v2", "-o", "markdown");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).startsWith("**gwctl diff**: 1 changed table row in 1 gateway workload.\n")
                .contains("```diff\n--- v1\n+++ v2\n");
        GoldenFiles.compare(ROOT, GOLDEN.resolve("v1-v2.md"), r.out());
    }

    @Test
    void identicalInputsExitZeroWithoutOutput() {
        for (String format : new String[] {"text", "markdown"}) {
            Gwctl.Result r = run("diff", "v2", "v2", "-o", format);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEmpty();
        }
        Gwctl.Result json = run("diff", "v2", "v2", "-o", "json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).isEqualToIgnoringWhitespace("{\"changes\":[]}");
    }

    @Test
    void theListenerTableAloneDoesNotChangeWithTheVirtualService() {
        Gwctl.Result r = run("diff", "v1", "v2", "--table", "listener");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(run("diff", "v1", "v2", "--table", "route").exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void oneSideMayBeStandardInput() {
        Gwctl.Result r = new Gwctl().fileSystem(fs).stdin(SERVICE + "---\n" + GATEWAY).run("diff", "-", "v2");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("--- <stdin>\n+++ v2\n");
    }

    @Test
    void inputErrorsExitAsTheRestOfGwctl() throws IOException {
        Gwctl.Result both = run("diff", "-", "-");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).startsWith("gwctl: BASE and HEAD cannot both read standard input\n");
        Gwctl.Result cluster = run("diff", "cluster:", "v2");
        assertThat(cluster.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cluster.err()).startsWith("gwctl: cluster: needs a cluster: no kubeconfig found (pass --kubeconfig"
                + " FILE or --context NAME)\n");
        assertThat(run("diff", "missing", "v2").exitCode()).isEqualTo(ExitCodes.NO_INPUT);
        assertThat(run("diff", "v1", "v2", "-o", "yaml").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("diff", "v1", "v2", "--table", "cluster").exitCode()).isEqualTo(ExitCodes.USAGE);
        Gwctl.Result absent = run("diff", "v1", "v2", "deploy/nope.default");
        assertThat(absent.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(absent.err()).contains("deploy/nope.default is in neither v1 nor v2");
        write("v3/broken.yaml", "kind: [\n");
        assertThat(run("diff", "v2", "v3").exitCode()).isEqualTo(ExitCodes.DATA_ERROR);
    }
}
