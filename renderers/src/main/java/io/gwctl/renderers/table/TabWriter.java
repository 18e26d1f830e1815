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
        int[] at = {0};
        try {
            lines.forEach(line -> {
                int start = 0;
                for (int nl = line.indexOf('\n'); ; nl = line.indexOf('\n', start)) {
                    int end = nl < 0 ? line.length() : nl;
                    try {
                        at[0] = writeLaidOut(line, start, end, m, at[0]);
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
        if (at[0] != m.lines) {
            throw new IllegalStateException("the table's lines changed between the two passes");
        }
        out.flush();
    }

    /** Writes one physical line with the column widths {@link Measure} computed for it; returns the next line. */
    private int writeLaidOut(String text, int start, int end, Measure m, int line) throws IOException {
        if (line >= m.lines) {
            throw new IllegalStateException("the table's lines changed between the two passes");
        }
        int cell = m.lineStart[line];
        int cellEnd = m.lineStart[line + 1];
        int from = start;
        for (int i = start; i <= end; i++) {
            if (i < end && text.charAt(i) != '\t') {
                continue;
            }
            out.write(text, from, i - from);
            if (i < end) {
                if (cell >= cellEnd) {
                    throw new IllegalStateException("the table's lines changed between the two passes");
                }
                pad(m.cells[cell] - Character.codePointCount(text, from, i));
                cell++;
            }
            from = i + 1;
        }
        out.write('\n');
        return line + 1;
    }

    /**
     * The cells of a table without their text: per physical line, the width of each tab-terminated cell, replaced
     * by {@link #layout} with the width of its column block (Go's {@code format}, which {@link #format} also runs
     * over buffered text). The text after a line's last tab is never padded, so it is not kept.
     */
    private static final class Measure {
        int[] cells = new int[1024];
        int size;
        /** Index in {@link #cells} of each line's first cell; one more entry than lines. */
        int[] lineStart = new int[257];
        int lines;

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
            int from = start;
            for (int i = start; i < end; i++) {
                if (text.charAt(i) == '\t') {
                    if (size == cells.length) {
                        cells = Arrays.copyOf(cells, size * 2);
                    }
                    cells[size++] = Character.codePointCount(text, from, i);
                    from = i + 1;
                }
            }
            if (lines + 2 > lineStart.length) {
                lineStart = Arrays.copyOf(lineStart, lineStart.length * 2);
            }
            lines++;
            lineStart[lines] = size;
        }

        /** Tab-terminated cells of line {@code i}. */
        private int columns(int i) {
            return lineStart[i + 1] - lineStart[i];
        }

        void layout(int minwidth, int padding) {
            layout(0, 0, lines, minwidth, padding);
        }

        /** Column {@code column}'s blocks within lines [line0, line1), then the columns right of each block. */
        private void layout(int column, int line0, int line1, int minwidth, int padding) {
            for (int current = line0; current < line1; current++) {
                if (column >= columns(current)) {
                    continue;
                }
                int first = current;
                int width = minwidth;
                for (; current < line1 && column < columns(current); current++) {
                    width = Math.max(width, cells[lineStart[current] + column] + padding);
                }
                for (int i = first; i < current; i++) {
                    cells[lineStart[i] + column] = width;
                }
                layout(column + 1, first, current, minwidth, padding);
                current--;
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
