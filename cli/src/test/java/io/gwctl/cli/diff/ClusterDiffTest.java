package io.gwctl.cli.diff;

import static io.gwctl.cli.source.MockCluster.resourceOutside;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.Fixtures;
import io.gwctl.cli.GoldenFiles;
import io.gwctl.cli.Gwctl;
import io.gwctl.cli.source.KubeClientFactory;
import io.gwctl.cli.source.MockCluster;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gwctl diff cluster: HEAD} (and {@code BASE cluster:}) end to end: the real entry point and connection code
 * ({@link KubeClientFactory#fabric8()}, a kubeconfig file) against fabric8's mock API server in CRUD mode. Two
 * clusters: {@code walkthrough} holds the state of spec §10 (istio-translation.md) after the test.io Gateway was
 * added, before its VirtualService (the ingress gateway and {@code default/test-gw}: {@code http.8080} is the
 * blackhole route); {@code teams} holds the example repository's gateway and its three teams
 * ({@code testdata/examples/{istio-system,multi-team}}). Outputs with paths are compared after the temporary
 * directory or the repository root is cut from them.
 */
class ClusterDiffTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    private static final Path EXAMPLES = ROOT.resolve("testdata/examples");
    private static final Path GOLDEN = ROOT.resolve("testdata/diff");
    private static final String TEAM_API = "testdata/diff/multi-team/team-api/";
    private static final String BLACKHOLE = "http.8080     blackhole:80     *           /*                     404";
    private static final String TEST_IO = "http.8080     test.io:80       test.io     /*                     test-gw.default";

    static MockCluster walkthrough;
    static MockCluster teams;
    static String walkthroughConfig;
    static String teamsConfig;

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    @BeforeAll
    static void startClusters() {
        walkthrough = MockCluster.http().create("v1", Fixtures.INGRESS + "---\n" + Fixtures.GATEWAY_HTTP).ready();
        walkthroughConfig = walkthrough.kubeconfig(shared, "walkthrough", "walkthrough", "default", "t0k3n");
        teams = MockCluster.http().load(EXAMPLES.resolve("istio-system"), EXAMPLES.resolve("multi-team")).ready();
        teamsConfig = teams.kubeconfig(shared, "teams", "teams", "default", "t0k3n");
    }

    @AfterAll
    static void stopClusters() {
        walkthrough.close();
        teams.close();
    }

    @AfterEach
    void forgetInjectedFailures() {
        walkthrough.reset();
        teams.reset();
    }

    /** gwctl with the real connection code and {@code config} as $KUBECONFIG. */
    private static Gwctl gwctl(String config) {
        return new Gwctl().kube(KubeClientFactory.fabric8()).env("KUBECONFIG", config);
    }

    /** The walkthrough's directory {@code name} holding {@code docs}, one file each, as its absolute path. */
    private String directory(String name, String... docs) {
        Path d = dir.resolve(name);
        for (int i = 0; i < docs.length; i++) {
            Fixtures.write(d, i + ".yaml", docs[i]);
        }
        return d.toString();
    }

    /** Output with the temporary directory cut: paths as a user in it would type them. */
    private String relative(String text) {
        return text.replace(dir + "/", "");
    }

    /** Runs gwctl on the teams cluster with the repository's paths given absolute, and cuts the root from stdout. */
    private static Gwctl.Result inRepository(String... args) {
        List<String> absolute = new ArrayList<>();
        for (String a : args) {
            absolute.add(a.startsWith("testdata/") ? ROOT.resolve(a) + (a.endsWith("/") ? "/" : "") : a);
        }
        Gwctl.Result r = gwctl(teamsConfig).run(absolute.toArray(String[]::new));
        return new Gwctl.Result(r.exitCode(), r.out().replace(ROOT + "/", ""), r.err().replace(ROOT + "/", ""));
    }

    // ---- the walkthrough: the cluster has the Gateway, the change adds its VirtualService ---------------------

    @Test
    void addingTheVirtualServiceReplacesTheLiveBlackholeRoute() throws IOException {
        String v2 = directory("v2", Fixtures.INGRESS, Fixtures.GATEWAY_HTTP, Fixtures.VS_TEST_GW);

        Gwctl.Result r = gwctl(walkthroughConfig).run("diff", "cluster:", v2);

        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).contains("\n--- cluster:\n+++ " + v2 + "\n", "\n-" + BLACKHOLE + "\n+" + TEST_IO + "\n");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        GoldenFiles.compare(ROOT, GOLDEN.resolve("test-io/cluster-v2.txt"), relative(r.out()));
    }

    @Test
    void aTeamDirectoryWithoutTheGatewayWorkloadUsesTheClusters() {
        // only the team's namespace (default) in the files: istio-system, its Deployment and Service, is the cluster's
        String team = directory("team", Fixtures.GATEWAY_HTTP, Fixtures.VS_TEST_GW);

        Gwctl.Result r = gwctl(walkthroughConfig).run("diff", "cluster:", team);

        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).startsWith("# deployment/istio-ingressgateway.istio-system\n")
                .contains("\n-" + BLACKHOLE + "\n+" + TEST_IO + "\n");
        assertThat(r.out().lines().filter(l -> l.startsWith("-") && !l.startsWith("--- "))).hasSize(1);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void theClusterAsBaseShowsTheChangeTheOtherWayRound() {
        String v2 = directory("v2", Fixtures.INGRESS, Fixtures.GATEWAY_HTTP, Fixtures.VS_TEST_GW);

        Gwctl.Result r = gwctl(walkthroughConfig).run("diff", v2, "cluster:");

        assertThat(r.out()).contains("\n--- " + v2 + "\n+++ cluster:\n", "\n-" + TEST_IO + "\n+" + BLACKHOLE + "\n");
        // the row after the change is a 404, served by no VirtualService: nothing to trace it to
        assertThat(r.out()).doesNotContain("\n# changed");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void nothingChangedExitsZeroWithoutOutput() {
        String v1 = directory("v1", Fixtures.INGRESS, Fixtures.GATEWAY_HTTP);

        Gwctl.Result r = gwctl(walkthroughConfig).run("diff", "cluster:", v1);

        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void jsonNamesTheChangedRow() throws IOException {
        String v2 = directory("v2", Fixtures.INGRESS, Fixtures.GATEWAY_HTTP, Fixtures.VS_TEST_GW);

        Gwctl.Result r = gwctl(walkthroughConfig).run("diff", "cluster:", v2, "-o", "json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode changes = new ObjectMapper().readTree(r.out()).get("changes");
        assertThat(changes).hasSize(1);
        JsonNode c = changes.get(0);
        assertThat(c.get("change").asText()).isEqualTo("changed");
        assertThat(c.get("workload").asText()).isEqualTo("deployment/istio-ingressgateway.istio-system");
        assertThat(c.get("before").asText()).isEqualTo("http.8080 blackhole:80 * /* 404");
        assertThat(c.get("after").asText()).isEqualTo("http.8080 test.io:80 test.io /* test-gw.default");
        assertThat(relative(c.get("virtualServiceAt").asText())).isEqualTo("v2/2.yaml:1");
        GoldenFiles.compare(ROOT, GOLDEN.resolve("test-io/cluster-v2.json"), relative(r.out()));
    }

    @Test
    void anUnreachableClusterExits69InOneLine() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        String config = dir.resolve("dead").toString();
        String v2 = directory("v2", Fixtures.INGRESS, Fixtures.GATEWAY_HTTP, Fixtures.VS_TEST_GW);
        Fixtures.write(dir, "dead", deadKubeconfig(url));

        Gwctl.Result r = gwctl(config).run("diff", "cluster:", v2);

        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gwctl: cannot reach the cluster at " + url + " (connection refused): check"
                + " --context/--kubeconfig and that the API server is up, or read manifests with -f PATH\n");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    }

    /** A kubeconfig whose one context points at {@code server}. */
    private static String deadKubeconfig(String server) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: dead
                  cluster:
                    server: %s
                users:
                - name: dead
                  user:
                    token: t
                contexts:
                - name: dead
                  context:
                    cluster: dead
                    user: dead
                current-context: dead
                """.formatted(server);
    }

    @Test
    void forbiddenIstioReadsStopAsEveryClusterCommandDoes() {
        walkthrough.deny(resourceOutside("virtualservices", "no-such-namespace"));
        String v2 = directory("v2", Fixtures.INGRESS, Fixtures.GATEWAY_HTTP, Fixtures.VS_TEST_GW);

        Gwctl.Result r = gwctl(walkthroughConfig).run("diff", "cluster:", v2);

        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gwctl: Error from server (Forbidden): virtualservices.networking.istio.io is"
                + " forbidden: User \"system:serviceaccount:ci:gwctl\" cannot list resource \"virtualservices\" in API"
                + " group \"networking.istio.io\" in the namespace \"default\"\n");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
    }

    @Test
    void theClusterOnBothSidesOrWithANameIsAUsageError() {
        String v1 = directory("v1", Fixtures.INGRESS, Fixtures.GATEWAY_HTTP);
        Gwctl.Result both = gwctl(walkthroughConfig).run("diff", "cluster:", "cluster:");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).startsWith("gwctl: BASE and HEAD cannot both be the cluster: compare cluster: with a"
                + " file or a directory\n");
        Gwctl.Result named = gwctl(walkthroughConfig).run("diff", "cluster:prod", v1);
        assertThat(named.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(named.err()).startsWith("gwctl: \"cluster:prod\": the cluster side is cluster: alone; pick the"
                + " cluster with --context NAME or --kubeconfig FILE (./cluster:prod names a file)\n");
        Gwctl.Result flag = gwctl(walkthroughConfig).run("diff", "cluster:", v1, "--with-cluster");
        assertThat(flag.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(walkthrough.requests()).isEmpty();
    }

    @Test
    void theContextFlagPicksTheCluster() {
        String both = shared.resolve("teams") + java.io.File.pathSeparator + shared.resolve("walkthrough");
        String v1 = directory("v1", Fixtures.INGRESS, Fixtures.GATEWAY_HTTP);

        // the current context is the first file's (teams); --context walkthrough reads the other cluster
        Gwctl.Result r = gwctl(both).run("diff", "cluster:", v1, "--context", "walkthrough");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(teams.requests()).isEmpty();
        assertThat(walkthrough.requests()).isNotEmpty();
    }

    // ---- several teams on one gateway: the files stand for their namespaces ----------------------------------

    @Test
    void oneTeamAddingARouteShowsThatRouteOnly() throws IOException {
        Gwctl.Result r = inRepository("diff", "cluster:", TEAM_API);

        assertThat(r.err()).as(r.toString()).isEmpty();
        // the other teams' routes are context lines: neither removed nor added
        assertThat(r.out().lines().filter(l -> l.startsWith("-") && !l.startsWith("--- "))).isEmpty();
        assertThat(r.out().lines().filter(l -> l.startsWith("+") && !l.startsWith("+++ ")))
                .allMatch(l -> l.contains("/v2*") && l.endsWith("api.team-api")).hasSize(2);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        GoldenFiles.compare(ROOT, GOLDEN.resolve("multi-team/cluster-team-api.txt"), r.out());
    }

    @Test
    void markdownOfOneTeamsChange() throws IOException {
        Gwctl.Result r = inRepository("diff", "cluster:", TEAM_API, "-o", "markdown");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        GoldenFiles.compare(ROOT, GOLDEN.resolve("multi-team/cluster-team-api.md"), r.out());
    }

    @Test
    void allNamespacesComparesTheWholeClusterWithTheFiles() {
        Gwctl.Result r = inRepository("diff", "cluster:", TEAM_API, "-A");

        // the other teams' routes are not in the files: removed, and so is the gateway workload (none in the files)
        assertThat(r.out()).contains("\n-http.8080", "shop.team-shop", "web.team-web");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void theNamespaceFlagComparesThatNamespaceOnly() {
        // the files have nothing in team-shop: their team-api objects are left out, team-shop is emptied
        Gwctl.Result r = inRepository("diff", "cluster:", TEAM_API, "-n", "team-shop", "-v");

        assertThat(r.err()).contains("gwctl: compared namespace(s) team-shop; the cluster's other namespaces are on"
                + " both sides (-A compares every namespace)\n");
        assertThat(r.out()).contains("\n-https.443.https-shop.shop-gateway.team-shop").doesNotContain("/v2*");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);

        Gwctl.Result api = inRepository("diff", "cluster:", TEAM_API, "-n", "team-api");
        assertThat(api.out()).contains("/v2*");
        assertThat(api.out().lines().filter(l -> l.startsWith("-") && !l.startsWith("--- "))).isEmpty();
    }

    @Test
    void theFilesAloneAssumeTheDefaultGateway() throws IOException {
        // the same change without the cluster: team api's file before and after, Istio's default ingress gateway
        List<String> args = List.of("diff", ROOT.resolve("testdata/examples/multi-team/team-api.yaml").toString(),
                ROOT.resolve(TEAM_API + "team-api.yaml").toString());

        Gwctl.Result r = new Gwctl().run(args.toArray(String[]::new));

        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        GoldenFiles.compare(ROOT, GOLDEN.resolve("multi-team/files-team-api.txt"), r.out().replace(ROOT + "/", ""));
    }
}
