package io.gwctl.cli.validate;

import de.vandermeer.asciitable.AsciiTable;
import de.vandermeer.asciitable.CWC_LongestLine;
import de.vandermeer.skb.interfaces.transformers.textformat.TextAlignment;
import io.gwctl.model.finding.RuleInfo;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints {@code validate --list-rules}: a bordered table for a person at a terminal, tab-separated lines (with a
 * header) for scripts and pipes.
 */
final class RuleListPrinter {
    static final String[] HEADER = {"CODE", "NAME", "SEVERITY", "ALIASES", "SUMMARY"};
    /** Widest the SUMMARY column gets before wrapping, so the table fits a 120-column terminal. */
    private static final int SUMMARY_WIDTH = 60;

    private RuleListPrinter() {
    }

    static void tsv(List<RuleInfo> rules, PrintWriter out) {
        out.println(String.join("\t", HEADER));
        for (RuleInfo r : rules) {
            out.println(String.join("\t", row(r)));
        }
    }

    static void table(List<RuleInfo> rules, PrintWriter out) {
        AsciiTable t = new AsciiTable();
        t.addRule();
        t.addRow((Object[]) HEADER);
        t.addRule();
        for (RuleInfo r : rules) {
            t.addRow((Object[]) row(r));
        }
        t.addRule();
        CWC_LongestLine widths = new CWC_LongestLine();
        for (int i = 0; i < HEADER.length; i++) {
            widths.add(HEADER[i].length(), i == HEADER.length - 1 ? SUMMARY_WIDTH : 0);
        }
        t.getRenderer().setCWC(widths);
        t.setPaddingLeftRight(1);
        t.setTextAlignment(TextAlignment.LEFT);
        out.println(t.render());
    }

    private static String[] row(RuleInfo r) {
        return new String[] {r.code(), r.name(), r.severity().label(), String.join(",", r.aliases()),
            r.summary().replace('\t', ' ')};
    }
}
