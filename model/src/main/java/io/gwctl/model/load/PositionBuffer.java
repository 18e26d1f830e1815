package io.gwctl.model.load;

import java.util.Arrays;

/**
 * The positions of the document being read, in the order they are met: what {@link TreeBuilder} and
 * {@link BlockYamlReader} fill and turn into a {@link PositionTable} once the document is whole. Reused from one
 * document to the next.
 */
final class PositionBuffer {
    /** Arrays grown beyond this by one large document are given back before the next. */
    private static final int KEEP = 4096;

    private String[] keys = new String[64];
    private long[] values = new long[64];
    private int size;

    /** Starts a new document. */
    void clear() {
        size = 0;
    }

    /** The position of the node at {@code at}. */
    void add(PointerPool.Node at, long position) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = at.pointer;
        values[size++] = position;
    }

    /** The document's positions as a table; the buffer is then ready for the next document. */
    PositionTable table(PointerPool pool) {
        PositionTable t = new PositionTable(keys, values, size, pool);
        if (keys.length > KEEP) {
            keys = new String[64];
            values = new long[64];
        }
        return t;
    }
}
