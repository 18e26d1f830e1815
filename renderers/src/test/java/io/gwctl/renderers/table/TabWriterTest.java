package io.gwctl.renderers.table;

import static io.gwctl.renderers.table.TextAssert.assertSameText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

class TabWriterTest {

    private static String format(int minwidth, int padding, String text) throws IOException {
        StringWriter sw = new StringWriter();
        TabWriter w = new TabWriter(sw, minwidth, padding, ' ');
        w.write(text);
        w.flush();
        return sw.toString();
    }

    @Test
    void padsEveryTabTerminatedCellAndLeavesTheLastCellAlone() throws IOException {
        assertSameText("a    bb  c\naaa  b   cccc\n", format(0, 2, "a\tbb\tc\naaa\tb\tcccc\n"));
    }

    @Test
    void emptyLastColumnLeavesTrailingPadding() throws IOException {
        // The istioctl backend rows: an empty VIRTUAL SERVICE cell after a padded MATCH cell (spec §2 rule 3).
        assertSameText("x" + " ".repeat(8) + "/stats/prometheus*" + " ".repeat(5) + "\n"
                        + "long" + " ".repeat(5) + "/a*" + " ".repeat(20) + "vs\n",
                format(0, 5, "x\t/stats/prometheus*\t\nlong\t/a*\tvs\n"));
        assertSameText("NAME     A\n         \n", format(0, 5, "NAME\tA\n\t\n"));
    }

    @Test
    void minwidthIsAFloor() throws IOException {
        assertSameText("a     b\n", format(6, 1, "a\tb\n"));
        assertSameText("abcdefgh b\n", format(6, 1, "abcdefgh\tb\n"));
    }

    @Test
    void widthsArePerColumnBlock() throws IOException {
        // Line 2 has no tab-terminated cell 1, so it ends the block of column 1: lines 1 and 3 are
        // measured separately there, while column 0 spans all three lines.
        String text = "a\tbbbbbbbb\tc\n"
                + "aaaa\tz\n"
                + "a\tb\tc\n";
        // One width per column over all lines would give "a    b        c" for line 3.
        assertSameText("a    bbbbbbbb c\naaaa z\na    b c\n", format(0, 1, text));
    }

    @Test
    void aLineWithoutTabsSeparatesColumnBlocks() throws IOException {
        assertSameText("a  b\n\nlonger  c\n", format(0, 2, "a\tb\n\nlonger\tc\n"));
        assertSameText("a  b\nno tabs here\nlonger  c\n", format(0, 2, "a\tb\nno tabs here\nlonger\tc\n"));
    }

    @Test
    void widthsCountCodePointsNotBytesOrUtf16Units() throws IOException {
        String text = "héllo\tx\n" + "\uD83D\uDE00\tx\n" + "ab\tx\n";
        // "héllo" is 5 runes (6 UTF-8 bytes), the emoji is 1 rune (2 UTF-16 units): column width 5 + 1.
        assertSameText("héllo x\n\uD83D\uDE00     x\nab    x\n", format(0, 1, text));
    }

    @Test
    void surrogatePairSplitAcrossWritesIsOneRune() throws IOException {
        StringWriter sw = new StringWriter();
        TabWriter w = TabWriter.forListeners(sw);
        w.write("\uD83D");
        w.write("\uDE00\tx\nabc\ty\n");
        w.flush();
        assertSameText("\uD83D\uDE00   x\nabc y\n", sw.toString());
    }

    @Test
    void unterminatedLastLineIsWrittenOnFlushWithoutNewline() throws IOException {
        assertSameText("a   b\nccc d", format(0, 1, "a\tb\nccc\td"));
        assertThat(format(0, 1, "")).isEmpty();
    }

    @Test
    void closeFlushesButKeepsTheUnderlyingWriterOpen() throws IOException {
        StringWriter sw = new StringWriter();
        try (TabWriter w = TabWriter.forRoutes(sw)) {
            w.write("A\tB\n");
        }
        sw.write("more");
        assertSameText("A     B\nmore", sw.toString());
    }

    @Test
    void charArrayAndSingleCharWritesAndLongCellsAndPadding() throws IOException {
        StringWriter sw = new StringWriter();
        TabWriter w = TabWriter.forListeners(sw);
        String longCell = "x".repeat(700);
        w.write(longCell.toCharArray());
        w.write('\t');
        w.write("end\n".toCharArray(), 0, 4);
        w.write("a\tb\n");
        w.flush();
        assertSameText(longCell + " end\n" + "a" + " ".repeat(700) + "b\n", sw.toString());
    }

    /** A writer that is neither buffered nor in memory, counting the calls that reach it. */
    private static final class CountingWriter extends java.io.Writer {
        final StringBuilder text = new StringBuilder();
        int calls;

