package io.gwctl.renderers.table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A port of Go's {@code text/tabwriter} with the options istioctl uses (left alignment, no flags), so that gwctl's
 * tables line up byte for byte with istioctl's (spec §2).
 *
 * <p>Text is buffered until {@link #flush()} (or a line without tabs, which Go flushes on too). A cell is text
 * terminated by {@code '\t'}; the text after the last tab of a line is not part of any column and is written
 * verbatim. Column widths are computed per column block (a maximal run of consecutive lines that all have a
 * tab-terminated cell at that index) as {@code max(minwidth, runeCount(cell) + padding)}; every tab-terminated
 * cell is padded to its block width with the pad character, so an empty last column leaves trailing spaces.
 * Widths count Unicode code points, like Go's runes.
 *
 * <p>{@link #close()} flushes but does not close the underlying writer, which belongs to the caller.
 */
public final class TabWriter extends Writer {

    /** One cell: its text length in chars, its width in code points and whether a tab terminated it. */
    private record Cell(int size, int width, boolean htab) {
    }

    private final Writer out;
    private final int minwidth;
    private final int padding;

    private final StringBuilder buf = new StringBuilder();
    private final List<List<Cell>> lines = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    /** Start (in {@link #buf}) of the cell being collected, and its width in code points so far. */
    private int cellStart;
    private int cellWidth;
    /** A high surrogate at the end of the last write, so a split pair still counts as one rune. */
    private boolean pendingHighSurrogate;
    private final char[] scratch = new char[256];
    private final char[] padChars = new char[64];

    /**
     * Creates a writer like Go's {@code new(tabwriter.Writer).Init(out, minwidth, 8, padding, padchar, 0)}.
     *
     * @param out      where formatted text goes (wrapped in a BufferedWriter unless it is one or a StringWriter)
     * @param minwidth minimal cell width including padding
     * @param padding  added to the widest cell of a column block
     * @param padchar  the character cells are padded with
     */
    public TabWriter(Writer out, int minwidth, int padding, char padchar) {
        if (minwidth < 0 || padding < 0) {
            throw new IllegalArgumentException("minwidth and padding must be >= 0");
        }
        // Formatted text goes out cell by cell: buffer it unless the caller already does (unbuffered printing was
        // an order of magnitude slower in the bench).
        this.out = out instanceof BufferedWriter || out instanceof StringWriter ? out : new BufferedWriter(out);
        this.minwidth = minwidth;
        this.padding = padding;
        Arrays.fill(padChars, padchar);
        reset();
    }

    /** istioctl's listener table writer: minwidth 0, padding 1, pad ' ' ({@code setupListenerConfigWriter}). */
    public static TabWriter forListeners(Writer out) {
        return new TabWriter(out, 0, 1, ' ');
    }

    /** istioctl's route table writer: minwidth 0, padding 5, pad ' ' ({@code setupRouteConfigWriter}). */
    public static TabWriter forRoutes(Writer out) {
        return new TabWriter(out, 0, 5, ' ');
    }

    private void reset() {
        buf.setLength(0);
        lines.clear();
        lines.add(new ArrayList<>());
        widths.clear();
        cellStart = 0;
        cellWidth = 0;
        pendingHighSurrogate = false;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        write(CharBuffer.wrap(cbuf, off, len), 0, len);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        write((CharSequence) str, off, len);
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c), 0, 1);
    }

    /** Splits the text at tabs and newlines; the text between them is appended to the current cell in bulk. */
    private void write(CharSequence text, int off, int len) throws IOException {
        int end = off + len;
        int start = off;
        for (int i = off; i < end; i++) {
            char ch = text.charAt(i);
            if (ch == '\t' || ch == '\n') {
                appendText(text, start, i);
                start = i + 1;
                int ncells = terminateCell(ch == '\t');
                if (ch == '\n') {
                    lines.add(new ArrayList<>());
                    // Go flushes after a line with a single cell: it cannot influence later columns.
                    if (ncells == 1) {
                        flushBuffered();
                    }
                }
            }
        }
        appendText(text, start, end);
    }

    private void appendText(CharSequence text, int start, int end) {
        if (start == end) {
            return;
        }
        buf.append(text, start, end);
        int runes = Character.codePointCount(text, start, end);
        // A low surrogate completes the rune its high surrogate, at the end of the previous write, already counted.
        if (pendingHighSurrogate && Character.isLowSurrogate(text.charAt(start))) {
            runes--;
        }
        cellWidth += runes;
        pendingHighSurrogate = Character.isHighSurrogate(text.charAt(end - 1));
    }

    /** Ends the current cell and returns the number of cells in the current line. */
    private int terminateCell(boolean htab) {
        List<Cell> line = lines.get(lines.size() - 1);
        line.add(new Cell(buf.length() - cellStart, cellWidth, htab));
        cellStart = buf.length();
        cellWidth = 0;
        pendingHighSurrogate = false;
        return line.size();
    }

    /**
     * Writes each line followed by a newline, then {@link #flush()}es: a whole table laid out at once, in the same
     * bytes as writing the lines one by one. {@code lines} is read twice, first to measure the cells and then to
     * write them, so that a table of hundreds of thousands of rows keeps four bytes a cell in memory rather than its
     * text (a lazy {@code Iterable} that makes each row again costs no row at all).
     */
    public void writeTable(Iterable<String> lines) throws IOException {
        writeTable(lines::forEach);
    }

    /** A table made line by line each time it is asked for, the same lines each time. */
    @FunctionalInterface
    public interface Lines {
        void forEach(Consumer<String> line);
    }

    /** {@link #writeTable(Iterable)} for lines made on demand: no line is kept. */
    public void writeTable(Lines lines) throws IOException {
        flushBuffered();
        Measure m = new Measure();
        lines.forEach(m::add);
        m.layout(minwidth, padding);
        Measure.Cursor at = m.cursor();
        try {
            lines.forEach(line -> {
                int start = 0;
                for (int nl = line.indexOf('\n'); ; nl = line.indexOf('\n', start)) {
                    int end = nl < 0 ? line.length() : nl;
                    try {
                        writeLaidOut(line, start, end, at);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (nl < 0) {
                        break;
                    }
                    start = nl + 1;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        at.finish();
        out.flush();
    }

    /** Writes one physical line with the column widths {@link Measure} computed for its blocks. */
    private void writeLaidOut(String text, int start, int end, Measure.Cursor at) throws IOException {
        at.nextLine();
        int column = 0;
        int from = start;
        for (int i = start; i <= end; i++) {
            if (i < end && text.charAt(i) != '\t') {
                continue;
            }
            out.write(text, from, i - from);
            if (i < end) {
                pad(at.width(column) - Character.codePointCount(text, from, i));
                column++;
            }
            from = i + 1;
        }
        at.endLine(column);
        out.write('\n');
    }

    /**
     * The column blocks of a table without its text (Go's {@code format}, which {@link #format} runs over buffered
     * text): a block of column k is a maximal run of consecutive lines that all have more than k tab-terminated cells,
     * so the blocks of a column follow from how many cells each line has and the previous one had. Per column only the
     * widths of its blocks are kept, in order: a table of a million rows in five columns keeps five numbers, not a
     * number per cell. The text after a line's last tab is never padded, so it is not measured.
     */
    private static final class Measure {
        /** Per column, the width of each of its blocks in order: the widest cell, then (after layout) the padded width. */
        int[][] blocks = new int[0][];
        int[] blockCounts = new int[0];
        /** Tab-terminated cells of the last line added. */
        int previous;
        int lines;
        /** A hash of every line's number of cells, which the second pass must reproduce. */
        long shape;

        void add(String text) {
            int start = 0;
            for (int nl = text.indexOf('\n'); ; nl = text.indexOf('\n', start)) {
                int end = nl < 0 ? text.length() : nl;
                addLine(text, start, end);
                if (nl < 0) {
                    return;
                }
                start = nl + 1;
            }
        }

        private void addLine(String text, int start, int end) {
            int column = 0;
            int from = start;
            for (int i = start; i < end; i++) {
                if (text.charAt(i) == '\t') {
                    cell(column, previous, Character.codePointCount(text, from, i));
                    column++;
                    from = i + 1;
                }
            }
            previous = column;
            lines++;
            shape = shape * 31 + column;
        }

        /** A cell of {@code column}: it opens a block when the line before had no cell there, else widens the block. */
        private void cell(int column, int cellsBefore, int width) {
            if (column == blocks.length) {
                blocks = Arrays.copyOf(blocks, column + 1);
                blocks[column] = new int[4];
                blockCounts = Arrays.copyOf(blockCounts, column + 1);
            }
            int n = blockCounts[column];
            if (column >= cellsBefore) {
                if (n == blocks[column].length) {
                    blocks[column] = Arrays.copyOf(blocks[column], n * 2);
                }
                blocks[column][n] = width;
                blockCounts[column] = n + 1;
            } else {
                blocks[column][n - 1] = Math.max(blocks[column][n - 1], width);
            }
        }

        /** Each block's width: its widest cell plus the padding, at least {@code minwidth}. */
        void layout(int minwidth, int padding) {
            for (int c = 0; c < blocks.length; c++) {
                for (int b = 0; b < blockCounts[c]; b++) {
                    blocks[c][b] = Math.max(minwidth, blocks[c][b] + padding);
                }
            }
        }

        Cursor cursor() {
            return new Cursor();
        }

        /** The second pass: which block of each column the line being written is in. */
        final class Cursor {
            private final int[] block = new int[blocks.length];
            private int cellsBefore;
            private int line;
            private long shape;

            Cursor() {
                Arrays.fill(block, -1);
            }

            void nextLine() {
                if (line == lines) {
                    throw changed();
                }
                line++;
            }

            /** The width of the line's cell in {@code column}, entering the column's next block where one opens. */
            int width(int column) {
                if (column >= blocks.length) {
                    throw changed();
                }
                if (column >= cellsBefore) {
                    block[column]++;
                    if (block[column] >= blockCounts[column]) {
                        throw changed();
                    }
                }
                return blocks[column][block[column]];
            }

            void endLine(int cells) {
                cellsBefore = cells;
                shape = shape * 31 + cells;
            }

            void finish() {
                boolean same = line == lines && shape == Measure.this.shape;
                for (int c = 0; c < blocks.length; c++) {
                    same &= block[c] == blockCounts[c] - 1;
                }
                if (!same) {
                    throw changed();
                }
            }

            private IllegalStateException changed() {
                return new IllegalStateException("the table's lines changed between the two passes");
            }
        }
    }

    /** Formats and writes everything buffered, then flushes the underlying writer (Go's {@code Flush}). */
    @Override
    public void flush() throws IOException {
        flushBuffered();
        out.flush();
    }

    /** Flushes; the underlying writer stays open. */
    @Override
    public void close() throws IOException {
        flush();
    }

    private void flushBuffered() throws IOException {
        // Go's Flush: the text of a partial last cell counts as a cell of the last line.
        if (buf.length() > cellStart) {
            terminateCell(false);
        }
        format(0, 0, lines.size());
        reset();
    }

    /** Go's {@code format}: recursively computes column-block widths left to right and writes lines. */
    private int format(int pos0, int line0, int line1) throws IOException {
        int pos = pos0;
        int column = widths.size();
        for (int current = line0; current < line1; current++) {
            List<Cell> line = lines.get(current);
            if (column >= line.size() - 1) {
                continue;
            }
            // A cell exists in this column: print the lines before the block, then measure the block.
            pos = writeLines(pos, line0, current);
            line0 = current;
            int width = minwidth;
            for (; current < line1; current++) {
                line = lines.get(current);
                if (column >= line.size() - 1) {
                    break;
                }
                width = Math.max(width, line.get(column).width() + padding);
            }
            widths.add(width);
            pos = format(pos, line0, current);
            widths.remove(widths.size() - 1);
            line0 = current;
        }
        return writeLines(pos, line0, line1);
    }

    private int writeLines(int pos0, int line0, int line1) throws IOException {
        int pos = pos0;
        for (int i = line0; i < line1; i++) {
            List<Cell> line = lines.get(i);
            for (int j = 0; j < line.size(); j++) {
                Cell c = line.get(j);
                writeBuffered(pos, c.size());
                pos += c.size();
                if (j < widths.size()) {
                    pad(widths.get(j) - c.width());
                }
            }
            if (i + 1 < lines.size()) {
                out.write('\n');
            }
        }
        return pos;
    }

    private void writeBuffered(int pos, int size) throws IOException {
        for (int done = 0; done < size; done += scratch.length) {
            int n = Math.min(scratch.length, size - done);
            buf.getChars(pos + done, pos + done + n, scratch, 0);
            out.write(scratch, 0, n);
        }
    }

    private void pad(int n) throws IOException {
        for (int done = 0; done < n; done += padChars.length) {
            out.write(padChars, 0, Math.min(padChars.length, n - done));
        }
    }
}
