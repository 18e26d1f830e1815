package io.gwctl.renderers.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFindingsRendererTest {
    private static final String JSON = Golden.render(FindingsFormat.JSON, SampleReports.mixed(), RenderOptions.plain());
    private static final String YAML = Golden.render(FindingsFormat.YAML, SampleReports.mixed(), RenderOptions.plain());

    @Test
    void jsonMatchesGolden() throws IOException {
        Golden.assertMatches("mixed.json", JSON);
    }

    @Test
    void yamlMatchesGolden() throws IOException {
        Golden.assertMatches("mixed.yaml", YAML);
    }

    @Test
    void jsonIsTwoSpaceIndentedWithTrailingNewline() {
        assertThat(JSON).startsWith("{\n  \"findings\": [\n    {\n      \"code\": \"GW0101\",\n");
        assertThat(JSON).endsWith("}\n").doesNotEndWith("\n\n").doesNotContain("\r");
    }

    @Test
    void fieldsComeInTheDocumentedOrder() throws IOException {
        JsonNode root = new ObjectMapper().readTree(JSON);
        assertThat(names(root)).containsExactly("findings", "summary", "notes");
        JsonNode first = root.get("findings").get(0);
        assertThat(names(first)).containsExactly("code", "severity", "aliases", "resource", "origin", "message", "hint");
        assertThat(names(first.get("resource"))).containsExactly("kind", "namespace", "name");
        assertThat(names(first.get("origin"))).containsExactly("file", "line", "column", "field");
        assertThat(names(root.get("summary")))
                .containsExactly("errors", "warnings", "infos", "suppressed", "hidden", "resources");
    }

    @Test
    void findingsAreSortedAndUnknownsAreNull() throws IOException {
        JsonNode findings = new ObjectMapper().readTree(JSON).get("findings");
        List<String> codes = new ArrayList<>();
        findings.forEach(f -> codes.add(f.get("code").asText()));
        assertThat(codes).containsExactly("GW0101", "GW0301", "GW0403", "GW0002");
        JsonNode secret = findings.get(0);
        assertThat(secret.get("severity").asText()).isEqualTo("Error");
        assertThat(secret.get("origin").get("line").asInt()).isEqualTo(14);
        assertThat(secret.get("origin").get("field").asText()).isEqualTo("/spec/servers/0/tls/credentialName");
        JsonNode special = findings.get(1);
        assertThat(special.get("aliases").toString()).isEqualTo("[\"KIA0301\",\"IST0145\"]");
        assertThat(special.get("origin").get("column").isNull()).isTrue();
        assertThat(special.get("message").asText()).isEqualTo(SampleReports.SPECIAL.message());
        JsonNode cluster = findings.get(2);
        assertThat(cluster.get("origin").isNull()).isTrue();
        assertThat(cluster.get("hint").isNull()).isTrue();
        assertThat(findings.get(3).get("resource").get("namespace").isNull()).isTrue();
        assertThat(findings.get(3).get("aliases").size()).isZero();
    }

    @Test
    void findingOnNoResourceHasNullResourceAndOrigin() throws IOException {
        JsonNode f = new ObjectMapper().readTree(
                Golden.render(FindingsFormat.JSON, SampleReports.noResource(), RenderOptions.plain())).get("findings").get(0);
        assertThat(f.get("resource").isNull()).isTrue();
        assertThat(f.get("origin").isNull()).isTrue();
    }

    @Test
    void emptyReportHasEmptyArrays() {
        String json = Golden.render(FindingsFormat.JSON, SampleReports.clean(), RenderOptions.plain());
        assertThat(json).startsWith("{\n  \"findings\": [],\n  \"summary\": {\n").endsWith("  \"notes\": []\n}\n");
    }

    @Test
    void yamlHasNoDocumentMarkerAndCarriesTheSameDocument() throws IOException {
        assertThat(YAML).startsWith("findings:\n- code: GW0101\n");
        assertThat(YAML).doesNotContain("---");
        assertThat(new YAMLMapper().readTree(YAML)).isEqualTo(new ObjectMapper().readTree(JSON));
    }

    @Test
    void yamlKeepsEachMessageOnOneLine() {
        assertThat(YAML.lines().filter(l -> l.contains("message:"))).hasSize(4);
        assertThat(YAML).contains("  message: \"one or more host [a.com] defined in VirtualService shop/web not found"
                + " in Gateway istio-system/gw.\"\n");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
