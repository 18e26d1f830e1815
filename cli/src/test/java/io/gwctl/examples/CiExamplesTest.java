package io.gwctl.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.Gwctl;
import io.gwctl.cli.source.KubeClientFactory;
import io.gwctl.cli.source.MockCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI recipes the repository ships run as written: the pre-commit hooks, the GitHub Actions and GitLab CI
 * examples. Each gwctl command line in them is run on {@code testdata/examples/} (their {@code deploy/}), a piped
 * one with a manifest on standard input, and must not be a usage error; each report file is the one uploaded.
 */
class CiExamplesTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Path EXAMPLES = ROOT.resolve("testdata/examples");
    /** The baseline file the recipes name. */
    private static final String BASELINE = ".gwctl-baseline.json";

    /**
     * Runs a gwctl command line of an example, manifests directory and stdin replaced by the project's examples, and
     * the baseline by one written from them (read from the work tree: the test has no target branch to fetch).
     */
    private static Gwctl.Result run(String commandLine) throws IOException {
        String line = commandLine.strip();
        boolean piped = line.contains("| gwctl ");
        String gwctl = line.substring(line.indexOf("gwctl ") + "gwctl ".length());
        int redirect = gwctl.indexOf(" >");
        if (redirect >= 0) {
            gwctl = gwctl.substring(0, redirect);
        }
        List<String> args = new ArrayList<>();
        String[] words = gwctl.split(" +");
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("--baseline-ref")) {
                i++;
            } else if (words[i].equals(BASELINE)) {
                args.add(baselineOfExamples());
            } else {
                args.add(words[i].equals("deploy/") ? EXAMPLES + "/" : words[i]);
            }
        }
        Gwctl g = new Gwctl();
        if (piped) {
            g.stdin(Files.readString(EXAMPLES.resolve("missing-secret/payments.yaml"), StandardCharsets.UTF_8));
        }
        return g.run(args.toArray(String[]::new));
    }

    /** A baseline of the examples' findings, as the recipe says to write it once. */
    private static String baselineOfExamples() throws IOException {
        Path file = Files.createTempFile("gwctl-baseline", ".json");
        file.toFile().deleteOnExit();
        Gwctl.Result r = new Gwctl().run("validate", "-f", EXAMPLES + "/", "--write-baseline", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        return file.toString();
    }

    @Test
    void preCommitHooksRunOnAManifestsDirectory() throws IOException {
        JsonNode hooks = YAML.readTree(ROOT.resolve(".pre-commit-hooks.yaml").toFile());
        assertThat(hooks.size()).isGreaterThanOrEqualTo(1);
        for (JsonNode hook : hooks) {
            assertThat(hook.get("id").asText()).startsWith("gwctl-");
            assertThat(hook.get("language").asText()).isEqualTo("system");
            // Cross-resource checks need the whole directory, not the changed files.
            assertThat(hook.get("pass_filenames").asBoolean()).isFalse();
            String entry = hook.get("entry").asText();
            assertThat(entry).startsWith("gwctl validate").endsWith(" -f");
            Gwctl.Result r = run(entry + " deploy/");
            assertThat(r.exitCode()).as(hook.get("id") + ": " + r).isIn(ExitCodes.OK, ExitCodes.FINDINGS);
            assertThat(r.out()).contains("errors,");
            assertThat(r.out()).doesNotContain("\u001b[");
        }
    }

    /** One line of a step's {@code run} script, stripped, with its step. */
    private record RunLine(JsonNode step, String line) {
    }

    /** The lines of the {@code run} scripts of {@code job}'s steps, in order. */
    private static List<RunLine> runLines(JsonNode workflow, String job) {
        List<RunLine> out = new ArrayList<>();
        for (JsonNode step : workflow.get("jobs").get(job).get("steps")) {
            for (String line : step.path("run").asText().split("\n")) {
                out.add(new RunLine(step, line.strip()));
            }
        }
        return out;
    }

    @Test
    void githubActionsDiffExampleCommentsWithTheMarkdownItWrites() throws IOException {
        JsonNode workflow = YAML.readTree(ROOT.resolve("docs/ci/github-actions-diff.yml").toFile());
        assertThat(workflow.get("permissions").get("pull-requests").asText()).isEqualTo("write");
        String diffLine = null;
        String commented = null;
        for (RunLine r : runLines(workflow, "diff")) {
            if (r.line().startsWith("gwctl diff ")) {
                diffLine = r.line();
            }
            if (r.line().contains("gh pr comment")) {
                commented = r.line().substring(r.line().indexOf("--body-file ") + "--body-file ".length()).strip();
                assertThat(r.step().get("if").asText()).isEqualTo("steps.diff.outputs.code == '79'");
            }
        }
        assertThat(diffLine).isNotNull().endsWith("-o markdown > " + commented);
        // Both sides the examples: nothing changes, exit 0 and nothing to post.
        List<String> args = new ArrayList<>();
        for (String word : diffLine.substring("gwctl ".length(), diffLine.indexOf(" >")).split(" +")) {
            args.add(word.endsWith("deploy\"") || word.equals("deploy") ? EXAMPLES.toString() : word);
        }
        assertThat(args).hasSize(5).startsWith("diff");
        Gwctl.Result same = new Gwctl().run(args.toArray(String[]::new));
        assertThat(same.exitCode()).as(same.toString()).isZero();
        assertThat(same.out()).isEmpty();
        // HEAD without one of the examples: a change, posted as markdown.
        args.set(2, EXAMPLES.resolve("test-io").toString());
        Gwctl.Result changed = new Gwctl().run(args.toArray(String[]::new));
        assertThat(changed.exitCode()).as(changed.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(changed.out()).startsWith("**gwctl diff**: ").contains("```diff\n");
    }

    @Test
    void githubActionsDriftExampleFailsWithTheMarkdownInTheSummaryWhenTheClusterDiffers(@TempDir Path dir)
            throws IOException {
        JsonNode workflow = YAML.readTree(ROOT.resolve("docs/ci/github-actions-drift.yml").toFile());
        assertThat(workflow.get("permissions").get("contents").asText()).isEqualTo("read");
        assertThat(workflow.get("permissions").has("pull-requests")).isFalse();
        String diffLine = null;
        String summarized = null;
        boolean fails = false;
        for (RunLine r : runLines(workflow, "drift")) {
            if (r.line().startsWith("gwctl diff ")) {
                diffLine = r.line();
            }
            if (r.line().contains(">> \"$GITHUB_STEP_SUMMARY\"")) {
                summarized = r.line().substring("cat ".length(), r.line().indexOf(" >>"));
            }
            if (r.line().equals("exit 1")) {
                fails = true;
                assertThat(r.step().get("if").asText()).isEqualTo("steps.drift.outputs.code == '79'");
            }
        }
        assertThat(fails).isTrue();
        assertThat(diffLine).isNotNull().startsWith("gwctl diff cluster: deploy ").endsWith("-o markdown > "
                + summarized);
        List<String> args = new ArrayList<>(List.of(diffLine.substring("gwctl ".length(), diffLine.indexOf(" >"))
                .split(" +")));
        assertThat(args).hasSize(5).startsWith("diff", "cluster:", "deploy");
        // A cluster that holds the example repository's gateway and teams: deploy/ as the cluster has it, then
        // with team api's /v2 route that was never applied.
        try (MockCluster cluster = MockCluster.http().load(EXAMPLES.resolve("istio-system"),
                EXAMPLES.resolve("multi-team")).ready()) {
            Gwctl gwctl = new Gwctl().kube(KubeClientFactory.fabric8())
                    .env("KUBECONFIG", cluster.kubeconfig(dir, "kubeconfig", "prod", "default", "t0k3n"));
            args.set(2, EXAMPLES.resolve("multi-team").toString());
            Gwctl.Result same = gwctl.run(args.toArray(String[]::new));
            assertThat(same.exitCode()).as(same.toString()).isZero();
            assertThat(same.out()).isEmpty();
            args.set(2, ROOT.resolve("testdata/diff/multi-team/team-api").toString());
            Gwctl.Result drifted = gwctl.run(args.toArray(String[]::new));
            assertThat(drifted.exitCode()).as(drifted.toString()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(drifted.out()).startsWith("**gwctl diff**: ").contains("```diff\n", "/v2*");
        }
    }

    @Test
    void githubActionsExampleUploadsTheSarifItWrites() throws IOException {
        String text = Files.readString(ROOT.resolve("docs/ci/github-actions.yml"), StandardCharsets.UTF_8);
        JsonNode workflow = YAML.readTree(text);
        assertThat(workflow.get("permissions").get("security-events").asText()).isEqualTo("write");
        String uploaded = null;
        List<String> lines = new ArrayList<>();
        for (JsonNode step : workflow.get("jobs").get("validate").get("steps")) {
            if (step.path("run").asText().contains("gwctl validate")) {
                lines.add(step.get("run").asText());
            }
            if (step.path("uses").asText().startsWith("github/codeql-action/upload-sarif")) {
                uploaded = step.get("with").get("sarif_file").asText();
                assertThat(step.get("if").asText()).isEqualTo("always()");
            }
        }
        assertThat(text).contains("-o sarif > " + uploaded);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3).anyMatch(l -> l.startsWith("helm template"))
                .anyMatch(l -> l.startsWith("kustomize build"));
        assertThat(lines).anyMatch(l -> l.contains("--baseline " + BASELINE + " --baseline-ref "));
        for (String line : lines) {
            Gwctl.Result r = run(line);
            assertThat(r.exitCode()).as(line + ": " + r).isIn(ExitCodes.OK, ExitCodes.FINDINGS);
            assertThat(r.out()).as(line).isNotEmpty();
            if (line.contains("--baseline ")) {
                // Nothing was added since the baseline: the run passes and annotates nothing.
                assertThat(r.exitCode()).as(line + ": " + r).isZero();
                assertThat(r.out()).doesNotContain("::error").contains("8 existing in the baseline hidden");
            }
        }
    }

    @Test
    void gitlabExampleReportsTheJunitItWrites() throws IOException {
        String text = Files.readString(ROOT.resolve("docs/ci/gitlab-ci.yml"), StandardCharsets.UTF_8);
        JsonNode job = YAML.readTree(text).get("gwctl-validate");
        String report = job.get("artifacts").get("reports").get("junit").asText();
        assertThat(job.get("artifacts").get("when").asText()).isEqualTo("always");
        String script = job.get("script").get(0).asText();
        assertThat(script).endsWith("-o junit > " + report);
        Gwctl.Result r = run(script);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).startsWith("<?xml").contains("<failure ");
    }
}
