package io.gwctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input problems are GW0001 findings in every {@code validate -o} format (issue 9 item 6): at the problem's file, line
 * and column, on the object when it can be named, counted in the summary, never suppressed, with the exit code for
 * bad input; a report is written even when nothing could be read, and the text output prints each problem once.
 */
class InputProblemFindingsTest {
    /** An unclosed flow sequence: the parser stops at line 6, column 1. */
    private static final String MALFORMED = """
            apiVersion: v1
            kind: Service
            metadata:
              name: x
              labels: [oops
            """;
    /** Well-formed YAML, not a valid Gateway: the port number at line 10, column 20. */
    private static final String INVALID_GATEWAY = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: web
              namespace: shop
              annotations: {gwctl.io/suppress: "*"}
            spec:
              selector: {istio: ingressgateway}
              servers:
              - port: {number: eighty, name: http, protocol: HTTP}
                hosts: ["shop.example.com"]
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Gwctl.Result validate(String... args) {
        List<String> all = new ArrayList<>(List.of("validate"));
        all.addAll(List.of(args));
        return new Gwctl().run(all.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "yaml", "sarif", "junit", "github"})
    void inputOfWhichNothingLoadsStillGetsACompleteReportWithTheProblem(String format) {
        String bad = Fixtures.write(dir, "bad.yaml", MALFORMED);
        Gwctl.Result r = validate("-f", bad, "-o", format);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.DATA_ERROR);
        assertThat(r.err()).as("the stderr line stays, once").startsWith("gwctl: " + bad + ":6:1: ")
                .endsWith("\ngwctl: no resources could be read\n").hasLineCount(2);
        assertThat(r.out()).as(r.toString()).isNotBlank().contains("GW0001");
        assertThat(ReportedInputProblems.inReport(format, r)).containsExactly(bad + ":6");
        switch (format) {
            case "sarif" -> assertThat(OutputSchemas.sarifErrors(r.out())).isEmpty();
            case "junit" -> assertThat(OutputSchemas.junitErrors(r.out())).isEmpty();
            case "github" -> assertThat(r.out()).endsWith("\n1 error, 0 warnings, 0 info in 0 resources\n")
                    .contains(",line=6,col=1,title=GW0001::(File ");
            default -> { }
        }
    }

    @Test
    void sarifResultOfAMalformedFileHasTheRuleRegionAndNoRuleThatDidNotRun() throws IOException {
        String bad = Fixtures.write(dir, "bad.yaml", MALFORMED);
        JsonNode run = JSON.readTree(validate("-f", bad, "-o", "sarif").out()).get("runs").get(0);

        // Nothing was read, so no rule checked anything: GW0001 is the only rule the log describes.
        assertThat(run.get("tool").get("driver").get("rules").findValuesAsText("id")).containsExactly("GW0001");
        assertThat(run.get("tool").get("driver").get("rules").get(0).get("help").get("text").asText())
                .endsWith("See docs/rules/GW0001.md for examples.");
        JsonNode result = run.get("results").get(0);
        assertThat(run.get("results")).hasSize(1);
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.get("message").get("text").asText()).startsWith("while parsing a flow sequence");
        JsonNode physical = result.get("locations").get(0).get("physicalLocation");
        assertThat(physical.get("artifactLocation").get("uri").asText()).isEqualTo(Path.of(bad).toUri().toString());
        assertThat(physical.get("region").toString()).isEqualTo("{\"startLine\":6,\"startColumn\":1}");
        assertThat(result.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName").asText())
                .isEqualTo("File " + bad);
    }

    @Test
    void junitOfAMalformedFileIsOneFailingCaseAndNoPassingRule() throws IOException {
        String bad = Fixtures.write(dir, "bad.yaml", MALFORMED);
        String xml = validate("-f", bad, "-o", "junit").out();
        assertThat(OutputSchemas.junitErrors(xml)).isEmpty();
        assertThat(xml).contains("tests=\"1\" failures=\"1\"")
                .contains("<testcase classname=\"File " + bad + "\" name=\"GW0001 invalid-input\">")
                .contains("<failure type=\"Error\" message=\"while parsing a flow sequence");
    }

    @Test
    void problemInAnObjectIsReportedOnTheObjectAndCannotBeSuppressed() throws IOException {
        String gw = Fixtures.write(dir, "gw.yaml", INVALID_GATEWAY);
        String config = Fixtures.write(dir, "gwctl.yaml", "rules:\n  GW0001: off\n  invalid-input: info\n"
                + "suppress:\n  - \"GW0001\"\n");
        Gwctl.Result r = validate("-f", gw, "-f", Fixtures.write(dir, "vs.yaml", Fixtures.ORPHAN_VS), "-o", "json",
                "-S", "*", "-S", "GW0001=Gateway shop/web", "--config", config, "--output-threshold", "Error");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.DATA_ERROR);
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("findings")).as(r.out()).hasSize(1);
        JsonNode f = doc.get("findings").get(0);
        assertThat(f.get("code").asText()).isEqualTo("GW0001");
        assertThat(f.get("severity").asText()).isEqualTo("Error");
        assertThat(f.get("resource").toString())
                .isEqualTo("{\"kind\":\"Gateway\",\"namespace\":\"shop\",\"name\":\"web\"}");
        assertThat(f.get("origin").toString())
                .isEqualTo("{\"file\":\"" + gw + "\",\"line\":10,\"column\":20,\"field\":null}");
        assertThat(r.err()).contains("gwctl: " + gw + ":10:20: " + f.get("message").asText() + "\n");
        // The orphan VirtualService's GW0401 is suppressed (-S *); the input problem is not, nor counted as such.
        assertThat(doc.get("summary").get("errors").asInt()).isEqualTo(1);
        assertThat(doc.get("summary").get("suppressed").asInt()).isPositive();
    }

    @Test
    void textPrintsEachProblemOnceOnStderrAndTheSummaryCountsIt() throws IOException {
        String bad = Fixtures.write(dir, "bad.yaml", MALFORMED);
        String vs = Fixtures.write(dir, "vs.yaml", Fixtures.ORPHAN_VS);
        Gwctl.Result r = validate("-f", vs, "-f", bad);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.DATA_ERROR);
        assertThat(r.out()).doesNotContain("GW0001").contains("Error [GW0401/")
                .endsWith("\n2 errors, 0 warnings, 1 info in 1 resource (1 input problem on stderr)\n");
        assertThat(r.err()).startsWith("gwctl: " + bad + ":6:1: ")
                .endsWith("\ngwctl: 1 file(s) had errors; results cover the rest\n").hasLineCount(2);

        Gwctl.Result json = validate("-f", vs, "-f", bad, "-o", "json");
        assertThat(JSON.readTree(json.out()).get("summary").get("errors").asInt()).isEqualTo(2);
        assertThat(json.err()).isEqualTo(r.err());
    }

    @Test
    void textOfAnInputOfWhichNothingLoadsIsOnlyTheStderrLines() {
        String bad = Fixtures.write(dir, "bad.yaml", MALFORMED);
        Gwctl.Result r = validate("-f", bad);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA_ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("gwctl: " + bad + ":6:1: ").endsWith("\ngwctl: no resources could be read\n");
    }

    @Test
    void exitCodeForBadInputOutranksFindingsAtEveryThreshold() {
        String bad = Fixtures.write(dir, "bad.yaml", MALFORMED);
        String vs = Fixtures.write(dir, "vs.yaml", Fixtures.ORPHAN_VS);
        for (String threshold : List.of("Info", "Warning", "Error")) {
            for (String format : List.of("text", "sarif")) {
                assertThat(validate("-f", vs, "-f", bad, "--failure-threshold", threshold, "-o", format).exitCode())
                        .as("%s %s", threshold, format).isEqualTo(ExitCodes.DATA_ERROR);
            }
        }
        String clean = Fixtures.write(dir, "clean/gw.yaml", Fixtures.GATEWAY_HTTP + "---\n" + Fixtures.INGRESS);
        assertThat(validate("-f", clean, "-f", bad, "-o", "json").exitCode()).isEqualTo(ExitCodes.DATA_ERROR);
    }

    @Test
    void missingFileIsAFindingWithoutALineAndExits66() throws IOException {
        String missing = dir.resolve("missing.yaml").toString();
        Gwctl.Result r = validate("-f", missing, "-o", "sarif");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.NO_INPUT);
        assertThat(OutputSchemas.sarifErrors(r.out())).isEmpty();
        JsonNode result = JSON.readTree(r.out()).get("runs").get(0).get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("GW0001");
        assertThat(result.get("message").get("text").asText()).isEqualTo("no such file or directory");
        JsonNode physical = result.get("locations").get(0).get("physicalLocation");
        assertThat(physical.get("artifactLocation").get("uri").asText()).endsWith("/missing.yaml");
        assertThat(physical.has("region")).isFalse();
    }

    @Test
    void standardInputHasAStablePseudoFileAndIsNamed() throws IOException {
        Gwctl.Result r = new Gwctl().stdin(MALFORMED).run("validate", "-f", "-", "-o", "sarif");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA_ERROR);
        assertThat(OutputSchemas.sarifErrors(r.out())).isEmpty();
        JsonNode location = JSON.readTree(r.out()).get("runs").get(0).get("results").get(0).get("locations").get(0);
        assertThat(location.get("physicalLocation").get("artifactLocation").get("uri").asText())
                .isEqualTo("gwctl-stdin.yaml");
        assertThat(location.get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(6);
        assertThat(location.get("logicalLocations").get(0).get("fullyQualifiedName").asText()).isEqualTo("File -");
    }

    @Test
    void proxyConfigOutputIsIstioctlsAndKeepsProblemsOnStderr() {
        String bad = Fixtures.write(dir, "bad.yaml", MALFORMED);
        String gw = Fixtures.write(dir, "gw.yaml", Fixtures.GATEWAY_HTTP + "---\n" + Fixtures.INGRESS);
        Gwctl.Result r = new Gwctl().run("pc", "route", "-f", gw, "-f", bad, "-o", "json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA_ERROR);
        assertThat(r.out()).startsWith("[").doesNotContain("GW0001");
        assertThat(r.err()).startsWith("gwctl: " + bad + ":6:1: ");
    }

    @Test
    void schemaChecksRejectBrokenDocuments() {
        // The control for the checks above: they do reject what their readers would.
        assertThat(OutputSchemas.sarifErrors("{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}")).isNotEmpty();
        assertThat(OutputSchemas.sarifErrors("")).isNotEmpty();
        assertThat(OutputSchemas.junitErrors("<testsuites><testsuite name=\"s\" tests=\"1\"><testcase name=\"x\"/>"
                + "</testsuite></testsuites>")).isNotEmpty();
        assertThat(OutputSchemas.junitErrors("<testsuites tests=\"2\"><testsuite name=\"s\" tests=\"1\">"
                + "<testcase classname=\"c\" name=\"x\"/></testsuite></testsuites>")).isNotEmpty();
    }
}
