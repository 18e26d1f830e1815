package io.gwctl.renderers.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Prints a unified diff of documents made of named sections (e.g. a listener table and a route table), as a pure
 * function of the lines: one {@code --- expected} / {@code +++ actual} header, then the hunks of each section that
 * differs, their {@code @@} lines numbered within the section and followed by its name, as {@code diff -u} follows
 * them with a function name. Nothing is written when no section differs.
 */
public final class UnifiedDiffRenderer {
    /** Lines of context around each change, as {@code diff -u}. */
    public static final int CONTEXT = 3;

    private UnifiedDiffRenderer() {
    }

    /**
     * One named part of the compared documents: its lines on each side, without line terminators.
     *
     * @param name     printed after the {@code @@} of each of its hunks
     * @param expected the lines of the first (old, {@code -}) side
     * @param actual   the lines of the second (new, {@code +}) side
     */
    public record Section(String name, List<String> expected, List<String> actual) {
        public Section {
            expected = List.copyOf(expected);
            actual = List.copyOf(actual);
        }

        /** True when both sides have the same lines. */
        public boolean same() {
            return expected.equals(actual);
        }
    }

    /**
     * Writes the diff of {@code sections} to {@code out} (not flushed) and returns true, or writes nothing and
     * returns false when every section is the same on both sides.
     *
     * @param expectedLabel the text after {@code ---}
     * @param actualLabel   the text after {@code +++}
     */
    public static boolean render(String expectedLabel, String actualLabel, List<Section> sections, Writer out)
            throws IOException {
        boolean headerWritten = false;
        for (Section s : sections) {
            if (s.same()) {
                continue;
            }
            if (!headerWritten) {
                out.write("--- " + expectedLabel + "\n+++ " + actualLabel + "\n");
                headerWritten = true;
            }
            Patch<String> patch = DiffUtils.diff(s.expected(), s.actual());
            List<String> lines = UnifiedDiffUtils.generateUnifiedDiff("", "", s.expected(), patch, CONTEXT);
            // The library writes its own ---/+++ pair first: one pair heads all sections instead.
            for (String line : lines.subList(2, lines.size())) {
                out.write(line.startsWith("@@") ? line + " " + s.name() : line);
                out.write('\n');
            }
        }
        return headerWritten;
    }
}
