package io.gwctl.cli.validate;

import static io.gwctl.cli.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.Fixtures;
import io.gwctl.cli.Gwctl;
import io.gwctl.cli.Main;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleRegistry;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Black-box tests of {@code gwctl validate}: exit codes in every format, suppression, colour, config, rules list. */
class ValidateCommandTest {
    static final String MALFORMED = """
            apiVersion: v1
            kind: Service
            metadata:
              name: x
              labels: [oops
            """;
    static final String ESC = "\u001b[";

    @TempDir
    Path dir;
    private final Gwctl gwctl = new Gwctl();

    private String orphan() {
        return write(dir, "vs.yaml", Fixtures.ORPHAN_VS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "yaml", "sarif", "junit", "github"})
    void findingsAtTheThresholdExit79InEveryFormat(String format) {
        Gwctl.Result r = gwctl.run("validate", "-f", orphan(), "-o", format);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("GW0401");
        assertThat(r.err()).isEmpty();
        assertThat(gwctl.kubeClientRequests).hasValue(0);
    }

    @Test
    void textLineNamesCodeResourceFileAndLine() {
        Gwctl.Result r = gwctl.run("validate", "-f", orphan());
        assertThat(r.out()).startsWith("Error [GW0401/IST0101/KIA1102] (VirtualService default/orphan "
                + dir.resolve("vs.yaml") + ":10) Referenced gateway not found: \"missing-gw\"");
        assertThat(r.out()).doesNotContain(ESC);
    }

