package io.gwctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gwctl.model.finding.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * CI reports that CI accepts (issue 11 point 4): the JUnit verdict equals the exit code at every threshold; every
 * SARIF result has a file code scanning can place (the repository path, the Helm template of standard input, or a
 * stable pseudo-URI), relative to the repository root or {@code --sarif-root}.
 */
class CiReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A Gateway with no workload, a VirtualService bound to it and one bound to nothing: Errors, Warnings, Infos. */
    private static final String MIXED = Fixtures.GATEWAY_HTTP + "---\n" + Fixtures.VS_TEST_GW + "---\n"
            + Fixtures.ORPHAN_VS;

    @TempDir
    Path dir;

    @Test
    void junitFailsExactlyWhenTheExitCodeSaysFindingsFailedTheRun() throws Exception {
        String file = Fixtures.write(dir, "mixed.yaml", MIXED);
        String gatewayOnly = Fixtures.write(dir, "gw.yaml", Fixtures.GATEWAY_HTTP);
        int runsThatFailed = 0;
        int runsThatPassedWithFindings = 0;
        for (String input : new String[] {file, gatewayOnly}) {
            for (Severity threshold : Severity.values()) {
                Gwctl.Result r = new Gwctl().run("validate", "-f", input, "-o", "junit", "--failure-threshold",
                        threshold.label());
                assertThat(OutputSchemas.junitErrors(r.out())).isEmpty();
                Element suites = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
                int failures = Integer.parseInt(suites.getAttribute("failures"));
                assertThat(failures > 0).as(input + " at " + threshold + ": " + r)
                        .isEqualTo(r.exitCode() == ExitCodes.FINDINGS);
                assertThat(r.exitCode()).isIn(ExitCodes.OK, ExitCodes.FINDINGS);
                runsThatFailed += failures > 0 ? 1 : 0;
                runsThatPassedWithFindings += failures == 0 && r.out().contains("<system-out>") ? 1 : 0;
            }
        }
        // Both verdicts occur, and a passing run still shows its findings.
        assertThat(runsThatFailed).isPositive();
        assertThat(runsThatPassedWithFindings).isPositive();
    }

    @Test
    void sarifPathsAreRelativeToTheSarifRootAndEveryResultHasAFile() throws IOException {
        Path repo = dir.resolve("repo");
        String file = Fixtures.write(repo, "deploy/prod/mixed.yaml", MIXED);
        Gwctl.Result r = new Gwctl().run("validate", "-f", file, "-o", "sarif", "--sarif-root", repo.toString());
        assertThat(OutputSchemas.sarifErrors(r.out())).isEmpty();
        JsonNode run = JSON.readTree(r.out()).get("runs").get(0);
        assertThat(run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asText())
                .isEqualTo(repo.toUri().toString());
        assertThat(run.get("results")).isNotEmpty();
        for (JsonNode result : run.get("results")) {
            JsonNode artifact = result.get("locations").get(0).get("physicalLocation").get("artifactLocation");
            assertThat(artifact.get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
            // The file's path under the root; a skipped check (GW0002, on the pseudo resource Rule CODE) a pseudo-URI.
            String expected = result.get("ruleId").asText().equals("GW0002")
                    ? "gwctl-run/" + result.get("locations").get(0).get("logicalLocations").get(0).get("name").asText()
                    : "deploy/prod/mixed.yaml";
            assertThat(artifact.get("uri").asText()).as(result.toString()).isEqualTo(expected);
        }
        assertThat(run.get("results").findValuesAsText("uri")).contains("deploy/prod/mixed.yaml");
    }

    @Test
    void helmOutputOnStandardInputIsReportedAtItsTemplates() throws IOException {
        String helm = "---\n# Source: shop/templates/gateway.yaml\n" + Fixtures.GATEWAY_HTTP
                + "---\n# Source: shop/templates/orphan.yaml\n" + Fixtures.ORPHAN_VS;
        Gwctl.Result r = new Gwctl().stdin(helm).run("validate", "-f", "-", "-o", "sarif");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(OutputSchemas.sarifErrors(r.out())).isEmpty();
        JsonNode results = JSON.readTree(r.out()).get("runs").get(0).get("results");
        JsonNode orphan = null;
        for (JsonNode result : results) {
            if (result.get("ruleId").asText().equals("GW0401")) {
                orphan = result.get("locations").get(0).get("physicalLocation");
            }
        }
        assertThat(orphan).as("GW0401 on the orphan VirtualService").isNotNull();
        assertThat(orphan.toString()).isEqualTo(
                "{\"artifactLocation\":{\"uri\":\"shop/templates/orphan.yaml\",\"uriBaseId\":\"%SRCROOT%\"}}");
        assertThat(results.findValuesAsText("uri")).doesNotContain("gwctl-stdin.yaml");
    }

    @Test
    void explainPrintsTheRulePageByCodeOrAlias() {
        Gwctl.Result byCode = new Gwctl().run("validate", "--explain", "GW0301");
        assertThat(byCode.exitCode()).isZero();
        assertThat(byCode.out()).startsWith("# GW0301 duplicate-host-port\n").contains("## What it checks")
                .doesNotContain("<!--");
        Gwctl.Result byAlias = new Gwctl().run("validate", "--explain", "ist0145");
        assertThat(byAlias.out()).isEqualTo(byCode.out());
        assertThat(new Gwctl().run("validate", "--explain", "KIA0301").out()).isEqualTo(byCode.out());
        Gwctl.Result several = new Gwctl().run("validate", "--explain", "IST0101");
        assertThat(several.out()).startsWith("IST0101 corresponds to ").contains("# GW0101 credential-secret-missing")
                .contains("# GW0401 gateway-ref-not-found");
        assertThat(new Gwctl().run("validate", "--explain", "GW0001").out()).startsWith("# GW0001 invalid-input\n");
        Gwctl.Result unknown = new Gwctl().run("validate", "--explain", "GW9999");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).startsWith("gwctl: --explain: no rule GW9999 (gwctl validate --list-rules lists");
    }

    @Test
    void versionCommandAgreesWithVersionOption() throws IOException {
        Gwctl.Result option = new Gwctl().run("--version");
        Gwctl.Result command = new Gwctl().run("version");
        assertThat(command.exitCode()).isZero();
        assertThat(command.out()).isEqualTo(option.out()).startsWith("gwctl " + GwctlCommand.version());
        Gwctl.Result json = new Gwctl().run("version", "-o", "json");
        JsonNode v = JSON.readTree(json.out()).get("gwctl");
        assertThat(v.get("version").asText()).isEqualTo(GwctlCommand.version()).doesNotStartWith("${");
        assertThat(v.has("commit")).isEqualTo(!GwctlCommand.buildInfo().commit().isEmpty());
        assertThat(new Gwctl().run("version", "-o", "xml").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void repositoryRootIsFoundFromASubdirectory() throws IOException {
        Path repo = dir.resolve("checkout");
        Files.createDirectories(repo.resolve("testdata/examples"));
        Files.writeString(repo.resolve(".git"), "gitdir: /elsewhere/.git/worktrees/x\n"); // a linked worktree
        assertThat(io.gwctl.cli.validate.SourceRootAccess.find(repo.resolve("testdata/examples"))).isEqualTo(repo);
        Path outside = dir.resolve("plain");
        Files.createDirectories(outside);
        // No .git up to the temp dir's root may exist on a CI machine's /tmp; the answer is then the directory.
        Path found = io.gwctl.cli.validate.SourceRootAccess.find(outside);
        assertThat(found.equals(outside) || Files.exists(found.resolve(".git"))).isTrue();
    }
}
