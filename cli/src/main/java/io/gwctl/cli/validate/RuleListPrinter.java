package io.gwctl.cli.validate;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.github.freva.asciitable.HorizontalAlign;
import io.gwctl.model.finding.RuleInfo;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints {@code validate --list-rules}: a bordered table for a person at a terminal, tab-separated lines (with a
 * header) for scripts and pipes.
 */
final class RuleListPrinter {
    static final String[] HEADER = {"CODE", "NAME", "SEVERITY", "ALIASES", "SUMMARY"};
    /**
     * Widest the SUMMARY cell gets (text and its two spaces of padding) before its words wrap onto more lines, so the
     * table fits a 120-column terminal.
     */
    private static final int SUMMARY_WIDTH = 60;
    /**
     * Light box-drawing borders, with no line between data rows, in ascii-table's order: top (left, line, joint,
     * right), header row (left, separator, right), the line under the header, data row, the line between data rows
     * (none), the line over the footer, footer row, bottom.
     */
    private static final Character[] BORDER = {
        '\u250c', '\u2500', '\u252c', '\u2510',
        '\u2502', '\u2502', '\u2502',
        '\u251c', '\u2500', '\u253c', '\u2524',
        '\u2502', '\u2502', '\u2502',
        null, null, null, null,
        '\u251c', '\u2500', '\u253c', '\u2524',
        '\u2502', '\u2502', '\u2502',
        '\u2514', '\u2500', '\u2534', '\u2518'};

    private RuleListPrinter() {
    }

    static void tsv(List<RuleInfo> rules, PrintWriter out) {
        out.println(String.join("\t", HEADER));
        for (RuleInfo r : rules) {
            out.println(String.join("\t", row(r)));
        }
    }

    static void table(List<RuleInfo> rules, PrintWriter out) {
        Column[] columns = new Column[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            columns[i] = new Column().header(HEADER[i]).headerAlign(HorizontalAlign.LEFT)
                    .dataAlign(HorizontalAlign.LEFT);
        }
        columns[HEADER.length - 1].maxWidth(SUMMARY_WIDTH);
        out.println(AsciiTable.builder().border(BORDER).lineSeparator("\n")
                .data(columns, rules.stream().map(RuleListPrinter::row).toArray(Object[][]::new)).asString());
    }

    private static String[] row(RuleInfo r) {
        return new String[] {r.code(), r.name(), r.severity().label(), String.join(",", r.aliases()),
            r.summary().replace('\t', ' ')};
    }
}
