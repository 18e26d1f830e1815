package io.gwctl.renderers.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.ValidationReport;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFindingsRendererTest {
    private static String text(ValidationReport r, boolean color) {
        return Golden.render(FindingsFormat.TEXT, r, new RenderOptions(color, "1.0.0", null));
    }

    @Test
    void matchesGolden() throws IOException {
        Golden.assertMatches("mixed.txt", text(SampleReports.mixed(), false));
    }

    @Test
    void findingLineIsIstioctlsLogLineWithAliases() {
        assertThat(text(SampleReports.mixed(), false)).startsWith(
                "Error [GW0101/IST0101] (Gateway default/test-gateway testdata/x.yaml:14) "
                        + "Referenced credentialName not found: \"test-cred\"\n"
                        + "    hint: create Secret test-cred in namespace istio-system, where the gateway workload runs\n");
    }

    @Test
    void clusterFindingHasNoFileAndNoHintLine() {
        assertThat(text(SampleReports.mixed(), false)).contains(
                "\nWarning [GW0403/IST0132] (VirtualService shop/web) one or more host [a.com] defined in "
                        + "VirtualService shop/web not found in Gateway istio-system/gw.\nInfo [GW0002] ");
    }

    @Test
    void skippedCheckNamesTheRule() {
        assertThat(text(SampleReports.mixed(), false)).contains(
                "\nInfo [GW0002] (Rule GW0105) check GW0105 mutual-tls-ca-missing skipped: no Secrets in the input\n");
    }

    @Test
    void findingOnNoResourceHasNoParenthesis() {
        assertThat(text(SampleReports.noResource(), false)).isEqualTo(
                "Error [GW0000] internal error in rule GW0999: java.lang.IllegalStateException: boom\n"
                        + "1 error, 0 warnings, 0 info in 1 resource\n");
    }

    @Test
    void inputProblemsAreOnStderrAlreadySoOnlyTheSummaryCountsThem() {
        assertThat(text(SampleReports.inputProblems(), false)).isEqualTo(
                "Error [GW0101/IST0101] (Gateway default/test-gateway testdata/x.yaml:14) Referenced credentialName "
                        + "not found: \"test-cred\"\n    hint: " + SampleReports.SECRET_MISSING.hint() + "\n"
                        + "3 errors, 0 warnings, 0 info in 4 resources (2 input problems on stderr)\n");
    }

    @Test
    void grepForALevelSelectsExactlyTheFindingsOfThatLevel() {
        List<String> lines = Arrays.asList(text(SampleReports.mixed(), false).split("\n"));
        assertThat(lines.stream().filter(l -> l.startsWith("Error"))).hasSize(2)
                .allMatch(l -> l.startsWith("Error [GW0"));
        assertThat(lines.stream().filter(l -> l.startsWith("Warning"))).hasSize(1);
        assertThat(lines.stream().filter(l -> l.startsWith("Info"))).hasSize(1);
        // A line break inside a hint must not start a new unindented line.
        assertThat(lines).filteredOn(l -> l.startsWith(" ")).allMatch(l -> l.startsWith("    hint: "));
        assertThat(lines).contains("    hint: give each host:port to one Gateway, or merge the servers");
    }

    @Test
    void notesThenSummaryCloseTheOutput() {
        assertThat(text(SampleReports.mixed(), false)).endsWith(
                "\nnote: no gateway workload in the input: assumed Istio's default ingress gateway "
                        + "istio-system/istio-ingressgateway (Service ports 15021, 80\u21928080, 443\u21928443)\n"
                        + "2 errors, 1 warning, 1 info in 12 resources (2 suppressed)\n");
    }

    @Test
    void cleanRunSaysSo() {
        assertThat(text(SampleReports.clean(), false))
                .isEqualTo("\u2714 No validation issues found in 3 resources.\n");
    }

    @Test
    void summaryUsesSingularsAndNamesHiddenFindings() {
        ValidationReport one = new ValidationReport(List.of(SampleReports.SECRET_MISSING), List.of(), List.of(),
                new ValidationReport.Summary(1, 0, 0, 0, 4, 1), List.of());
        assertThat(ReportFindings.summaryLine(one))
                .isEqualTo("1 error, 0 warnings, 0 info in 1 resource (4 below the output threshold)");
        ValidationReport hiddenOnly = new ValidationReport(List.of(), List.of(), List.of(),
                new ValidationReport.Summary(0, 0, 0, 1, 2, 5), List.of());
        assertThat(ReportFindings.summaryLine(hiddenOnly)).isEqualTo(
                "\u2714 No validation issues found in 5 resources (1 suppressed, 2 below the output threshold).");
    }

    @Test
    void colourWrapsOnlyTheLevelWordAsIstioctlDoes() {
        String out = text(SampleReports.mixed(), true);
        assertThat(out).startsWith("\033[1;31mError\033[0m [GW0101/IST0101] (Gateway default/test-gateway");
        assertThat(out).contains("\n\033[33mWarning\033[0m [GW0403/IST0132] (VirtualService shop/web) ");
        assertThat(out).contains("\nInfo [GW0002] (Rule GW0105)");
        // 2 errors and 1 warning: one colour code and one reset each, nothing else coloured.
        assertThat(out.split("\033\\[", -1)).hasSize(1 + 3 * 2);
        assertThat(out.replaceAll("\033\\[[0-9;]*m", "")).isEqualTo(text(SampleReports.mixed(), false));
    }

    @Test
    void duplicateFindingsArePrintedOnce() {
        ValidationReport twice = new ValidationReport(
                List.of(SampleReports.SECRET_MISSING, SampleReports.SECRET_MISSING), List.of(), List.of(),
                new ValidationReport.Summary(1, 0, 0, 0, 0, 1), List.of());
        assertThat(text(twice, false).split("\n")).hasSize(3);
    }
}
