package io.gwctl.model.load;

import io.gwctl.model.SourceMap;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The map behind a {@link SourceMap} of a document whose pointers form a tree (every document the parsers read): a
 * shared {@link ShapeNode} for the pointers and the positions in pre-order, encoded against a guess. In a block-style
 * manifest nearly every position follows from the one before and the shape: the next key one line down at the
 * column of its siblings, a scalar two columns past its key, the first child of {@code tls:} a line down and indented
 * as the document indents. Only the positions that differ from the guess are stored, so a document of 150 entries
 * costs a few bytes instead of 150 (see {@link Codec}). A look-up walks the shape to the entry's index and decodes up
 * to it.
 */
final class TreeTable extends AbstractMap<String, Long> {
    private final ShapeNode root;
    private final byte[] values;

    /** The positions {@code values[0, root.size)} of the pre-order entries of {@code root}. */
    TreeTable(ShapeNode root, long[] values) {
        this(root, values, 0);
    }

    private TreeTable(ShapeNode root, long[] values, int from) {
        this.root = root;
        this.values = Codec.encode(root, values, from);
    }

    /**
     * The table of the first {@code size} nodes met and their positions, or null when the nodes are not the
     * pre-order of a tree (each node's parent met before it and still open, no field twice): a table of
     * {@link PositionTable} then keeps them as they are.
     */
    static TreeTable of(PointerPool.Node[] nodes, long[] values, int size, PointerPool pool) {
        ShapeNode shape = Builder.shape(nodes, size, pool);
        return shape == null ? null : new TreeTable(shape, values);
    }

    ShapeNode shape() {
        return root;
    }

    /** The encoded positions' length, for tests that check what a document costs. */
    int encodedBytes() {
        return values.length;
    }

    /** The source map of these positions: one object that shares the shape and holds the encoded bytes. */
    SourceMap sourceMap(int documentLine) {
        return values.length < 8 ? new Small(root, values, documentLine) : new Large(root, values, documentLine);
    }

    /** A {@link SourceMap} answered from a shape and its encoded positions, with no map in between. */
    abstract static sealed class Source extends SourceMap permits Small, Large {
        final ShapeNode root;

        Source(ShapeNode root, int documentLine) {
            super(documentLine);
            this.root = root;
        }

        abstract byte[] bytes();

        @Override
        protected long position(String pointer) {
            int i = root.indexOf(pointer);
            if (i < 0) {
                return ABSENT;
            }
            if (root.size > Decoded.MAX_SIZE) {
                return Codec.get(root, bytes(), i);
            }
            Decoded last = Decoded.LAST.get();
            if (last.source != this) {
                last.values = Codec.decode(root, bytes(), root.size - 1);
                last.source = this;
            }
            return last.values[i];
        }

        @Override
        public boolean has(String pointer) {
            return root.indexOf(pointer) >= 0;
        }

        @Override
        public int size() {
            return root.size;
        }
    }

    /**
     * The positions of the document last asked on this thread, decoded: a validator asks for several fields of
     * one resource in a row, and each would otherwise decode the document from its start.
     */
    private static final class Decoded {
        /** Entries past which a document is decoded up to the entry asked for each time instead. */
        static final int MAX_SIZE = 4096;
        static final ThreadLocal<Decoded> LAST = ThreadLocal.withInitial(Decoded::new);

        Source source;
        long[] values;
    }

    /**
     * Positions of up to 7 encoded bytes (a block-style document: its first entry's line and column, and every
     * other entry as guessed), kept in a long with their count in the top byte: 32 bytes a document, no array.
     */
    static final class Small extends Source {
        private final long bits;

        Small(ShapeNode root, byte[] values, int documentLine) {
            super(root, documentLine);
            long b = (long) values.length << 56;
            for (int i = 0; i < values.length; i++) {
                b |= (values[i] & 0xffL) << (8 * i);
            }
            this.bits = b;
        }

