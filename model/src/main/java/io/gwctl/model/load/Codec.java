package io.gwctl.model.load;

import io.gwctl.model.SourceMap;
import java.util.Arrays;

/**
 * Positions of a document's entries in pre-order, stored as what differs from a guess (for {@link TreeTable}). The
 * guess reads a block-style manifest: an entry's key is one line below the previous entry (the last one of the
 * previous sibling's subtree) at the column of its siblings; the first child of a field is a line below the field's
 * key, indented as far as the document indented its last such child (two columns by default; a list's dashes by
 * default at the key's column), and the first child of the root or of a list item is the node's own first token;
 * a field holding an object or list is placed at its key, a scalar two columns past its key ({@code key: value}), a
 * list item two columns past its dash. The bytes are varints: for each entry that misses its guess, the count of
 * entries before it that matched, then its line's difference from the guess (zig-zag) and its column. Entries after
 * the last miss match. A JSON document or flow style misses often and costs about three bytes an entry; a
 * block-style document costs its first entry and little more.
 */
final class Codec {
    private static final byte ROOT = 0;
    private static final byte KEY = 1;
    private static final byte ITEM = 2;

    private Codec() {
    }

    /** Encodes {@code values[from, from + root.size)}, the positions of {@code root}'s entries. */
    static byte[] encode(ShapeNode root, long[] values, int from) {
        Walk w = new Walk(root);
        byte[] out = new byte[16];
        int n = 0;
        long run = 0;
        for (int i = 0; i < root.size; i++) {
            long guess = w.guess();
            long v = values[from + i];
            if (v == guess) {
                run++;
            } else {
                if (out.length - n < 30) {
                    out = Arrays.copyOf(out, out.length * 2 + 30);
                }
                n = putVarint(out, n, run);
                run = 0;
                long dl = (v >>> 32) - (guess >>> 32);
                n = putVarint(out, n, dl << 1 ^ dl >> 63);
                n = putVarint(out, n, v & 0xffffffffL);
            }
            w.actual(v);
        }
        return n == 0 ? Walk.NO_BYTES : Arrays.copyOf(out, n);
    }

    /** Positions of entries {@code [0, upTo]}. */
    static long[] decode(ShapeNode root, byte[] bytes, int upTo) {
        long[] out = new long[upTo + 1];
        Walk w = new Walk(root);
        Reader r = new Reader(bytes);
        for (int i = 0; i <= upTo; i++) {
            long v = r.next(w.guess());
            out[i] = v;
            w.actual(v);
        }
        return out;
    }

    /** The position of entry {@code index}. */
    static long get(ShapeNode root, byte[] bytes, int index) {
        Walk w = new Walk(root);
        Reader r = new Reader(bytes);
        long v = 0;
        for (int i = 0; i <= index; i++) {
            v = r.next(w.guess());
            w.actual(v);
        }
        return v;
    }

    /** Writes {@code v} as an unsigned LEB128 varint at {@code out[n]}; returns the offset after it. */
    static int putVarint(byte[] out, int n, long v) {
        while ((v & ~0x7fL) != 0) {
            out[n++] = (byte) (v & 0x7f | 0x80);
            v >>>= 7;
        }
        out[n++] = (byte) v;
        return n;
    }

    /** Reads the encoded entries one at a time, given each one's guess. */
    private static final class Reader {
        private final byte[] bytes;
        private int at;
        /** Entries still to match their guess before the next miss; -1 when the count is to be read. */
        private long run = -1;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        long next(long guess) {
            if (run < 0) {
                run = at < bytes.length ? varint() : Long.MAX_VALUE;
            }
            if (run > 0) {
                run--;
                return guess;
            }
            run = -1;
            long z = varint();
            long line = (guess >>> 32) + (z >>> 1 ^ -(z & 1));
            return SourceMap.pack((int) line, (int) varint());
        }

        private long varint() {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                int b = bytes[at++];
                v |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return v;
                }
            }
        }
    }

    /** A pre-order walk of a shape that guesses each entry's position from the entries before it. */
    private static final class Walk {
        static final byte[] NO_BYTES = new byte[0];

        private ShapeNode[] nodes = new ShapeNode[16];
        private int[] next = new int[16];
        /** Each open node's position and how it was reached (ROOT, KEY, ITEM). */
        private long[] at = new long[16];
        private byte[] how = new byte[16];
        /** The column of the keys (or dashes) of each open node's children, once its first child is read. */
        private int[] childColumn = new int[16];
        private int depth = -1;
        private final ShapeNode root;
        private boolean started;
        /** The entry being read: its node, the open node it is a child of, its place there. */
        private ShapeNode node;
        private int parent;
        private int child;
        private int lastLine;
        /** How far past its key or dash the entry being read was guessed. */
        private int offset;
        /** How far the document indents a field's object (2) and its list's dashes (0): learnt as read. */
        private int indent = 2;
        private int listIndent;

        Walk(ShapeNode root) {
            this.root = root;
        }

        /** Moves to the next entry and guesses its position. */
        long guess() {
            if (!started) {
                started = true;
                node = root;
                parent = -1;
                return 0;
            }
            while (next[depth] == nodes[depth].children.length) {
                depth--;
            }
            parent = depth;
            ShapeNode p = nodes[depth];
            child = next[depth]++;
            node = p.children[child];
            int line;
            int column;
            if (child == 0) {
                int pl = (int) (at[depth] >>> 32);
                int pc = (int) at[depth];
                if (how[depth] == KEY) {
                    line = pl + 1;
                    column = pc + (p.isList() ? listIndent : indent);
                } else {
                    line = pl;
                    column = pc;
                }
            } else {
                line = lastLine + 1;
                column = childColumn[depth];
            }
            offset = offset(p);
            return SourceMap.pack(line, column + offset);
        }

        /** How far past its key or dash the entry being read is placed. */
        private int offset(ShapeNode p) {
            if (p.isList()) {
                return 2;
            }
            return node.children.length > 0 ? 0 : keyLength(p.keys[child]) + 2;
        }

        /** The length of the key as written, unescaped: {@code a~1b} is {@code a/b}. */
        private static int keyLength(String segment) {
            int n = segment.length();
            for (int i = segment.indexOf('~'); i >= 0; i = segment.indexOf('~', i + 1)) {
                n--;
            }
            return n;
        }

        /** Takes the entry's actual position: the base of the guesses after it. */
        void actual(long v) {
            lastLine = (int) (v >>> 32);
            if (parent >= 0) {
                ShapeNode p = nodes[parent];
                int column = (int) v - offset;
                if (child == 0 && how[parent] == KEY) {
                    int by = column - (int) at[parent];
                    if (p.isList()) {
                        listIndent = by;
                    } else {
                        indent = by;
                    }
                }
                childColumn[parent] = column;
            }
            if (node.children.length > 0) {
                if (++depth == nodes.length) {
                    nodes = Arrays.copyOf(nodes, depth * 2);
                    next = Arrays.copyOf(next, depth * 2);
                    at = Arrays.copyOf(at, depth * 2);
                    how = Arrays.copyOf(how, depth * 2);
                    childColumn = Arrays.copyOf(childColumn, depth * 2);
                }
                nodes[depth] = node;
                next[depth] = 0;
                at[depth] = v;
                how[depth] = parent < 0 ? ROOT : nodes[parent].isList() ? ITEM : KEY;
            }
        }
    }
}
