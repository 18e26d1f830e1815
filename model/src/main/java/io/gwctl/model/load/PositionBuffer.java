package io.gwctl.model.load;

import java.util.Arrays;
import java.util.Map;

/**
 * The positions of the document being read, in the order they are met: what {@link TreeBuilder} and
 * {@link BlockYamlReader} fill and turn into a {@link PositionTable} once the document is whole. Reused from one
 * document to the next.
 */
final class PositionBuffer {
    /** Arrays grown beyond this by one large document are given back before the next. */
    private static final int KEEP = 4096;

    private PointerPool.Node[] nodes = new PointerPool.Node[64];
    private long[] values = new long[64];
    private int size;

    /** Starts a new document. */
    void clear() {
        size = 0;
    }

    /** The position of the node at {@code at}. */
    void add(PointerPool.Node at, long position) {
        if (size == nodes.length) {
            nodes = Arrays.copyOf(nodes, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        nodes[size] = at;
        values[size++] = position;
    }

    /**
     * The document's positions as a table: a {@link TreeTable} when the pool is {@link PointerPool#compact} and the
     * nodes came in pre-order of a tree (as the parsers read them), else a {@link PositionTable} of the pointers as
     * they came. The buffer is then ready for
     * the next document.
     */
    Map<String, Long> table(PointerPool pool) {
        Map<String, Long> t = pool.compact() ? TreeTable.of(nodes, values, size, pool) : null;
        if (t == null) {
            String[] keys = new String[size];
            for (int i = 0; i < size; i++) {
                keys[i] = nodes[i].pointer;
            }
            t = new PositionTable(keys, values, size, pool);
        }
        Arrays.fill(nodes, 0, size, null);
        if (nodes.length > KEEP) {
            nodes = new PointerPool.Node[64];
            values = new long[64];
        }
        return t;
    }
}