        @Override
        byte[] bytes() {
            byte[] out = new byte[(int) (bits >>> 56)];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) (bits >>> (8 * i));
            }
            return out;
        }
    }

    /** Positions of more encoded bytes. */
    static final class Large extends Source {
        private final byte[] values;

        Large(ShapeNode root, byte[] values, int documentLine) {
            super(root, documentLine);
            this.values = values;
        }

        @Override
        byte[] bytes() {
            return values;
        }
    }

    /**
     * One table per item of a {@code kind: List} ({@code /items/3/...}), keyed relative to its item, as
     * {@link PositionTable#splitItems} does: an item's subtree is a run of the pre-order, so its positions are a
     * slice. Items the table has no entry for are null.
     */
    TreeTable[] splitItems(int count) {
        TreeTable[] out = new TreeTable[count];
        int at = root.isList() ? -1 : Arrays.asList(root.keys).indexOf("items");
        if (at < 0 || !root.children[at].isList()) {
            return out;
        }
        ShapeNode items = root.children[at];
        long[] all = Codec.decode(root, values, root.size - 1);
        int base = root.start(at);
        for (int i = 0; i < count && i < items.children.length; i++) {
            out[i] = new TreeTable(items.children[i], all, base + items.start(i));
        }
        return out;
    }

    private int indexOf(Object key) {
        return key instanceof String s ? root.indexOf(s) : -1;
    }

    @Override
    public Long get(Object key) {
        int i = indexOf(key);
        return i >= 0 ? Codec.get(root, values, i) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return root.size;
    }

    @Override
    public Set<Entry<String, Long>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Long>> iterator() {
                return new Entries(root, Codec.decode(root, values, root.size - 1));
            }

            @Override
            public int size() {
                return root.size;
            }
        };
    }

    /** The entries in pre-order, each pointer built from its parent's. */
    private static final class Entries implements Iterator<Entry<String, Long>> {
        private final long[] values;
        private ShapeNode[] nodes = new ShapeNode[16];
        private String[] pointers = new String[16];
        private int[] next = new int[16];
        private int depth = -1;
        private int index;

        Entries(ShapeNode root, long[] values) {
            this.values = values;
            nodes[0] = root;
            pointers[0] = "";
        }

        @Override
        public boolean hasNext() {
            return index < values.length;
        }

        @Override
        public Entry<String, Long> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ShapeNode node;
            String pointer;
            if (index == 0) {
                node = nodes[0];
                pointer = "";
            } else {
                while (next[depth] == nodes[depth].children.length) {
                    depth--;
                }
                int c = next[depth]++;
                node = nodes[depth].children[c];
                pointer = pointers[depth] + "/" + nodes[depth].segment(c);
            }
            if (node.children.length > 0) {
                if (++depth == nodes.length) {
                    nodes = Arrays.copyOf(nodes, depth * 2);
                    pointers = Arrays.copyOf(pointers, depth * 2);
                    next = Arrays.copyOf(next, depth * 2);
                }
                nodes[depth] = node;
                pointers[depth] = pointer;
                next[depth] = 0;
            }
            return new SimpleImmutableEntry<>(pointer, values[index++]);
        }
    }

    /** Turns the nodes a parser met, in order, into a shape. */
    static final class Builder {
        private static final byte NONE = 0;
        private static final byte FIELDS = 1;
        private static final byte ITEMS = 2;

        /** Open nodes from the root down, and what children each has. */
        private PointerPool.Node[] open = new PointerPool.Node[16];
        private byte[] kind = new byte[16];
        /** Frame d's finished children are {@code keys/done[first[d], top)}: one stack for all frames. */
        private int[] first = new int[16];
        private String[] keys;
        private ShapeNode[] done;
        /** A hash of the keys of each finished child's subtree, for {@link PointerPool#node}. */
        private int[] hashes;
        private int depth;
        private int top;
        private final PointerPool pool;
        /** Whether the pool kept the node it last gave. */
        private final boolean[] shared = new boolean[1];

        private Builder(int size, PointerPool pool) {
            this.pool = pool;
            keys = new String[Math.max(2, Math.min(size, 64))];
            done = new ShapeNode[keys.length];
            hashes = new int[keys.length];
        }

        /** See {@link TreeTable#of}; null when the nodes are not a tree in pre-order. */
        static ShapeNode shape(PointerPool.Node[] nodes, int size, PointerPool pool) {
            if (size == 0 || nodes[0].parent != null) {
                return null;
            }
            Builder b = new Builder(size, pool);
            b.open[0] = nodes[0];
            for (int i = 1; i < size; i++) {
                if (!b.add(nodes[i])) {
                    return null;
                }
            }
            while (b.depth > 0) {
                if (!b.close()) {
                    return null;
                }
            }
            return b.node(0);
        }

        private boolean add(PointerPool.Node n) {
            while (open[depth] != n.parent) {
                if (depth == 0 || !close()) {
                    return false;
                }
            }
            byte k = n.index >= 0 ? ITEMS : FIELDS;
            if (kind[depth] != NONE && kind[depth] != k || k == ITEMS && n.index != top - first[depth]) {
                return false; // items and fields under one node, or items out of order
            }
            kind[depth] = k;
            if (++depth == open.length) {
                open = Arrays.copyOf(open, depth * 2);
                kind = Arrays.copyOf(kind, depth * 2);
                first = Arrays.copyOf(first, depth * 2);
            }
            open[depth] = n;
            kind[depth] = NONE;
            first[depth] = top;
            return true;
        }

        /** Ends the deepest open node: its shape becomes its parent's next child. */
        private boolean close() {
            ShapeNode s = node(depth);
            if (s == null) {
                return false;
            }
            int hash = open[depth].lastHash;
            top = first[depth];
            if (top == keys.length) {
                keys = Arrays.copyOf(keys, top * 2);
                done = Arrays.copyOf(done, top * 2);
                hashes = Arrays.copyOf(hashes, top * 2);
            }
            keys[top] = open[depth].segment;
            hashes[top] = hash;
            done[top++] = s;
            depth--;
            return true;
        }

        /** A hash of open node {@code d}'s keys and its children's. */
        private int hash(int d) {
            int h = kind[d];
            for (int i = first[d]; i < top; i++) {
                h = 31 * (31 * h + (kind[d] == ITEMS ? 0 : keys[i].hashCode())) + hashes[i];
            }
            return h;
        }

        /**
         * The shape of open node {@code d} from its finished children, null when a field comes twice; its hash is
         * then the node's {@code lastHash}.
         */
        private ShapeNode node(int d) {
            int from = first[d];
            int n = top - from;
            PointerPool.Node at = open[d];
            if (n == 0) {
                at.lastHash = 0;
                return ShapeNode.LEAF;
            }
            ShapeNode last = at.lastShape;
            if (last != null && sameAsLast(last, from, n, kind[d] == ITEMS)) {
                return last;
            }
            int hash = hash(d);
            ShapeNode s = made(d, hash, from, n);
            at.lastShape = shared[0] ? s : null; // a node of its own is not one to find again
            at.lastHash = hash;
            return s;
        }

        /** True when the finished children {@code [from, from + n)} are those of {@code last}. */
        private boolean sameAsLast(ShapeNode last, int from, int n, boolean items) {
            if (last.children.length != n || last.isList() != items) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (last.children[i] != done[from + i] || !items && !last.keys[i].equals(keys[from + i])) {
                    return false;
                }
            }
            return true;
        }

        private ShapeNode made(int d, int hash, int from, int n) {
            ShapeNode[] children = Arrays.copyOfRange(done, from, top);
            if (kind[d] == ITEMS) {
                return pool.node(null, children, hash, shared);
            }
            String[] k = Arrays.copyOfRange(keys, from, top);
            if (n > 8 ? new java.util.HashSet<>(Arrays.asList(k)).size() < n : hasTwice(k)) {
                return null;
            }
            return pool.node(k, children, hash, shared);
        }

        private static boolean hasTwice(String[] k) {
            for (int i = 1; i < k.length; i++) {
                for (int j = 0; j < i; j++) {
                    if (k[i].equals(k[j])) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
