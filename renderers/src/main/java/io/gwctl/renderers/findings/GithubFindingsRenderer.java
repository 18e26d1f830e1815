package io.gwctl.renderers.findings;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Location;
import io.gwctl.model.finding.ValidationReport;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes findings as GitHub Actions workflow commands ({@code ::error file=gw.yaml,line=14,col=7,title=GW0101::...}),
 * which GitHub turns into annotations on the pull request diff; notes and the summary follow as plain log lines.
 * Findings already in the baseline are never annotations: the summary line counts them.
 */
public final class GithubFindingsRenderer implements FindingsRenderer {
    @Override
    public void render(ValidationReport report, RenderOptions options, Writer out) throws IOException {
        for (Finding f : ReportFindings.ordered(report)) {
            if (!report.isExisting(f)) {
                out.write(command(f, options) + "\n");
            }
        }
        for (String note : report.notes()) {
            out.write("note: " + ReportFindings.oneLine(note) + "\n");
        }
        out.write(ReportFindings.summaryLine(report) + "\n");
    }

    private static String command(Finding f, RenderOptions options) {
        String name = switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
        List<String> properties = new ArrayList<>();
        Optional<String> path = ReportFindings.relativePath(f, options.baseDir(), options.root());
        if (path.isPresent()) {
            Location loc = ReportFindings.location(f);
            properties.add("file=" + escapeProperty(path.get()));
            if (loc.line() > 0) {
                properties.add("line=" + loc.line());
                if (loc.column() > 0) {
                    properties.add("col=" + loc.column());
                }
            }
        }
        properties.add("title=" + escapeProperty(f.code()));
        String resource = ReportFindings.resourceName(f);
        String message = (resource.isEmpty() ? "" : "(" + resource + ") ") + f.message()
                + (f.hint().isBlank() ? "" : "\nhint: " + f.hint());
        return "::" + name + " " + String.join(",", properties) + "::" + escapeData(message);
    }

    /** GitHub's escaping of a command's message: {@code %}, CR and LF. */
    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** GitHub's escaping of a command property value: the data escapes plus {@code :} and {@code ,}. */
    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
