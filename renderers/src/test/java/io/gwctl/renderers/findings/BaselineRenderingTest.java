package io.gwctl.renderers.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How each format shows a run compared with a baseline ({@link SampleReports#againstBaseline}: the missing secret
 * (Error) and the cluster host (Warning) are existing; the special-character duplicate host (Error) and the skipped
 * check (Info) are new).
 */
class BaselineRenderingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String render(FindingsFormat format, boolean hide) {
        return Golden.render(format, SampleReports.againstBaseline(hide), RenderOptions.plain());
    }

    @Test
    void textHidesExistingFindingsAndSaysHowMany() {
        String out = render(FindingsFormat.TEXT, true);
        assertThat(out).doesNotContain("GW0101").doesNotContain("GW0403").contains("[GW0301/KIA0301/IST0145]")
                .contains("[GW0002]");
        assertThat(out).endsWith("1 error, 0 warnings, 1 info in 12 resources (2 suppressed, 2 existing in the"
                + " baseline hidden; --show-baseline shows them)\n");
    }

    @Test
    void textShowsExistingFindingsMarkedWhenAsked() {
        String out = render(FindingsFormat.TEXT, false);
        assertThat(out).contains("Error [GW0101/IST0101] [existing] (Gateway default/test-gateway testdata/x.yaml:14)")
                .contains("Warning [GW0403/IST0132] [existing] (VirtualService shop/web)")
                .contains("Error [GW0301/KIA0301/IST0145] (Gateway");
        assertThat(out).endsWith("2 errors, 1 warning, 1 info in 12 resources (2 suppressed, 2 of them existing in"
                + " the baseline)\n");
    }

    @Test
    void noNewFindingIsSaidAsSuch() {
        String out = Golden.render(FindingsFormat.TEXT, SampleReports.clean().withBaseline(
                new io.gwctl.model.finding.Baseline(List.of(SampleReports.SECRET_MISSING)).compare(List.of()), true),
                RenderOptions.plain());
        assertThat(out).isEqualTo("\u2714 No new validation issues found in 3 resources.\n");
    }

    @Test
    void jsonAndYamlMarkEveryFindingAndCountThem() throws IOException {
        JsonNode doc = JSON.readTree(render(FindingsFormat.JSON, false));
        List<String> marks = new ArrayList<>();
        doc.get("findings").forEach(f -> marks.add(f.get("code").asText() + " " + f.get("baseline").asText()));
        assertThat(marks).containsExactly("GW0101 existing", "GW0301 new", "GW0403 existing", "GW0002 new");
        JsonNode counts = doc.get("summary").get("baseline");
        assertThat(counts.get("existing").asInt()).isEqualTo(2);
        assertThat(counts.get("new").asInt()).isEqualTo(2);
        assertThat(counts.get("absent").asInt()).isEqualTo(1);
        assertThat(counts.get("hidden").asInt()).isZero();
        assertThat(render(FindingsFormat.YAML, false)).contains("  baseline: existing\n").contains("  baseline: new\n");
        // Without a baseline, no such field.
        assertThat(Golden.render(FindingsFormat.JSON, SampleReports.mixed(), RenderOptions.plain()))
                .doesNotContain("\"baseline\"");
    }

    @Test
    void junitNeverFailsOnAnExistingFinding() {
        String out = render(FindingsFormat.JUNIT, false);
        // Two errors, one of them existing: only the new one fails its case.
        assertThat(out).contains("failures=\"1\"");
        assertThat(out).containsPattern("classname=\"Gateway default/test-gateway\" name=\"GW0101[^\"]*\">\\s*"
                + "<system-out>existing: Error: testdata/x.yaml:14 ");
        assertThat(out).containsPattern("<failure type=\"Error\" message=\"host &quot;a&amp;b");
    }

    @Test
    void githubAnnotatesOnlyNewFindings() {
        String out = Golden.render(FindingsFormat.GITHUB, SampleReports.againstBaseline(false), RenderOptions.plain());
        assertThat(out).contains("::error file=").contains("title=GW0301::").contains("::notice title=GW0002::");
        assertThat(out).doesNotContain("GW0101").doesNotContain("GW0403");
    }
}
