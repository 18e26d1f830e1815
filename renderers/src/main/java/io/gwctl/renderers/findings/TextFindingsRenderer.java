package io.gwctl.renderers.findings;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Location;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.finding.ValidationReport;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes findings in istioctl analyze's {@code log} style (lint catalogue §2.5), one line per finding:
 * {@code Error [GW0101/IST0101] (Gateway default/gw gw.yaml:14) message}, the hint on an indented line below it,
 * then {@code note: ...} lines and the summary line.
 *
 * <p>Input problems (GW0001) are not repeated here: gwctl prints each on stderr as it reads the input, as
 * {@code gwctl: FILE:LINE:COL: message}, in every format. The summary counts them and says how many are there.
 *
 * <p>A run compared with a baseline lists only the new findings unless asked to show the existing ones too, which
 * are then marked {@code [existing]}; the summary says how many existing findings it left out.
 *
 * <p>The level is the first word of the line so that {@code grep '^Error'} selects exactly the errors; the hint line
 * starts with four spaces and never matches. Colour, when asked for, is istioctl's: bold red Error, yellow Warning,
 * plain Info, around the level word only.
 */
public final class TextFindingsRenderer implements FindingsRenderer {
    private static final String RESET = "\033[0m";

    @Override
    public void render(ValidationReport report, RenderOptions options, Writer out) throws IOException {
        int inputProblems = 0;
        for (Finding f : ReportFindings.ordered(report)) {
            if (f.code().equals(ReportFindings.INVALID_INPUT)) {
                inputProblems++; // already on stderr as gwctl: FILE:LINE:COL: lines; one line per problem
                continue;
            }
            out.write(line(f, options.color(), report.isExisting(f)));
            out.write('\n');
            if (!f.hint().isBlank()) {
                out.write("    hint: " + ReportFindings.oneLine(f.hint()) + "\n");
            }
        }
        for (String note : report.notes()) {
            out.write("note: " + ReportFindings.oneLine(note) + "\n");
        }
        out.write(ReportFindings.oneLine(ReportFindings.summaryLine(report, inputProblems)) + "\n");
    }

    /** The finding's line without its line break: {@code Level [CODES] (Kind ns/name file:line) message}. */
    static String line(Finding f, boolean color) {
        return line(f, color, false);
    }

    /**
     * The finding's line, with {@code [existing]} after the codes when it was already in the baseline (shown with
     * {@code --show-baseline}); the level stays the first word, so {@code grep '^Error'} still selects every error.
     */
    static String line(Finding f, boolean color, boolean existing) {
        String level = f.severity().label();
        String prefix = color ? colorOf(f.severity()) : "";
        String levelText = prefix.isEmpty() ? level : prefix + level + RESET;
        return levelText + " [" + ReportFindings.codes(f) + "]" + (existing ? " [existing]" : "") + origin(f) + " " + ReportFindings.oneLine(f.message());
    }

    /** istioctl's {@code Origin()}: {@code  (Kind ns/name file:line)}, parts left out when unknown. */
    private static String origin(Finding f) {
        Location loc = ReportFindings.location(f);
        String name = ReportFindings.resourceName(f);
        String where = ReportFindings.hasFile(f) ? loc.fileAndLine() : "";
        String inside = name.isEmpty() ? where : where.isEmpty() ? name : name + " " + where;
        return inside.isEmpty() ? "" : " (" + ReportFindings.oneLine(inside) + ")";
    }

    /** istioctl's colours (istioctl/pkg/util/formatting): Info gets none. */
    private static String colorOf(Severity s) {
        return switch (s) {
            case ERROR -> "\033[1;31m";
            case WARNING -> "\033[33m";
            case INFO -> "";
        };
    }
}
