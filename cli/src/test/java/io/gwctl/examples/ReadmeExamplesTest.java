package io.gwctl.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gwctl.cli.Gwctl;
import io.gwctl.cli.source.KubeClientFactory;
import io.gwctl.cli.source.MockCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README honest: every {@code console} block that starts with {@code $ ./gwctl ...} must show exactly
 * what that command prints (stdout, then stderr, as {@code Main} flushes them). With
 * {@code -Dgwctl.update-golden=true} the blocks are rewritten from real runs instead. Commands run as a user's
 * would: with a {@code ~/.kube/config} whose context {@code kind-demo} (namespace {@code default}) points at a mock
 * API server holding {@code testdata/examples/}, so the "Against a cluster" examples read a real cluster protocol;
 * file-only commands never contact it.
 */
class ReadmeExamplesTest {
    private static MockCluster cluster;
    private static Path home;

    @BeforeAll
    static void startCluster(@TempDir Path dir) throws IOException {
        home = dir;
        Files.createDirectories(dir.resolve(".kube"));
        cluster = MockCluster.http().load(ROOT.resolve("testdata/examples")).ready();
        cluster.kubeconfig(dir.resolve(".kube"), "config", "kind-demo", "default", "demo-token");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    /** A console block: {@code $ ./gwctl ARGS}, or {@code $ printf 'LINES' | ./gwctl ARGS} (a gwctl shell script). */
    private static final Pattern BLOCK = Pattern.compile(
            "```console\n\\$ (printf '([^'\n]*)' \\| )?\\./gwctl ([^\n]*)\n(.*?)```", Pattern.DOTALL);

    @Test
    void consoleExamplesShowRealOutput() throws IOException {
        Path readme = ROOT.resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        Matcher m = BLOCK.matcher(text);
        StringBuilder rewritten = new StringBuilder();
        List<String> mismatches = new ArrayList<>();
        int blocks = 0;
        boolean skippedShared = false;
        while (m.find()) {
            blocks++;
            String pipe = m.group(1) == null ? "" : m.group(1);
            String stdin = m.group(2) == null ? "" : m.group(2).replace("\\n", "\n");
            String command = m.group(3);
            String shown = m.group(4);
            if (command.contains("../shared/") && !Files.isDirectory(ROOT.resolve("../shared/conformance"))) {
                skippedShared = true;
                m.appendReplacement(rewritten, Matcher.quoteReplacement(m.group()));
                continue;
            }
            String actual = run(command, stdin);
            if (!actual.equals(shown)) {
                mismatches.add("$ " + pipe + "./gwctl " + command + "\n--- README\n" + shown + "--- actual\n"
                        + actual);
            }
            m.appendReplacement(rewritten, Matcher.quoteReplacement("```console\n$ " + pipe + "./gwctl " + command
                    + "\n" + actual + "```"));
        }
        m.appendTail(rewritten);
        assertThat(blocks).as("console examples in README.md").isGreaterThanOrEqualTo(4);
        if (Boolean.getBoolean("gwctl.update-golden")) {
            Files.writeString(readme, rewritten.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertThat(mismatches).as("README examples that differ from real output").isEmpty();
        assumeTrue(!skippedShared, "../shared/conformance absent: the README example that reads it was not checked");
    }

    /**
     * Runs a README command line (words separated by spaces, paths relative to the repository root) with
     * {@code stdin} as its standard input.
     */
    private static String run(String commandLine, String stdin) {
        List<String> args = new ArrayList<>();
        for (String word : commandLine.trim().split(" +")) {
            boolean path = word.startsWith("testdata/") || word.startsWith("../shared/");
            args.add(path ? ROOT.resolve(word) + (word.endsWith("/") ? "/" : "") : word);
        }
        Gwctl.Result r = new Gwctl().kube(KubeClientFactory.fabric8()).env("HOME", home.toString()).stdin(stdin)
                .run(args.toArray(String[]::new));
        String shared = ROOT.getParent().resolve("shared") + "/";
        String prefix = ROOT + "/";
        String text = (r.out() + r.err()).replace(shared, "../shared/").replace(prefix, "").replace(home + "/", "~/")
                .replace(cluster.url(), "https://127.0.0.1:6443");
        return pinNow(text);
    }

    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    /** How the README shows "now": the creation time --with-cluster gives a new object is the time of the run. */
    private static final String SHOWN_NOW = "2026-12-02T09:30:00Z";

    /** Replaces timestamps within a day of now (the run's own clock, never a manifest's) by {@link #SHOWN_NOW}. */
    private static String pinNow(String text) {
        java.time.Instant now = java.time.Instant.now();
        Matcher m = TIMESTAMP.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            java.time.Instant t = java.time.Instant.parse(m.group());
            boolean recent = java.time.Duration.between(t, now).abs().toHours() < 24;
            m.appendReplacement(out, recent ? SHOWN_NOW : m.group());
        }
        m.appendTail(out);
        return out.toString();
    }
}
