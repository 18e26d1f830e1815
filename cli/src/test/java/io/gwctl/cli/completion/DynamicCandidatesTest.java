package io.gwctl.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.Environment;
import io.gwctl.cli.Fixtures;
import io.gwctl.cli.Main;
import io.gwctl.cli.source.MockCluster;
import java.io.File;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code gwctl __complete WHAT WORD...} run in-process: what it finds in {@code -f}'s files, a config dump, the
 * kubeconfig and a cluster, and that it prints nothing but candidates, exits 0 and stays silent when it finds
 * nothing or anything fails. The shells' use of it is ShellCompletionTest's.
 */
class DynamicCandidatesTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    private static final String EXAMPLES = ROOT.resolve("testdata/examples").toString();

    @TempDir
    static Path tmp;
    private static MockCluster cluster;
    private static String clusterKubeconfig;

    @BeforeAll
    static void startCluster() {
        cluster = MockCluster.http().load(ROOT.resolve("testdata/examples/istio-system"))
                .create("v1", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: istio-system\n---\n"
                        + "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n"
                        + Fixtures.pod("istio-ingressgateway", "istio-system", "ax2z0"))
                .ready();
        clusterKubeconfig = cluster.kubeconfig(tmp, "cluster.yaml", "mock", "default", "t0k3n");
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    /** The process's environment but for its variables, which are {@code variables} only. */
    private static Environment environment(Map<String, String> variables) {
        Environment system = Environment.system();
        return new Environment(variables, system.stdin(), false, system.fileSystem(), system.kubeClients(),
                system.proxyAdmin());
    }

    /** Runs {@code gwctl __complete args...} with KUBECONFIG={@code kubeconfig} (null: none); its output lines. */
    private static List<String> complete(String kubeconfig, String... args) {
        Map<String, String> vars = new HashMap<>();
        vars.put("HOME", tmp.resolve("home").toString());
        vars.put(DynamicCandidates.TIMEOUT_VARIABLE, "20s"); // a loaded machine's first HTTP client may be slow
        if (kubeconfig != null) {
            vars.put("KUBECONFIG", kubeconfig);
        }
        List<String> argv = new ArrayList<>();
        argv.add(DynamicCandidates.COMMAND);
        argv.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(argv.toArray(String[]::new), out, err, environment(vars));
        assertThat(err.toString()).as("stderr").isEmpty();
        assertThat(code).isZero();
        return out.toString().lines().toList();
    }

    private static String kubeconfig(String name, String... contexts) throws Exception {
        StringBuilder b = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n"
                + "    server: http://127.0.0.1:1\nusers:\n- name: u\n  user:\n    token: t\ncontexts:\n");
        for (String c : contexts) {
            b.append("- name: ").append(c).append("\n  context:\n    cluster: c\n    user: u\n");
        }
        b.append("current-context: ").append(contexts[0]).append('\n');
        return Files.writeString(tmp.resolve(name), b.toString()).toString();
    }

    @Test
    void workloadsOfTheFiles() {
        assertThat(complete(null, "workload", "pc", "l", "-f", EXAMPLES))
                .containsExactly("deploy/istio-ingressgateway.istio-system");
        // -n: that namespace's, without the suffix the argument then does not need
        assertThat(complete(null, "workload", "pc", "l", "-f", EXAMPLES, "-n", "istio-system"))
                .containsExactly("deploy/istio-ingressgateway");
        assertThat(complete(null, "workload", "pc", "l", "--filename=" + EXAMPLES, "--namespace=team-api")).isEmpty();
        // --namespace=istio-system as bash passes it: split at the =
        assertThat(complete(null, "workload", "pc", "l", "-f", EXAMPLES, "--namespace", "=", "istio-system"))
                .containsExactly("deploy/istio-ingressgateway");
    }

    @Test
    void namespacesOfTheFiles() {
        // by hand: the namespaces named in testdata/examples (grep -rh namespace: testdata/examples | sort -u), and
        // default for the documents without one
        assertThat(complete(null, "namespace", "validate", "-f", EXAMPLES, "-n")).containsExactly("bookinfo",
                "default", "istio-system", "monitoring", "payments", "team-api", "team-shop", "team-web");
    }

    @Test
    void routeNamesOfTheWorkloadOnTheLineOrOfTheDump() {
        // test-io's Gateway serves http on 80 (target 8080) and https on 443 of the default ingress gateway
        assertThat(complete(null, "route", "pc", "route", "-f", EXAMPLES + "/istio-system", "-f",
                EXAMPLES + "/test-io", "deploy/istio-ingressgateway.istio-system", "--name"))
                .containsExactly("http.8080", "https.443.https.test-gateway.default");
        assertThat(complete(null, "route", "pc", "route", "--config-dump",
                ROOT.resolve("testdata/fuzz/config-dump/listeners-and-routes.json").toString(), "--name"))
                .containsExactly("http.8080");
    }

    @Test
    void contextsOfEveryKubeconfigFileOrOfTheFlag() throws Exception {
        String a = kubeconfig("a.yaml", "alpha");
        String b = kubeconfig("b.yaml", "beta", "gamma");
        assertThat(complete(a + File.pathSeparator + b, "context", "validate", "--context"))
                .containsExactly("alpha", "beta", "gamma");
        assertThat(complete(a + File.pathSeparator + b, "context", "validate", "--kubeconfig", b, "--context"))
                .containsExactly("beta", "gamma");
        assertThat(complete(null, "context", "validate", "--context")).isEmpty();
    }

    @Test
    void namespacesAndWorkloadsOfTheCluster() {
        assertThat(complete(clusterKubeconfig, "namespace", "pc", "l", "-n")).containsExactly("istio-system", "shop");
        // the gateway Deployment of testdata/examples/istio-system, and the Pod it runs
        assertThat(complete(clusterKubeconfig, "workload", "pc", "l")).containsExactly(
                "deploy/istio-ingressgateway.istio-system", "pod/istio-ingressgateway-7d4f8b9c6d-ax2z0.istio-system");
        assertThat(complete(clusterKubeconfig, "workload", "pc", "l", "-n", "shop")).isEmpty();
    }

    @Test
    void theClusterIsReadWithinOneSecondUnlessTheEnvironmentSaysOtherwise() {
        DynamicCandidates.Line line = new DynamicCandidates.Line();
        new CommandLine(line).parseArgs("--kubeconfig", clusterKubeconfig, "--request-timeout", "1m");
        assertThat(line.target(environment(Map.of())).orElseThrow().connection().timeout())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(line.target(environment(Map.of(DynamicCandidates.TIMEOUT_VARIABLE, "3s")))
                .orElseThrow().connection().timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void nothingAndSilenceWhenNothingCanBeFound() throws Exception {
        // a cluster nobody answers for, a missing file, a broken dump, an unknown WHAT, standard input, no WHAT
        assertThat(complete(kubeconfig("down.yaml", "down"), "namespace", "validate", "-n")).isEmpty();
        assertThat(complete(null, "workload", "pc", "l", "-f", tmp.resolve("missing").toString())).isEmpty();
        assertThat(complete(null, "route", "pc", "r", "--config-dump",
                ROOT.resolve("testdata/fuzz/config-dump/truncated.json").toString(), "--name")).isEmpty();
        assertThat(complete(null, "pods", "pc", "l", "-f", EXAMPLES)).isEmpty();
        assertThat(complete(null, "workload", "pc", "l", "-f", "-")).isEmpty();
        assertThat(complete(null)).isEmpty();
    }
}
