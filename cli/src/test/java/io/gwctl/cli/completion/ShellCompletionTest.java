package io.gwctl.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.Environment;
import io.gwctl.cli.Main;
import io.gwctl.cli.source.MockCluster;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * gwctl's own completion scripts in real bash, zsh and fish, with a {@code gwctl} on the PATH that runs this build
 * (a wrapper around {@code java -cp <the test class path> io.gwctl.cli.Main}): file names where a file is expected,
 * nothing where a name is, and the names {@code gwctl __complete} finds in {@code -f}'s files, the kubeconfig and a
 * cluster (fabric8's mock API server).
 */
class ShellCompletionTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    private static final String EXAMPLES = ROOT.resolve("testdata/examples") + "/";

    @TempDir
    static Path tmp;
    private static MockCluster cluster;
    private static String clusterKubeconfig;
    /** Two kubeconfig files: alpha in one, beta and gamma in the other. */
    private static String twoKubeconfigs;
    private static Map<String, String> offline;

    @BeforeAll
    static void setUp() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path gwctl = bin.resolve("gwctl");
        Files.writeString(gwctl, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp '" + classPath
                + "' io.gwctl.cli.Main \"$@\"\n");
        gwctl.toFile().setExecutable(true);
        for (String shell : CompletionScripts.SHELLS) {
            Files.writeString(tmp.resolve("gwctl." + shell),
                    CompletionScripts.script(shell, Main.commandLine(Environment.system())));
        }
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("gateway.yaml"), "kind: Gateway\n");
        Files.createDirectories(work.resolve("manifests"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        offline = new HashMap<>();
        offline.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        offline.put("HOME", home.toString());
        offline.put("KUBECONFIG", null);
        offline.put("KUBERNETES_SERVICE_HOST", null);
        offline.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        offline.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        // each completion starts a JVM: on a loaded CI machine its HTTP client alone may take the default second
        offline.put(DynamicCandidates.TIMEOUT_VARIABLE, "20s");

        cluster = MockCluster.http().create("v1", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n"
                + "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: istio-system\n").ready();
        clusterKubeconfig = cluster.kubeconfig(tmp, "cluster.yaml", "mock", "default", "t0k3n");
        Path a = tmp.resolve("a.yaml");
        Path b = tmp.resolve("b.yaml");
        Files.writeString(a, kubeconfig("alpha"));
        Files.writeString(b, kubeconfig("beta", "gamma"));
        twoKubeconfigs = a + File.pathSeparator + b;
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    private static String kubeconfig(String... contexts) {
        StringBuilder b = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n"
                + "    server: https://127.0.0.1:1\nusers:\n- name: u\n  user:\n    token: t\ncontexts:\n");
        for (String c : contexts) {
            b.append("- name: ").append(c).append("\n  context:\n    cluster: c\n    user: u\n");
        }
        return b.append("current-context: ").append(contexts[0]).append('\n').toString();
    }

    /** The shell's completer, run in the work directory with no kubeconfig (offline), KUBECONFIG=kubeconfig else. */
    private static Completer completer(String shell, String kubeconfig) {
        Shell.assumeInstalled(shell);
        Map<String, String> env = new HashMap<>(offline);
        env.put("KUBECONFIG", kubeconfig);
        return new Completer(shell, tmp.resolve("gwctl." + shell), env, tmp.resolve("work"));
    }

    /** What a shell shows for file names: the names themselves, or zsh's file completion. */
    private static List<String> files(String shell, String... names) {
        return shell.equals("zsh") ? List.of(Completer.ZSH_FILES) : List.of(names);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void fileOptionsCompleteFileAndDirectoryNames(String shell) throws Exception {
        Completer c = completer(shell, null);
        List<String> gateway = files(shell, "gateway.yaml");
        assertThat(c.complete("gwctl pc l -f ga")).containsExactlyElementsOf(gateway);
        // a directory: bash marks it with a slash when it shows it (compopt -o filenames), fish in the name
        assertThat(c.complete("gwctl validate --filename ma")).containsExactlyElementsOf(
                files(shell, shell.equals("fish") ? "manifests/" : "manifests"));
        assertThat(c.complete("gwctl pc route --config-dump ga")).containsExactlyElementsOf(gateway);
        assertThat(c.complete("gwctl validate --kubeconfig ga")).containsExactlyElementsOf(gateway);
        assertThat(c.complete("gwctl validate --config ga")).containsExactlyElementsOf(gateway);
        // the other words are still completed: options, their fixed values, subcommands
        assertThat(c.complete("gwctl pc l -o ")).containsExactlyInAnyOrder("short", "json", "yaml");
        assertThat(c.complete("gwctl pc ")).contains("listener", "route", "diff").doesNotContain("gateway.yaml",
                Completer.ZSH_FILES);
        assertThat(c.complete("gwctl validate --f")).contains("--filename", "--failure-threshold");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void nameOptionsOfferNoFileNames(String shell) throws Exception {
        Completer c = completer(shell, null);
        // no -f, no kubeconfig, no cluster: nothing to offer, and never the files of the directory
        assertThat(c.complete("gwctl pc l -n ")).isEmpty();
        assertThat(c.complete("gwctl validate --context ")).isEmpty();
        assertThat(c.complete("gwctl pc l ")).isEmpty();
        assertThat(c.complete("gwctl pc l --port ")).isEmpty();
        assertThat(c.complete("gwctl validate --server ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void workloadsComeFromTheFilesOfTheLine(String shell) throws Exception {
        // testdata/examples/istio-system holds the one gateway Deployment, istio-system/istio-ingressgateway; the
        // other look-ups from -f (namespaces, routes) go through the same call: DynamicCandidatesTest has them
        assertThat(completer(shell, null).complete("gwctl pc l -f " + EXAMPLES + " "))
                .containsExactly("deploy/istio-ingressgateway.istio-system");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void contextsComeFromEveryKubeconfigFile(String shell) throws Exception {
        assertThat(completer(shell, twoKubeconfigs).complete("gwctl pc l --context "))
                .containsExactlyInAnyOrder("alpha", "beta", "gamma");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void namespacesComeFromTheCluster(String shell) throws Exception {
        assertThat(completer(shell, clusterKubeconfig).complete("gwctl validate -n s"))
                .containsExactly("shop");
    }

    @Test
    void zshOnATerminalListsFilesOnlyWhereAFileIsExpected() throws Exception {
        Completer c = completer("zsh", null);
        assertThat(c.zshOnTerminal("gwctl pc l -f ga")).containsExactly("gateway.yaml");
        assertThat(c.zshOnTerminal("gwctl diff clu")).containsExactly("cluster:");
        assertThat(c.zshOnTerminal("gwctl diff ga")).containsExactly("gateway.yaml");
        assertThat(c.zshOnTerminal("gwctl validate --kubeconfig ma")).containsExactly("manifests");
        assertThat(c.zshOnTerminal("gwctl pc l -n ")).isEmpty();
        assertThat(c.zshOnTerminal("gwctl pc l --context ")).isEmpty();
        assertThat(c.zshOnTerminal("gwctl pc l ")).isEmpty();
        assertThat(c.zshOnTerminal("gwctl pc ")).containsExactly("listener", "listeners", "l", "route", "routes", "r",
                "all", "diff", "trace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void diffSidesCompleteFileNamesAndTheLiveCluster(String shell) throws Exception {
        Completer c = completer(shell, null);
        assertThat(c.complete("gwctl diff ga")).containsExactlyElementsOf(files(shell, "gateway.yaml"));
        assertThat(c.complete("gwctl diff gateway.yaml clu")).containsExactlyElementsOf(
                shell.equals("zsh") ? List.of("cluster:", Completer.ZSH_FILES) : List.of("cluster:"));
        assertThat(c.complete("gwctl diff ")).contains("cluster:");
        if (!shell.equals("fish")) {
            // the workload, third: nothing offline (fish's positionals are not told apart by place)
            assertThat(c.complete("gwctl diff gateway.yaml cluster: ")).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void helpOffersTheCommandsForItsFirstWord(String shell) throws Exception {
        Completer c = completer(shell, null);
        assertThat(c.complete("gwctl help ")).contains("proxy-config", "validate", "diff", "completion", "version")
                .doesNotContain("gateway.yaml", Completer.ZSH_FILES);
        assertThat(c.complete("gwctl help va")).containsExactly("validate");
        assertThat(c.complete("gwctl help validate ")).doesNotContain("validate", "proxy-config");
    }

    @Test
    void zshCompletesTheValueOfAnOptionWrittenWithAnEqualsSign() throws Exception {
        // zsh keeps --option=value as one word; the value after the = is completed as the option's
        Completer c = completer("zsh", null);
        assertThat(c.complete("gwctl pc l --output=")).containsExactlyInAnyOrder("short", "json", "yaml");
        assertThat(c.complete("gwctl pc l --output=js")).containsExactly("json");
        assertThat(c.complete("gwctl validate --filename=ga")).containsExactly(Completer.ZSH_FILES);
        assertThat(c.complete("gwctl pc l --f")).contains("--filename").doesNotContain("json");
        assertThat(c.zshOnTerminal("gwctl pc l --output=js")).containsExactly("json");
        assertThat(c.zshOnTerminal("gwctl pc l --filename=ga")).containsExactly("gateway.yaml");
        assertThat(c.zshOnTerminal("gwctl validate --context=")).isEmpty();
    }

    @Test
    void zshLoadsTheScriptFromFpathToo() throws Exception {
        // the release archive ships it as share/zsh/site-functions/_gwctl: compinit finds it by its #compdef line
        Path functions = Files.createDirectories(tmp.resolve("site-functions"));
        Files.copy(tmp.resolve("gwctl.zsh"), functions.resolve("_gwctl"), StandardCopyOption.REPLACE_EXISTING);
        Completer c = completer("zsh", null);
        Completer fromFpath = new Completer("zsh", functions.resolve("_gwctl"), c.env(), c.dir());
        assertThat(fromFpath.zshOnTerminal("gwctl pc l -f ga")).containsExactly("gateway.yaml");
        assertThat(fromFpath.zshOnTerminal("gwctl pc l -n ")).isEmpty();
    }

    @Test
    void bashNeverFallsBackToFileNames() throws Exception {
        Shell.assumeInstalled("bash");
        // -o default (or bashdefault) would make readline list files whenever the function offers nothing
        assertThat(Shell.run(offline, tmp, "bash", "--norc", "-c", "source gwctl.bash; complete -p gwctl"))
                .isEqualTo("complete -F _gwctl gwctl\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void standardInputStaysTheDash(String shell) throws Exception {
        // "-f -" reads stdin: the dash is a file name there (none starts with it), not the start of an option name.
        // fish is left out: it offers option names for any word that starts with a dash, whatever comes before.
        assertThat(completer(shell, null).complete("gwctl validate -f -")).containsExactlyElementsOf(files(shell));
    }
}
