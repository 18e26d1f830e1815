package io.gwctl.model.load;

import java.io.Reader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's {@link StreamReader} over text already in memory, in linear time. The stock reader reads 1,024
 * characters at a time and copies its whole window of unread code points on every read; a scalar is scanned
 * without moving past its start, so one 4 MB scalar made 4,096 copies of a window growing to 4 MB (6 s of CPU,
 * 132 s at 16 MB). This reader reads the same chunks and behaves the same (code points, line and column counting,
 * the non-printable check on each chunk as it is read), but keeps the window in a buffer that doubles when full
 * and is compacted only when at most half of it is unread, so each code point is copied a bounded number of times.
 *
 * <p>Marks carry no snippet of the text: error messages never quote the input (a Secret's data, a private key).
 */
final class TextStreamReader extends StreamReader {
    /** The stock reader's read size: the non-printable check reports at the same place. */
    private static final int CHUNK = 1024;
    private static final String NAME = "'reader'";
    private static final int[] NO_SNIPPET = new int[0];

    private final String text;
    private int next;
    private int[] window = new int[CHUNK * 2];
    private final char[] chunk = new char[CHUNK + 1];
    private int length;
    private int pointer;
    private boolean eof;
    private int index;
    private int documentIndex;
    private int line;
    private int column;
    /** Buffer copies made (growth and compaction), for tests that check the reader stays linear. */
    private int copies;

    /** Reads {@code text} from {@code offset}. */
    TextStreamReader(String text, int offset) {
        super(Reader.nullReader());
        this.text = text;
        this.next = offset;
    }

    int copies() {
        return copies;
    }

    int capacity() {
        return window.length;
    }

    @Override
    public Mark getMark() {
        return new Mark(NAME, index, line, column, NO_SNIPPET, 0);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int n) {
        for (int i = 0; i < n && ensureEnoughData(0); i++) {
            int c = window[pointer++];
            index++;
            documentIndex++;
            if (Constant.LINEBR.has(c) || c == '\r' && ensureEnoughData(0) && window[pointer] != '\n') {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return ensureEnoughData(0) ? window[pointer] : '\0';
    }

    @Override
    public int peek(int i) {
        return ensureEnoughData(i) ? window[pointer + i] : '\0';
    }

    @Override
    public String prefix(int n) {
        if (n == 0) {
            return "";
        }
        return ensureEnoughData(n) ? new String(window, pointer, n)
                : new String(window, pointer, Math.min(n, length - pointer));
    }

    @Override
    public String prefixForward(int n) {
        String prefix = prefix(n);
        pointer += n;
        index += n;
        documentIndex += n;
        column += n; // a prefix never contains a line break
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }

    private boolean ensureEnoughData(int size) {
        if (!eof && pointer + size >= length) {
            update();
        }
        return pointer + size < length;
    }

    /** Reads the next chunk as the stock reader does, into room made without copying more than amortised O(1). */
    private void update() {
        int n = Math.min(CHUNK, text.length() - next);
        if (n <= 0) {
            eof = true;
            return;
        }
        if (Character.isHighSurrogate(text.charAt(next + n - 1))) {
            if (next + n == text.length()) {
                throw new ReaderException(NAME, index + n, text.charAt(next + n - 1),
                        "The last char is HighSurrogate (no LowSurrogate detected).");
            }
            n++;
        }
        makeRoom(n);
        // A bulk copy, then array reads, as the stock reader does: String.codePointAt per character made a cold
        // load of bench-load.sh's N=1,000 corpus slower than the stock reader.
        text.getChars(next, next + n, chunk, 0);
        int nonPrintable = ' ';
        int[] w = window;
        int len = length;
        for (int i = 0; i < n; ) {
            char ch = chunk[i];
            int cp = Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(chunk[i + 1])
                    ? Character.toCodePoint(ch, chunk[i + 1]) : ch;
            w[len++] = cp;
            if (isPrintable(cp)) {
                i += cp >= Character.MIN_SUPPLEMENTARY_CODE_POINT ? 2 : 1;
            } else {
                nonPrintable = cp;
                break;
            }
        }
        length = len;
        int end = next + n;
        next = end;
        if (nonPrintable != ' ') {
            throw new ReaderException(NAME, index + length - pointer - 1, nonPrintable,
                    "special characters are not allowed");
        }
    }

    private void makeRoom(int n) {
        if (length + n <= window.length) {
            return;
        }
        int unread = length - pointer;
        copies++;
        if (unread + n <= window.length / 2) {
            System.arraycopy(window, pointer, window, 0, unread);
        } else {
            int[] bigger = new int[Math.max(window.length * 2, unread + n)];
            System.arraycopy(window, pointer, bigger, 0, unread);
            window = bigger;
        }
        pointer = 0;
        length = unread;
    }
}