    @Test
    void failureThresholdDecidesTheExitAndHiddenFindingsStillCount() {
        String f = orphan();
        String warn = write(dir, "warn.yaml", "rules:\n  GW0401: warning\n");
        assertThat(gwctl.run("validate", "-f", f, "--config", warn).exitCode()).isZero();
        Gwctl.Result failing = gwctl.run("validate", "-f", f, "--config", warn, "--failure-threshold", "warning");
        assertThat(failing.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        Gwctl.Result hidden = gwctl.run("validate", "-f", f, "--config", warn, "--failure-threshold", "Warning",
                "--output-threshold", "ERROR");
        assertThat(hidden.exitCode()).as(hidden.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(hidden.out()).doesNotContain("GW0401").containsPattern("\\(\\d+ below the output threshold\\)");
    }

    @Test
    void suppressionByCodeOrAliasMakesTheRunPass() {
        for (String s : List.of("GW0401=VirtualService default/orphan", "IST0101=VirtualService orphan.default",
                "GW0401=VirtualService default/orph*")) {
            Gwctl.Result r = gwctl.run("validate", "-f", orphan(), "-S", s);
            assertThat(r.exitCode()).as(s + "\n" + r).isZero();
            assertThat(r.out()).doesNotContain("GW0401").contains("1 suppressed");
        }
        Gwctl.Result other = gwctl.run("validate", "-f", orphan(), "--suppress", "GW0401=VirtualService other/orphan");
        assertThat(other.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void invalidSuppressionIsAUsageError() {
        Gwctl.Result r = gwctl.run("validate", "-f", orphan(), "-S", "GW0401=VirtualService a b c");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("gwctl: -S: invalid suppression \"GW0401=VirtualService a b c\"")
                .endsWith("Run 'gwctl validate --help' for usage.\n");
    }

    @Test
    void malformedFileIsReportedAndTheOthersAreStillChecked() {
        String bad = write(dir, "bad.yaml", MALFORMED);
        Gwctl.Result r = gwctl.run("validate", "-f", orphan(), "-f", bad);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.DATA_ERROR);
        assertThat(r.out()).contains("GW0401");
        assertThat(r.err()).startsWith("gwctl: " + bad + ":6:1: ")
                .endsWith("\ngwctl: 1 file(s) had errors; results cover the rest\n");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void missingInputOutranksBadDataAndFindingsInEveryFormat() {
        String bad = write(dir, "bad.yaml", MALFORMED);
        String missing = dir.resolve("missing.yaml").toString();
        for (String format : List.of("text", "json", "sarif")) {
            Gwctl.Result r = gwctl.run("validate", "-f", orphan(), "-f", bad, "-f", missing, "-o", format);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.NO_INPUT);
            assertThat(r.out()).contains("GW0401");
            assertThat(r.err()).contains("gwctl: " + missing + ": ")
                    .endsWith("gwctl: 2 file(s) had errors; results cover the rest\n");
        }
    }

    @Test
    void onlyMissingInputStopsWithoutAReport() {
        String missing = dir.resolve("missing.yaml").toString();
        Gwctl.Result r = gwctl.run("validate", "-f", missing);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.NO_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gwctl: " + missing + ": no such file or directory\n"
                + "gwctl: no resources could be read\n");
    }

    @Test
    void readsStdin() {
        gwctl.stdin(Fixtures.ORPHAN_VS);
        Gwctl.Result r = gwctl.run("validate", "-f", "-");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("(VirtualService default/orphan -:10)");
    }

    @Test
    void colourFollowsTerminalNoColorTermAndTheFlag() {
        String f = orphan();
        assertThat(gwctl.run("validate", "-f", f).out()).as("not a terminal").doesNotContain(ESC);
        assertThat(new Gwctl().terminal(true).run("validate", "-f", f).out()).as("terminal").contains(ESC);
        assertThat(new Gwctl().terminal(true).env("NO_COLOR", "1").run("validate", "-f", f).out())
                .as("NO_COLOR").doesNotContain(ESC);
        assertThat(new Gwctl().terminal(true).env("NO_COLOR", "").run("validate", "-f", f).out())
                .as("empty NO_COLOR is unset (no-color.org)").contains(ESC);
        assertThat(new Gwctl().terminal(true).env("TERM", "dumb").run("validate", "-f", f).out())
                .as("TERM=dumb").doesNotContain(ESC);
        assertThat(new Gwctl().terminal(true).run("validate", "-f", f, "--color", "never").out())
                .as("--color never").doesNotContain(ESC);
        assertThat(new Gwctl().env("NO_COLOR", "1").run("validate", "-f", f, "--color=always").out())
                .as("--color always").contains(ESC);
        assertThat(new Gwctl().terminal(true).run("validate", "-f", f, "-o", "json").out())
                .as("json never").doesNotContain(ESC);
    }

    @Test
    void listRulesIsTsvForScriptsAndATableForPeople() {
        List<Rule> rules = RuleRegistry.all();
        Gwctl.Result tsv = gwctl.run("validate", "--list-rules");
        assertThat(tsv.exitCode()).isZero();
        List<String> lines = tsv.out().lines().toList();
        assertThat(lines).hasSize(rules.size() + 1);
        assertThat(lines.get(0)).isEqualTo("CODE\tNAME\tSEVERITY\tALIASES\tSUMMARY");
        assertThat(lines).contains("GW0401\tgateway-ref-not-found\tError\tIST0101,KIA1102\t"
                + RuleRegistry.all().stream().filter(r -> r.info().code().equals("GW0401")).findFirst()
                        .orElseThrow().info().summary());
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.split("\t")[0])
                .containsExactlyElementsOf(rules.stream().map(r -> r.info().code()).toList());

        Gwctl.Result table = new Gwctl().terminal(true).run("validate", "--list-rules");
        assertThat(table.out()).startsWith("\u250c").contains("\u2502 GW0401 \u2502 gateway-ref-not-found ");
        List<String> rows = table.out().lines().toList();
        assertThat(rows.get(1)).matches("\u2502 CODE +\u2502 NAME +\u2502 SEVERITY \u2502 ALIASES +\u2502 SUMMARY +\u2502");
        assertThat(rows.get(rows.size() - 1)).startsWith("\u2514").endsWith("\u2518");
        // One width for every line; a SUMMARY cell holds at most 58 characters between its spaces, so long
        // summaries wrap onto continuation lines whose CODE cell is blank.
        assertThat(rows).allSatisfy(l -> assertThat(l).hasSameSizeAs(rows.get(0)));
        String[] top = rows.get(0).split("\u252c");
        assertThat(top[top.length - 1]).hasSize(61);
        assertThat(rows).anyMatch(l -> l.startsWith("\u2502        \u2502"));
        assertThat(new Gwctl().terminal(true).run("validate", "--list-rules", "-o", "text").out())
                .isEqualTo(tsv.out());
    }

    @Test
    void configFileTurnsRulesOffAndIgnoresPaths() {
        String f = orphan();
        String off = write(dir, "conf/gwctl.yaml", "rules:\n  GW0401: off\n");
        assertThat(gwctl.run("validate", "-f", f, "--config", off).exitCode()).isZero();
        String warn = write(dir, "conf/warn.yaml", "rules:\n  gateway-ref-not-found: warning\n");
        Gwctl.Result r = gwctl.run("validate", "-f", f, "--config", warn);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Warning [GW0401");
    }

    @Test
    void configProblemsAreReported() {
        String missing = dir.resolve("none.yaml").toString();
        Gwctl.Result r = gwctl.run("validate", "-f", orphan(), "--config", missing);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.NO_INPUT);
        assertThat(r.err()).isEqualTo("gwctl: " + missing + ": configuration file not found\n");
        String invalid = write(dir, "bad-config.yaml", "rules:\n  GW0401: sometimes\n");
        Gwctl.Result bad = gwctl.run("validate", "-f", orphan(), "--config", invalid);
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).startsWith("gwctl: " + invalid + ":2: ");
    }

