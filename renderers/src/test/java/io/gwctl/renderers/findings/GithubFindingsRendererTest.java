package io.gwctl.renderers.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Location;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.finding.ValidationReport;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubFindingsRendererTest {
    private static List<String> lines(ValidationReport r, Path baseDir) {
        return Golden.render(FindingsFormat.GITHUB, r, new RenderOptions(false, "1", baseDir)).lines().toList();
    }

    @Test
    void matchesGolden() throws IOException {
        Golden.assertMatches("mixed.github.txt",
                Golden.render(FindingsFormat.GITHUB, SampleReports.mixed(), RenderOptions.plain()));
    }

    @Test
    void inputProblemsAreErrorAnnotationsOnTheirLine() {
        assertThat(lines(SampleReports.inputProblems(), null)).containsExactly(
                "::error file=testdata/bad.yaml,line=6,col=1,title=GW0001::(File testdata/bad.yaml) while parsing a flow"
                        + " sequence: expected ',' or ']', but got <stream end>",
                "::error file=testdata/gw.yaml,line=10,col=20,title=GW0001::(Gateway shop/web) spec.servers[0].port"
                        + ".number: expected an integer, got \"eighty\"",
                "::error file=testdata/x.yaml,line=14,col=7,title=GW0101::(Gateway default/test-gateway) Referenced "
                        + "credentialName not found: \"test-cred\"%0Ahint: " + SampleReports.SECRET_MISSING.hint(),
                "3 errors, 0 warnings, 0 info in 4 resources");
    }

    @Test
    void escapesDataAsGithubDocumentsIt() {
        assertThat(GithubFindingsRenderer.escapeData("100% a:b,c\r\nd")).isEqualTo("100%25 a:b,c%0D%0Ad");
    }

    @Test
    void escapesPropertiesAlsoForColonAndComma() {
        assertThat(GithubFindingsRenderer.escapeProperty("dir, with: 100%\nx")).isEqualTo("dir%2C with%3A 100%25%0Ax");
    }

    @Test
    void oneCommandPerFindingWithFileLineColumnAndTitle() {
        List<String> lines = lines(SampleReports.mixed(), null);
        assertThat(lines).hasSize(4 + 1 + 1);
        assertThat(lines.get(0)).isEqualTo("::error file=testdata/x.yaml,line=14,col=7,title=GW0101::"
                + "(Gateway default/test-gateway) Referenced credentialName not found: \"test-cred\"%0Ahint: "
                + SampleReports.SECRET_MISSING.hint());
        assertThat(lines.get(1)).isEqualTo("::error file=testdata/dir%2C with%3A odd%25chars/gw.yaml,line=3,"
                + "title=GW0301::(Gateway team-\u00e4/gw<&>\"2\") host \"a&b<c>.example.com\" on port 443 is 100%25 "
                + "also served by Gateway team-\u00e4/gw1: caf\u00e9, \u00fcn\u00efc\u00f6d\u00e9 \u2713"
                + "%0Ahint: give each host:port to one Gateway,%0Aor merge the servers");
        assertThat(lines.get(2)).startsWith("::warning title=GW0403::(VirtualService shop/web) one or more host");
        assertThat(lines.get(3)).isEqualTo(
                "::notice title=GW0002::(Rule GW0105) check GW0105 mutual-tls-ca-missing skipped: no Secrets in the input");
        assertThat(lines.get(5)).isEqualTo("2 errors, 1 warning, 1 info in 12 resources (2 suppressed)");
    }

    private static ValidationReport oneWarningIn(String file) {
        return new ValidationReport(List.of(new Finding("GW0101", Severity.WARNING, List.of(), null,
                new Location(file, 3, 0, ""), "m", "")),
                List.of(), List.of(), new ValidationReport.Summary(0, 1, 0, 0, 0, 1), List.of());
    }

    @Test
    void filesAreRelativeToTheBaseDir() {
        Path base = Path.of("testdata").toAbsolutePath();
        assertThat(lines(oneWarningIn(base.resolve("a/b.yaml").toString()), base).get(0))
                .isEqualTo("::warning file=a/b.yaml,line=3,title=GW0101::m");
        assertThat(lines(oneWarningIn("c/d.yaml"), base).get(0))
                .isEqualTo("::warning file=c/d.yaml,line=3,title=GW0101::m");
    }

    @Test
    void baseDirMayLiveInAnotherFileSystem() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path base = fs.getPath("/work/repo");
            assertThat(lines(oneWarningIn("/work/repo/deploy/gw.yaml"), base).get(0))
                    .isEqualTo("::warning file=deploy/gw.yaml,line=3,title=GW0101::m");
            assertThat(lines(oneWarningIn("/elsewhere/gw.yaml"), base).get(0))
                    .isEqualTo("::warning file=/elsewhere/gw.yaml,line=3,title=GW0101::m");
        }
    }
}
