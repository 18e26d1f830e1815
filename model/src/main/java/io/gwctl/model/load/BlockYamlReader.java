package io.gwctl.model.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gwctl.model.SourceMap;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loader's fast path: reads the block-style YAML that manifests are made of straight from the file's UTF-8
 * bytes into the same trees and positions as {@link TreeBuilder} makes from SnakeYAML's events, with no scanner
 * tokens, events or marks in between.
 *
 * <p>It reads block mappings and sequences, one-line plain and quoted scalars, literal and folded block scalars,
 * one-line flow sequences and mappings of scalars ({@code args: ["a", "b"]}, {@code port: {number: 80}}, {@code []},
 * {@code {}}), comments and {@code ---} separators. Anything else (other flow collections, anchors,
 * aliases, tags, directives, complex keys, tabs outside comments and block scalars, multi-line plain or quoted
 * scalars, duplicate and merge keys, deep nesting, any syntax error) stops it at the start of the document that
 * holds it: {@link #read} returns where that document starts and the full parser reads the rest of the file, so
 * the output is the full parser's in every case this class does not read exactly.
 *
 * <p>Plain scalars are typed as {@link ScalarYamlFactory} and Jackson type them: words and decimal integers by
 * {@link ScalarYamlFactory#shortcut}, {@code true}, {@code false}, {@code null} and {@code ~} here, and every other
 * plain scalar ({@code 0}, {@code 1.5}, {@code yes}, {@code 0x1F}, {@code .inf}) by the full parser on that value
 * alone, so the rules live in one place.
 */
final class BlockYamlReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Nesting kept well below {@link TreeBuilder#MAX_DEPTH}, where the full parser reports the document. */
    private static final int MAX_DEPTH = TreeBuilder.MAX_DEPTH - 10;
    /** SnakeYAML refuses a key longer than 1,024 characters; such keys are left to it. */
    private static final int MAX_KEY_BYTES = 1000;
    /**
     * Plain scalars typed by the full parser ({@code 0}, {@code 1.0}, timestamps repeat), remembered for the process
     * while there is room: a file's own cache made each file start the full parser again (each timestamp of 65,000
     * files at N=100,000). The nodes are Jackson's immutable value nodes, so documents can share them.
     */
    private static final int MAX_TYPED = 4096;
    private static final Map<String, JsonNode> TYPED = new ConcurrentHashMap<>();
    /**
     * The pool of the full parser's one-key documents: it shares nothing ({@code 0} entries), and one for all of them
     * keeps its per-thread trie root in one thread-local, where a pool per scalar left one behind each time.
     */
    private static final PointerPool SCALAR_POOL = new PointerPool(0);

    /** Bytes a plain scalar's scan must look at: ':', ' ', control characters, DEL and non-ASCII. */
    private static final boolean[] SPECIAL = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) {
            SPECIAL[c] = c == ':' || c == ' ' || c < 0x20 || c >= 0x7F;
        }
    }

    /** Thrown when the input is not read here; the document is then the full parser's. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();

    /** Where the full parser takes over: the byte offset of a line start, the lines before it, the document index. */
    record Resume(int offset, int linesBefore, int index) {
    }

    private final byte[] b;
    private final int end;
    private final PointerPool pool;
    private int pos;
    /** 1-based number of the line being read, and the offset where it starts. */
    private int line;
    private int lineStart;
    /** Indentation of the content line at {@link #pos}, or -1 at the end of the document. */
    private int indent;
    private boolean ascii;
    private final PositionBuffer positions = new PositionBuffer();

    private BlockYamlReader(byte[] b, int start, int end, boolean ascii, PointerPool pool) {
        this.b = b;
        this.end = end;
        this.pool = pool;
        this.pos = start;
        this.lineStart = start;
        this.line = 1;
        this.ascii = ascii;
    }

    /**
     * Reads the documents of {@code b[start, end)} (UTF-8 without BOM; {@code ascii} when every byte is) into
     * {@code sink} while it can read them exactly; returns null when it read them all, else where the full parser
     * must go on.
     */
    static Resume read(byte[] b, int start, int end, boolean ascii, PointerPool pool, TreeBuilder.Sink sink) {
        return new BlockYamlReader(b, start, end, ascii, pool).readAll(sink);
    }

    private Resume readAll(TreeBuilder.Sink sink) {
        int index = 0;
        int docOffset = pos;
        int docLines = 0;
        boolean explicit;
        try {
            explicit = skipToContent() && atDocumentStart();
        } catch (Unsupported e) {
            return new Resume(docOffset, docLines, index);
        }
        if (!explicit && indent < 0 && pos >= end) {
            return null; // nothing but comments and blank lines: no document
        }
        while (true) {
            try {
                if (explicit) {
                    if (index > 0) {
                        // A later document is the full parser's from its "---" line; the first one from the
                        // start of the file, as the full parser reads it (InputReader resynchronises the same way).
                        docOffset = lineStart;
                        docLines = line - 1;
                    }
                    consumeDocumentStartLine();
                    skipToContent();
                }
                readDocument(index, sink);
            } catch (Unsupported e) {
                return new Resume(docOffset, docLines, index);
            }
            index++;
            if (pos >= end) {
                return null;
            }
            explicit = true; // readDocument stops only at the end or at a "---" line
        }
    }

    /** One document from its first content line (or the end): its tree goes to the sink only once it is whole. */
    private void readDocument(int index, TreeBuilder.Sink sink) {
        positions.clear();
        if (indent < 0) {
            // No content before the next "---" or the end: SnakeYAML's empty scalar at the next token.
            sink.document(index, null, Map.of(), line, column(pos));
            return;
        }
        int docLine = line;
        int docColumn = column(pos);
        JsonNode root = node(indent, -1, pool.root(), -1, 0);
        if (indent >= 0) {
            throw UNSUPPORTED; // content after the root collection, less indented than it
        }
        sink.document(index, root, positions.table(pool), docLine, docColumn);
    }

    // ---- lines ----------------------------------------------------------------------------------------------

    /**
     * From a line start, skips blank and comment lines to the next content line and sets {@link #indent} to its
     * indentation ({@link #pos} at its first character), or to -1 at the end of input or at a {@code ---} line
     * ({@link #pos} at its start). Returns true when stopped at a {@code ---} line.
     */
    private boolean skipToContent() {
        while (true) {
            int i = spaces(lineStart);
            if (i >= end) {
                pos = end;
                indent = -1;
                return false;
            }
            byte c = b[i];
            if (c == '\n' || c == '\r') {
                nextLine(i);
                continue;
            }
            if (c == '#') {
                i = skipComment(i);
                if (i >= end) {
                    pos = end;
                    indent = -1;
                    return false;
                }
                nextLine(i);
                continue;
            }
            if (c == '\t') {
                throw UNSUPPORTED;
            }
            if (i == lineStart && (c == '-' || c == '.' || c == '%') && marker(i)) {
                pos = i;
                indent = -1;
                if (c != '-') {
                    throw UNSUPPORTED; // "..." or a directive
                }
                return true;
            }
            pos = i;
            indent = i - lineStart;
            return false;
        }
    }

    /** Whether a line starting at {@code i} with '-', '.' or '%' is a document marker or a directive. */
    private boolean marker(int i) {
        if (b[i] == '%') {
            return true;
        }
        return i + 2 < end && b[i + 1] == b[i] && b[i + 2] == b[i] && (i + 3 == end || isBlankOrBreak(b[i + 3]));
    }

    private boolean atDocumentStart() {
        return indent < 0 && pos < end;
    }

    /** A "---" line: nothing may follow the marker but spaces and a comment. */
    private void consumeDocumentStartLine() {
        int i = spaces(pos + 3);
        if (i < end && b[i] == '#' && i > pos + 3) {
            i = skipComment(i);
        }
        if (i < end && b[i] != '\n' && b[i] != '\r') {
            throw UNSUPPORTED;
        }
        if (i >= end) {
            pos = end; // a final "---" without a line break: an empty document
            lineStart = end;
            return;
        }
        nextLine(i);
    }

    /** The offset of the line break (or end) ending the comment at {@code i}, checking its characters. */
    private int skipComment(int i) {
        while (i < end) {
            byte c = b[i];
            if (c < 0x20 || c == 0x7F) {
                if (c == '\n' || c == '\r') {
                    return i;
                }
                if (c != '\t') {
                    i = checkChar(i);
                    continue;
                }
            }
            i++;
        }
        return i;
    }

    /** Moves past the line break at {@code i} (LF or CRLF; a lone CR is left to the full parser). */
    private void nextLine(int i) {
        if (b[i] == '\r') {
            if (i + 1 >= end || b[i + 1] != '\n') {
                throw UNSUPPORTED;
            }
            i++;
        }
        line++;
        lineStart = i + 1;
        pos = lineStart;
    }

    /** After a value on the line: spaces, maybe a comment, then the line break (or the end). */
    private void endOfLine(int i) {
        int start = i;
        i = spaces(i);
        if (i < end && b[i] == '#' && i > start) {
            i = skipComment(i);
        }
        if (i >= end) {
            pos = end;
            lineStart = end;
            return;
        }
        if (b[i] != '\n' && b[i] != '\r') {
            throw UNSUPPORTED;
        }
        nextLine(i);
    }

    /** Goes to the next content line after the one just read. */
    private void nextContent() {
        if (pos >= end) {
            indent = -1;
            return;
        }
        skipToContent();
    }

    /**
     * The character at {@code i} that is not printable ASCII: a non-ASCII character SnakeYAML reads as printable
     * (and not a line break or BOM) is stepped over; anything else is left to the full parser.
     */
    private int checkChar(int i) {
        int c = b[i] & 0xFF;
        if (c < 0x80) {
            throw UNSUPPORTED; // control characters, DEL, and tabs where they are not handled here
        }
        int cp;
        int n;
        if (c >= 0xF0) {
            cp = (c & 0x07) << 18 | (b[i + 1] & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | b[i + 3] & 0x3F;
            n = 4;
        } else if (c >= 0xE0) {
            cp = (c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F;
            n = 3;
        } else {
            cp = (c & 0x1F) << 6 | b[i + 1] & 0x3F;
            n = 2;
        }
        // SnakeYAML's printable set less NEL, LS, PS (line breaks to it) and the BOM (not a column to it).
        boolean ok = cp >= 0xA0 && cp <= 0xD7FF && cp != 0x2028 && cp != 0x2029
                || cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF || cp >= 0x10000 && cp <= 0x10FFFF;
        if (!ok) {
            throw UNSUPPORTED;
        }
        return i + n;
    }

    /** The 1-based column of offset {@code i} on the current line, in code points as SnakeYAML counts them. */
    private int column(int i) {
        if (ascii) {
            return i - lineStart + 1;
        }
        int col = 1;
        for (int j = lineStart; j < i; j++) {
            if ((b[j] & 0xC0) != 0x80) {
                col++;
            }
        }
        return col;
    }

    private long position(int i) {
        return SourceMap.pack(line, column(i));
    }

    private static boolean isBlankOrBreak(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private boolean blankOrBreakOrEnd(int i) {
        return i >= end || isBlankOrBreak(b[i]);
    }

    private void record(PointerPool.Node at, long position) {
        positions.add(at, position);
    }

    // ---- collections ----------------------------------------------------------------------------------------

    /**
     * The block collection whose first line is the current content line (indentation {@link #indent}), in a
     * collection at column {@code parent} (-1 for the root); {@code keyPosition} is its key's, or -1.
     */
    private JsonNode node(int col, int parent, PointerPool.Node at, long keyPosition, int depth) {
        if (depth >= MAX_DEPTH) {
            throw UNSUPPORTED;
        }
        if (b[pos] == '-' && blankOrBreakOrEnd(pos + 1)) {
            record(at, keyPosition >= 0 ? keyPosition : position(pos));
            return sequence(col, at, depth);
        }
        record(at, keyPosition >= 0 ? keyPosition : position(pos));
        return mapping(col, at, depth);
    }

    /** A block mapping at column {@code col}: key lines at that column, until a line less indented. */
    private ObjectNode mapping(int col, PointerPool.Node at, int depth) {
        ObjectNode obj = NODES.objectNode();
        PointerPool.Node previous = null;
        while (true) {
            int keyStart = pos;
            long keyPosition = position(keyStart);
            // Documents repeat their keys in order: when the file holds, plain, the key that followed the previous
            // one last time, it is that node, found without making a string of the key (as key() and field() would).
            PointerPool.Node child = at.guess(previous);
            int after = child == null || child.plainKey == null ? -1 : plainKeyEnd(child.plainKey);
            if (after >= 0) {
                pos = after;
            } else {
                String key = key();
                if (key.equals("<<")) {
                    throw UNSUPPORTED; // a merge key
                }
                child = at.field(key, previous);
            }
            previous = child;
            JsonNode v = value(col, child, keyPosition, depth + 1);
            if (obj.putIfAbsent(child.name, v) != null) {
                throw UNSUPPORTED; // a duplicate key: the full parser reports it
            }
            if (indent != col) {
                if (indent > col) {
                    throw UNSUPPORTED;
                }
                return obj;
            }
        }
    }

    /** A block sequence at column {@code col}: "- " lines at that column. */
    private ArrayNode sequence(int col, PointerPool.Node at, int depth) {
        ArrayNode arr = NODES.arrayNode();
        int i = 0;
        while (true) {
            PointerPool.Node item = at.item(i++);
            int dash = pos;
            int p = spaces(dash + 1);
            pos = p;
            JsonNode v;
            if (p >= end || b[p] == '\n' || b[p] == '\r' || b[p] == '#' && p > dash + 1) {
                long empty = position(dash + 1);
                endOfLine(dash + 1);
                nextContent();
                if (indent > col) {
                    v = node(indent, col, item, -1, depth + 1);
                } else {
                    record(item, empty);
                    v = NullNode.getInstance();
                }
            } else if (b[p] == '-' && blankOrBreakOrEnd(p + 1)) {
                v = node(p - lineStart, col, item, -1, depth + 1); // "- - a"
            } else if (isKeyLine(p)) {
                v = node(p - lineStart, col, item, -1, depth + 1); // "- key: value"
            } else {
                v = inlineValue(col, item, -1, depth + 1);
            }
            arr.add(v);
            if (indent != col || b[pos] != '-' || !blankOrBreakOrEnd(pos + 1)) {
                if (indent > col) {
                    throw UNSUPPORTED;
                }
                return arr;
            }
        }
    }

    /**
     * The value after a key's ':' (at {@link #pos}, its line not yet skipped to the value) in a mapping at column
     * {@code col}; on return the current line is the next content line.
     */
    private JsonNode value(int col, PointerPool.Node at, long keyPosition, int depth) {
        int colon = pos; // just after ':'
        int p = spaces(colon);
        if (p >= end || b[p] == '\n' || b[p] == '\r' || b[p] == '#' && p > colon) {
            long empty = position(colon);
            endOfLine(colon);
            nextContent();
            if (indent > col) {
                if (b[pos] != '-' || !blankOrBreakOrEnd(pos + 1)) {
                    if (!isKeyLine(pos)) {
                        throw UNSUPPORTED; // a scalar on the line after its key
                    }
                }
                return node(indent, col, at, keyPosition, depth);
            }
            if (indent == col && b[pos] == '-' && blankOrBreakOrEnd(pos + 1)) {
                return node(indent, col, at, keyPosition, depth); // a list at the key's own indentation
            }
            record(at, empty);
            return NullNode.getInstance();
        }
        pos = p;
        return inlineValue(col, at, keyPosition, depth);
    }

    /** A value starting at {@link #pos} on the line of its key or dash; on return, the next content line. */
    private JsonNode inlineValue(int col, PointerPool.Node at, long keyPosition, int depth) {
        int p = pos;
        byte c = b[p];
        JsonNode v;
        switch (c) {
            case '"', '\'' -> {
                record(at, position(p));
                v = NODES.textNode(c == '"' ? doubleQuoted() : singleQuoted());
                endOfLine(pos);
            }
            case '|', '>' -> {
                record(at, position(p));
                v = NODES.textNode(blockScalar(col));
                nextContent();
                return v;
            }
            case '{', '[' -> {
                if (depth >= MAX_DEPTH) {
                    throw UNSUPPORTED;
                }
                record(at, keyPosition >= 0 ? keyPosition : position(p));
                v = c == '[' ? flowSequence(p, at) : flowMapping(p, at);
            }
            default -> {
                record(at, position(p));
                int start = p;
                int stop = plainEnd(p);
                if (stop < end && b[stop] == ':') {
                    throw UNSUPPORTED; // "key: a: b"
                }
                v = typePlain(start, trimmedEnd(start, stop));
                endOfLine(stop);
            }
        }
        nextContent();
        return v;
    }

    /**
     * A flow sequence of scalars on one line from the '[' at {@code open} ({@code args: ["--port", "8080"]},
     * {@code hosts: ["*"]}, {@code []}), whose own position is already recorded; then the rest of the line. Items are
     * {@link #flowScalar}s; anything else (nested collections, a trailing comma, a sequence over several lines) is
     * left to the full parser.
     */
    private ArrayNode flowSequence(int open, PointerPool.Node at) {
        ArrayNode arr = NODES.arrayNode();
        int i = 0;
        for (int p = firstFlowEntry(open, ']'); p >= 0; p = nextFlowEntry(pos, ']')) {
            record(at.item(i++), position(p));
            arr.add(flowScalar(p, ']'));
        }
        return arr;
    }

    /**
     * A flow mapping of scalars on one line from the '{' at {@code open} ({@code port: {number: 80, name: http}},
     * {@code {}}), whose own position is already recorded; then the rest of the line. Keys are quoted scalars or plain
     * words (printable ASCII without blanks or any of {@code ,[]{}:#?}) followed by ": "; values are
     * {@link #flowScalar}s; anything else is left to the full parser.
     */
    private ObjectNode flowMapping(int open, PointerPool.Node at) {
        ObjectNode obj = NODES.objectNode();
        PointerPool.Node previous = null;
        for (int p = firstFlowEntry(open, '}'); p >= 0; p = nextFlowEntry(pos, '}')) {
            String key;
            if (b[p] == '"' || b[p] == '\'') {
                pos = p;
                key = b[p] == '"' ? doubleQuoted() : singleQuoted();
                p = pos;
            } else {
                int stop = flowWordEnd(p, ':');
                key = string(p, stop);
                p = stop;
            }
            if (p + 1 >= end || b[p] != ':' || b[p + 1] != ' ' || key.equals("<<")) {
                throw UNSUPPORTED;
            }
            PointerPool.Node child = at.field(key, previous);
            previous = child;
            p = spaces(p + 1);
            if (p >= end) {
                throw UNSUPPORTED;
            }
            record(child, position(p));
            if (obj.putIfAbsent(child.name, flowScalar(p, '}')) != null) {
                throw UNSUPPORTED; // a duplicate key: the full parser reports it
            }
        }
        return obj;
    }

    /** Where the first entry after the bracket at {@code open} starts, or -1 for an empty collection (line read). */
    private int firstFlowEntry(int open, char close) {
        int p = spaces(open + 1);
        if (p >= end) {
            throw UNSUPPORTED;
        }
        if (b[p] == close) {
            endOfLine(p + 1);
            return -1;
        }
        return p;
    }

    /** After an entry at {@code p}: where the next one starts, or -1 at the closing bracket (its line then read). */
    private int nextFlowEntry(int p, char close) {
        p = spaces(p);
        if (p >= end) {
            throw UNSUPPORTED;
        }
        if (b[p] == close) {
            endOfLine(p + 1);
            return -1;
        }
        if (b[p] != ',') {
            throw UNSUPPORTED;
        }
        p = spaces(p + 1);
        if (p >= end) {
            throw UNSUPPORTED;
        }
        return p; // a trailing comma's bracket is no scalar: flowScalar leaves it to the full parser
    }

    private int spaces(int p) {
        while (p < end && b[p] == ' ') {
            p++;
        }
        return p;
    }

    /**
     * The scalar at {@code p} in a flow collection closed by {@code close}, leaving {@link #pos} after it (trailing
     * spaces included): a one-line quoted scalar, or a plain one of printable ASCII without any of
     * {@code ,[]{}:#?} (where the full parser's flow rules differ from the block ones, or may), ending at ',' or
     * {@code close}.
     */
    private JsonNode flowScalar(int p, char close) {
        byte c = b[p];
        if (c == '"' || c == '\'') {
            pos = p;
            return NODES.textNode(c == '"' ? doubleQuoted() : singleQuoted());
        }
        int stop = flowWordEnd(p, close);
        int last = stop;
        while (stop < end && b[stop] == ' ') {
            stop++; // words separated by spaces are one scalar ("a b"): go on to ',' or the bracket
            if (stop < end && b[stop] != ' ' && b[stop] != ',' && b[stop] != close) {
                stop = last = flowWordEnd(stop, close);
            }
        }
        if (stop >= end || b[stop] != ',' && b[stop] != close) {
            throw UNSUPPORTED;
        }
        pos = stop;
        return typePlain(p, last);
    }

    /**
     * Where the word of printable ASCII at {@code p} ends: at a blank, ',', or {@code stop} (':' for a key, the
     * closing bracket for a value); a word that starts as an indicator would (bar "-" before a digit: "-1"), or holds
     * any of {@code ,[]{}:#?} otherwise, is left to the full parser.
     */
    private int flowWordEnd(int p, char stop) {
        byte first = b[p];
        boolean negative = first == '-' && p + 1 < end && b[p + 1] >= '0' && b[p + 1] <= '9';
        if (!negative && (!plainStart(p) || first == '-' || first == '?' || first == ':')) {
            throw UNSUPPORTED;
        }
        int i = p;
        while (i < end) {
            byte c = b[i];
            if (c == stop || c == ',' || c == ' ') {
                return i;
            }
            if (c < 0x20 || c >= 0x7F || c == '[' || c == ']' || c == '{' || c == '}' || c == ':' || c == '#'
                    || c == '?') {
                throw UNSUPPORTED;
            }
            i++;
        }
        throw UNSUPPORTED;
    }

    // ---- scalars --------------------------------------------------------------------------------------------

    /** Whether the line from {@code p} is a key and ':' (not a scalar). */
    private boolean isKeyLine(int p) {
        byte c = b[p];
        if (c == '"' || c == '\'') {
            int save = pos;
            pos = p;
            if (c == '"') {
                doubleQuoted();
            } else {
                singleQuoted();
            }
            int q = pos;
            pos = save;
            q = spaces(q);
            return q < end && b[q] == ':' && blankOrBreakOrEnd(q + 1);
        }
        if (!plainStart(p)) {
            return false;
        }
        int stop = plainEnd(p);
        return stop < end && b[stop] == ':';
    }

    /**
     * The key at {@link #pos} and its ':'; leaves {@link #pos} just after the ':'. A line that is not a key (a
     * scalar where a key belongs, a complex key, an anchor) is left to the full parser.
     */
    private String key() {
        int p = pos;
        byte c = b[p];
        String key;
        if (c == '"' || c == '\'') {
            key = c == '"' ? doubleQuoted() : singleQuoted();
            p = pos;
            p = spaces(p);
        } else {
            if (!plainStart(p)) {
                throw UNSUPPORTED;
            }
            int stop = plainEnd(p);
            key = string(p, trimmedEnd(p, stop));
            p = stop;
        }
        if (p >= end || b[p] != ':' || !blankOrBreakOrEnd(p + 1) || p - pos > MAX_KEY_BYTES) {
            throw UNSUPPORTED;
        }
        pos = p + 1;
        return key;
    }

    /**
     * Where a key equal to {@code key} (a plain ASCII word, {@link PointerPool.Node#plainKey}) and its ':' end when
     * they are at {@link #pos}, else -1. Such a word is what {@link #key} reads from those bytes: a plain scalar that
     * ends at the ': ' after it.
     */
    private int plainKeyEnd(byte[] key) {
        int n = key.length;
        if (end - pos <= n) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            if (b[pos + i] != key[i]) {
                return -1;
            }
        }
        int colon = pos + n;
        return b[colon] == ':' && blankOrBreakOrEnd(colon + 1) ? colon + 1 : -1;
    }

    /** Whether a plain scalar may start at {@code p} (block context). */
    private boolean plainStart(int p) {
        byte c = b[p];
        switch (c) {
            case '-', '?', ':' -> {
                return !blankOrBreakOrEnd(p + 1);
            }
            case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ', '\t',
                    '\n', '\r' -> {
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    /**
     * Where the one-line plain scalar from {@code p} stops: at a ':' followed by a blank, at a comment, or at the
     * line's end (trailing spaces included: see {@link #trimmedEnd}).
     */
    private int plainEnd(int p) {
        if (!plainStart(p)) {
            throw UNSUPPORTED;
        }
        int i = p;
        while (i < end) {
            byte c = b[i];
            if (!SPECIAL[c & 0xFF]) {
                i++;
                continue;
            }
            if (c == ':') {
                if (blankOrBreakOrEnd(i + 1)) {
                    return i;
                }
            } else if (c == ' ') {
                if (i + 1 < end && b[i + 1] == '#') {
                    return i;
                }
            } else if (c < 0x20 || c == 0x7F) {
                if (c == '\n' || c == '\r') {
                    return i;
                }
                i = checkChar(i);
                continue;
            }
            i++;
        }
        return i;
    }

    private int trimmedEnd(int start, int stop) {
        while (stop > start && b[stop - 1] == ' ') {
            stop--;
        }
        return stop;
    }

    private String string(int start, int stop) {
        if (ascii) {
            return new String(b, start, stop - start, StandardCharsets.ISO_8859_1);
        }
        for (int i = start; i < stop; i++) {
            if (b[i] < 0) {
                return new String(b, start, stop - start, StandardCharsets.UTF_8);
            }
        }
        return new String(b, start, stop - start, StandardCharsets.ISO_8859_1);
    }

    /** A one-line single-quoted scalar at {@link #pos}; leaves {@link #pos} after its closing quote. */
    private String singleQuoted() {
        int start = pos + 1;
        int i = start;
        StringBuilder sb = null;
        while (true) {
            if (i >= end) {
                throw UNSUPPORTED;
            }
            byte c = b[i];
            if (c == '\'') {
                if (i + 1 < end && b[i + 1] == '\'') {
                    sb = sb == null ? new StringBuilder() : sb;
                    sb.append(string(start, i + 1));
                    i += 2;
                    start = i;
                    continue;
                }
                break;
            }
            if (c < 0x20 || c == 0x7F) {
                i = checkChar(i); // a line break (a multi-line scalar) or a control character: not read here
                continue;
            }
            i++;
        }
        pos = i + 1;
        String last = string(start, i);
        return sb == null ? last : sb.append(last).toString();
    }

    /** A one-line double-quoted scalar at {@link #pos}, with its escapes; leaves {@link #pos} after it. */
    private String doubleQuoted() {
        int start = pos + 1;
        int i = start;
        StringBuilder sb = null;
        while (true) {
            if (i >= end) {
                throw UNSUPPORTED;
            }
            byte c = b[i];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                sb = sb == null ? new StringBuilder() : sb;
                sb.append(string(start, i));
                i = escape(i + 1, sb);
                start = i;
                continue;
            }
            if (c < 0x20 || c == 0x7F) {
                i = checkChar(i);
                continue;
            }
            i++;
        }
        pos = i + 1;
        String last = string(start, i);
        return sb == null ? last : sb.append(last).toString();
    }

    /** The escape after a backslash at {@code i - 1}: appends its character, returns the offset after it. */
    private int escape(int i, StringBuilder sb) {
        if (i >= end) {
            throw UNSUPPORTED;
        }
        byte c = b[i];
        char r;
        switch (c) {
            case '0' -> r = '\0';
            case 'a' -> r = '\u0007';
            case 'b' -> r = '\b';
            case 't' -> r = '\t';
            case 'n' -> r = '\n';
            case 'v' -> r = '\u000B';
            case 'f' -> r = '\f';
            case 'r' -> r = '\r';
            case 'e' -> r = '\u001B';
            case ' ' -> r = ' ';
            case '"' -> r = '"';
            case '\\' -> r = '\\';
            case 'N' -> r = '\u0085';
            case '_' -> r = '\u00A0';
            case 'L' -> r = '\u2028';
            case 'P' -> r = '\u2029';
            case 'x', 'u', 'U' -> {
                int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                int cp = 0;
                for (int k = 1; k <= n; k++) {
                    int d = i + k < end ? Character.digit(b[i + k], 16) : -1;
                    if (d < 0) {
                        throw UNSUPPORTED;
                    }
                    cp = cp << 4 | d;
                }
                if (n == 8) {
                    if (cp < 0 || cp > Character.MAX_CODE_POINT) {
                        throw UNSUPPORTED;
                    }
                    sb.appendCodePoint(cp);
                } else {
                    sb.append((char) cp);
                }
                return i + n + 1;
            }
            default -> throw UNSUPPORTED; // a line continuation, "\/", "\<TAB>", or an unknown escape
        }
        sb.append(r);
        return i + 1;
    }

    /**
     * A literal ({@code |}) or folded ({@code >}) block scalar at {@link #pos}, in a collection at column
     * {@code col} (SnakeYAML's scanner indentation); reads as SnakeYAML's {@code scanBlockScalar} does and leaves
     * {@link #pos} at the start of the first line after it.
     */
    private String blockScalar(int col) {
        boolean folded = b[pos] == '>';
        int i = pos + 1;
        int chomping = 0; // -1 strip, 0 clip, 1 keep
        int increment = 0;
        for (int k = 0; k < 2 && i < end; k++) {
            byte c = b[i];
            if ((c == '+' || c == '-') && chomping == 0) {
                chomping = c == '+' ? 1 : -1;
                i++;
            } else if (c >= '1' && c <= '9' && increment == 0) {
                increment = c - '0';
                i++;
            } else if (c == '0') {
                throw UNSUPPORTED;
            }
        }
        endOfLine(i);
        int minIndent = Math.max(col + 1, 1);
        StringBuilder breaks = new StringBuilder();
        int blockIndent;
        if (increment == 0) {
            int maxIndent = 0;
            // Leading empty lines: their spaces, and the first content line's, set the indentation.
            while (true) {
                int j = spaces(lineStart);
                maxIndent = Math.max(maxIndent, j - lineStart);
                if (j < end && (b[j] == '\n' || b[j] == '\r')) {
                    breaks.append('\n');
                    nextLine(j);
                    continue;
                }
                pos = j;
                break;
            }
            blockIndent = Math.max(minIndent, maxIndent);
            // The first content line's spaces beyond the indentation are content: step back to it.
            pos = Math.min(pos, lineStart + blockIndent);
        } else {
            blockIndent = minIndent + increment - 1;
            breaks = blockBreaks(blockIndent, breaks);
        }
        StringBuilder chunks = new StringBuilder();
        String lineBreak = "";
        while (pos - lineStart == blockIndent && pos < end) {
            chunks.append(breaks);
            boolean leadingNonSpace = b[pos] != ' ' && b[pos] != '\t';
            int j = pos;
            while (j < end && b[j] != '\n' && b[j] != '\r') {
                if (b[j] < 0x20 && b[j] != '\t' || b[j] == 0x7F || b[j] < 0) {
                    j = checkChar(j);
                } else {
                    j++;
                }
            }
            chunks.append(string(pos, j));
            if (j < end) {
                nextLine(j);
                lineBreak = "\n";
            } else {
                pos = end;
                lineStart = end;
                lineBreak = "";
            }
            breaks = blockBreaks(blockIndent, new StringBuilder());
            if (pos - lineStart == blockIndent && pos < end) {
                if (folded && lineBreak.equals("\n") && leadingNonSpace && b[pos] != ' ' && b[pos] != '\t') {
                    if (breaks.isEmpty()) {
                        chunks.append(' ');
                    }
                } else {
                    chunks.append(lineBreak);
                }
            } else {
                break;
            }
        }
        if (chomping >= 0) {
            chunks.append(lineBreak);
        }
        if (chomping > 0) {
            chunks.append(breaks);
        }
        // The lines after it are read from their start.
        if (pos < end) {
            pos = lineStart;
        }
        return chunks.toString();
    }

    /**
     * SnakeYAML's {@code scanBlockScalarBreaks}: up to {@code blockIndent} spaces of each line, and the breaks of
     * the lines that have nothing else; leaves {@link #pos} after the spaces of the first line with content.
     */
    private StringBuilder blockBreaks(int blockIndent, StringBuilder breaks) {
        while (true) {
            int j = lineStart;
            while (j < end && j - lineStart < blockIndent && b[j] == ' ') {
                j++;
            }
            if (j < end && (b[j] == '\n' || b[j] == '\r')) {
                breaks.append('\n');
                nextLine(j);
                continue;
            }
            pos = j;
            return breaks;
        }
    }

    /** The node of the plain scalar {@code b[start, stop)}, typed as the full parser types it. */
    private JsonNode typePlain(int start, int stop) {
        String v = string(start, stop);
        switch (ScalarYamlFactory.shortcut(v)) {
            case STRING -> {
                return NODES.textNode(v);
            }
            case INTEGER -> {
                long n = Long.parseLong(v);
                return n == (int) n ? NODES.numberNode((int) n) : NODES.numberNode(n);
            }
            default -> {
                switch (v) {
                    case "true" -> {
                        return BooleanNode.TRUE;
                    }
                    case "false" -> {
                        return BooleanNode.FALSE;
                    }
                    case "null", "~" -> {
                        return NullNode.getInstance();
                    }
                    default -> {
                        return resolvedAsString(v) ? NODES.textNode(v) : typed(v);
                    }
                }
            }
        }
    }

    /**
     * Whether SnakeYAML's resolver types the plain scalar as a string without a doubt: it tries its patterns only
     * on values starting with one of {@link #RESOLVED_FIRST} (a word of {@link ScalarYamlFactory#shortcut} that is
     * not a bool or null word is a string too), and its number and timestamp patterns use only the characters of
     * {@link #NUMBER_CHARACTERS} ({@code 15s}, {@code 1.2.3-beta}, {@code /api} are strings).
     */
    private static boolean resolvedAsString(String v) {
        char c = v.charAt(0);
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return !RESOLVED_WORDS.contains(v);
        }
        if (RESOLVED_FIRST.indexOf(c) < 0) {
            return true;
        }
        if (NUMBER_FIRST.indexOf(c) < 0) {
            return false;
        }
        for (int i = 1; i < v.length(); i++) {
            if (NUMBER_CHARACTERS.indexOf(v.charAt(i)) < 0) {
                return true;
            }
        }
        return false;
    }

    /** First characters on which SnakeYAML's default resolver tries a pattern. */
    private static final String RESOLVED_FIRST = "yYnNtTfFoO-+0123456789.<~=!&*";
    /** First characters of its int, float and timestamp patterns. */
    private static final String NUMBER_FIRST = "-+0123456789.";
    /** Every character its int, float ({@code .inf}, {@code .NaN}) and timestamp patterns can match. */
    private static final String NUMBER_CHARACTERS = "0123456789+-_.:xXabcdefABCDEFiInNtTZ \t";
    /** The bool and null words of its patterns (Jackson reads the bools case-insensitively). */
    private static final java.util.Set<String> RESOLVED_WORDS = java.util.Set.of("yes", "Yes", "YES", "no", "No",
            "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null",
            "Null", "NULL");

    /**
     * Any other plain scalar, typed by the full parser as the value of a one-key mapping ({@code k: VALUE}), which
     * reads a one-line plain value as any block mapping or list does.
     */
    private JsonNode typed(String v) {
        JsonNode n = TYPED.get(v);
        if (n != null) {
            return n;
        }
        JsonNode[] out = new JsonNode[1];
        boolean[] bad = new boolean[1];
        new InputReader("", "", SCALAR_POOL).readFull("k: " + v, new TreeBuilder.Sink() {
            @Override
            public void document(int index, JsonNode root, Map<String, Long> positions, int line, int column) {
                if (out[0] != null || root == null || !root.isObject() || root.size() != 1 || !root.has("k")
                        || root.get("k").isContainerNode()) {
                    bad[0] = true;
                } else {
                    out[0] = root.get("k");
                }
            }

            @Override
            public void problem(int index, int line, int column, String message) {
                bad[0] = true;
            }
        });
        if (bad[0] || out[0] == null) {
            throw UNSUPPORTED;
        }
        if (TYPED.size() < MAX_TYPED) {
            TYPED.put(v, out[0]);
        }
        return out[0];
    }
}