    @Test
    void defaultConfigIsDotGwctlYamlInTheWorkingDirectory() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path work = fs.getPath("/work");
            Files.createDirectories(work.resolve("vendor"));
            Files.writeString(work.resolve("vs.yaml"), Fixtures.ORPHAN_VS);
            Files.writeString(work.resolve("vendor/vs.yaml"), Fixtures.ORPHAN_VS.replace("orphan", "vendored"));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"validate", "-f", "."}, out, err,
                    gwctl.environment().withFileSystem(fs));
            assertThat(code).isEqualTo(ExitCodes.FINDINGS);
            assertThat(out.toString()).contains("default/orphan", "default/vendored");

            Files.writeString(work.resolve(".gwctl.yaml"), "ignorePaths:\n  - vendor\n");
            out = new StringWriter();
            code = Main.run(new String[] {"validate", "-f", "."}, out, err, gwctl.environment().withFileSystem(fs));
            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(out.toString()).contains("default/orphan").doesNotContain("vendored");
        }
    }

    @Test
    void aConfigFileWithAnUnknownOrDuplicateKeyIsOneLineAndExit64() {
        String typo = write(dir, "typo.yaml", "rules: {}\nsupress:\n  - GW0401\n");
        Gwctl.Result r = gwctl.run("validate", "-f", orphan(), "--config", typo);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gwctl: " + typo + ":2: unknown key \"supress\" (expected rules, suppress,"
                + " ignorePaths, secrets)\n");
        String twice = write(dir, "twice.yaml", "rules:\n  GW0401: off\n  GW0401: error\n");
        Gwctl.Result d = gwctl.run("validate", "-f", orphan(), "--config", twice);
        assertThat(d.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(d.err()).isEqualTo("gwctl: " + twice + ":3: duplicate key \"rules.GW0401\"\n");
    }

    @Test
    void theConfigurationFileIsNotReadAsAManifestEvenWhenNamed() {
        String f = orphan();
        String config = write(dir, "gwctl-config.yaml", "rules:\n  GW0401: warning\n");
        Gwctl.Result r = gwctl.run("validate", "-f", dir.toString(), "--config", config);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).doesNotContain("missing kind");
        assertThat(gwctl.run("validate", "-f", f, "-f", config, "--config", config).err())
                .doesNotContain("missing kind");
    }

    @Test
    void badDurationIsAUsageError() {
        Gwctl.Result r = gwctl.run("validate", "-f", orphan(), "--cert-expiry-warning", "soon");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("'soon' is not a duration such as 30d, 12h or 90m");
    }

    @Test
    void hiddenFilesBelowANamedDirectoryAreNotManifests() {
        write(dir, "repo/vs.yaml", Fixtures.ORPHAN_VS);
        write(dir, "repo/.github/workflows/ci.yml", "on: push\njobs: {}\n");
        write(dir, "repo/.gwctl.yaml", "rules:\n  GW0401: warning\n");
        String repo = dir.resolve("repo").toString();
        Gwctl.Result r = gwctl.run("validate", "-f", repo, "-v");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).doesNotContain("missing kind").contains("gwctl: not read: 2 path(s) (hidden, the"
                + " configuration file, or ignorePaths): " + repo + "/.github (hidden), " + repo + "/.gwctl.yaml"
                + " (hidden)\n");
        String hidden = write(dir, ".hidden/vs.yaml", Fixtures.ORPHAN_VS);
        assertThat(gwctl.run("validate", "-f", hidden).exitCode()).as("named explicitly").isEqualTo(ExitCodes.FINDINGS);
        assertThat(gwctl.run("validate", "-f", dir.resolve(".hidden").toString()).exitCode())
                .as("named directory").isEqualTo(ExitCodes.FINDINGS);
    }
}