        @Override
        public void write(char[] cbuf, int off, int len) {
            calls++;
            text.append(cbuf, off, len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void unbufferedWritersGetBufferedOutput() throws IOException {
        CountingWriter sink = new CountingWriter();
        TabWriter w = TabWriter.forRoutes(sink);
        for (int i = 0; i < 1000; i++) {
            w.write("name\tvhost" + i + "\tdomain\t/match\tvs\n");
        }
        w.flush();
        assertThat(sink.text.toString()).startsWith("name     vhost0       domain     /match     vs\n");
        assertThat(sink.calls).isLessThan(100);
    }

    /** The lines written one by one through {@link TabWriter#write}, as writeTable did before it measured first. */
    private static String streamed(int minwidth, int padding, List<String> lines) throws IOException {
        StringWriter sw = new StringWriter();
        TabWriter w = new TabWriter(sw, minwidth, padding, ' ');
        for (String line : lines) {
            w.write(line);
            w.write('\n');
        }
        w.flush();
        return sw.toString();
    }

    private static String table(int minwidth, int padding, List<String> lines) throws IOException {
        StringWriter sw = new StringWriter();
        new TabWriter(sw, minwidth, padding, ' ').writeTable(lines);
        return sw.toString();
    }

    @Test
    void writeTableMeasuresFirstAndWritesTheSameBytesAsStreaming() throws IOException {
        List<List<String>> tables = List.of(
                List.of(),
                List.of(""),
                List.of("NAME\tVHOST NAME\tDOMAINS\tMATCH\tVIRTUAL SERVICE", "80\ta:80\ta\t/*\tvs.ns",
                        "80\tblackhole:80\t*\t/*\t404"),
                List.of("a\tbbbbbbbb\tc", "aaaa\tz", "a\tb\tc"),
                List.of("a\tb", "", "longer\tc", "no tabs here", "x\ty\tz\t"),
                List.of("héllo\tx", "\uD83D\uDE00\tx", "ab\tx"),
                List.of("two\tlines\nin\tone", "\t\t", "last\t"));
        for (List<String> t : tables) {
            for (int padding : new int[] {0, 1, 5}) {
                assertSameText(streamed(0, padding, t), table(0, padding, t));
                assertSameText(streamed(3, padding, t), table(3, padding, t));
            }
        }
    }

    @Test
    void writeTableAgreesWithStreamingOnRandomTables() throws IOException {
        Random random = new Random(12);
        String[] words = {"", "a", "bb", "/api/v1*", "é", "\uD83D\uDE00x", "outbound|8080||svc.ns.svc.cluster.local"};
        for (int n = 0; n < 300; n++) {
            List<String> lines = new ArrayList<>();
            int rows = random.nextInt(12);
            for (int r = 0; r < rows; r++) {
                int cells = random.nextInt(6);
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < cells; c++) {
                    line.append(words[random.nextInt(words.length)]);
                    if (c + 1 < cells || random.nextBoolean()) {
                        line.append('\t');
                    }
                }
                lines.add(line.toString());
            }
            assertSameText(streamed(0, 5, lines), table(0, 5, lines));
            assertSameText(streamed(2, 1, lines), table(2, 1, lines));
        }
    }

    @Test
    void writeTableReadsLazyLinesTwiceAndRefusesLinesThatChange() throws IOException {
        int[] passes = {0};
        StringWriter sw = new StringWriter();
        TabWriter.forRoutes(sw).writeTable(row -> {
            passes[0]++;
            row.accept("NAME\tMATCH");
            row.accept("80\t/*");
        });
        assertThat(passes[0]).isEqualTo(2);
        assertSameText("NAME     MATCH\n80       /*\n", sw.toString());

        int[] calls = {0};
        assertThatThrownBy(() -> TabWriter.forRoutes(new StringWriter()).writeTable(row -> {
            row.accept("a\tb");
            if (calls[0]++ > 0) {
                row.accept("c\td");
            }
        })).isInstanceOf(IllegalStateException.class);
        // The same number of lines, but the second pass's second line has a cell less.
        int[] again = {0};
        assertThatThrownBy(() -> TabWriter.forRoutes(new StringWriter()).writeTable(row -> {
            row.accept("a\tb");
            row.accept(again[0]++ == 0 ? "c\td\te" : "c\td");
        })).isInstanceOf(IllegalStateException.class);
        int[] more = {0};
        assertThatThrownBy(() -> TabWriter.forRoutes(new StringWriter()).writeTable(row -> {
            row.accept("a\tb");
            row.accept(more[0]++ == 0 ? "c" : "c\td\te");
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTallTableIsLaidOutPerColumnBlock() throws IOException {
        // Blocks that open and close: the second column's block ends at a line with one cell, and a new one opens.
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            lines.add(i % 1000 == 999 ? "x" + i + "\t" : "r" + i + "\t" + "c".repeat(i % 7) + "\t" + "tail");
        }
        assertSameText(streamed(0, 5, lines), table(0, 5, lines));
        assertSameText(streamed(3, 1, lines), table(3, 1, lines));
    }
}
