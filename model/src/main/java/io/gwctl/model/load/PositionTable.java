package io.gwctl.model.load;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The compact map behind a {@link io.gwctl.model.SourceMap}: pointer keys in document order with their index (a
 * {@link Shape}, shared between documents with the same pointers), and line/column values. Values fit an int (20
 * bits of line, 12 of column) in all but huge files, so an entry whose shape is shared costs 4 bytes, and about 12
 * when it is not, against about 80 for a HashMap entry; 59k documents keep 3.5M of them.
 */
final class PositionTable extends AbstractMap<String, Long> {
    private static final PositionTable EMPTY = new PositionTable(new String[0], new long[0], 0);
    private static final int LINE_BITS = 20;
    private static final int COLUMN_BITS = 12;

    /** The keys and their index, shared by every table of the same pointers in the same order. */
    private final Shape shape;
    private final String[] keys;
    /** Values packed into ints when every line and column fits, else {@code null} and {@link #wide} is used. */
    private final int[] narrow;
    private final long[] wide;

    /** Copies the first {@code size} entries; keys must be distinct. */
    PositionTable(String[] keys, long[] values, int size) {
        this(keys, values, size, null);
    }

    /**
     * Copies the first {@code size} entries, keys must be distinct; the keys and their index are shared through
     * {@code pool} (when not null) with the earlier tables of the same keys: documents of one kind repeat their
     * pointers, so each then costs an int per entry.
     */
    PositionTable(String[] keys, long[] values, int size, PointerPool pool) {
        this.shape = pool == null ? new Shape(Arrays.copyOf(keys, size)) : pool.shape(keys, size);
        this.keys = shape.keys;
        boolean fits = true;
        for (int i = 0; i < size && fits; i++) {
            fits = (values[i] >>> 32) < (1L << LINE_BITS) && (values[i] & 0xffffffffL) < (1L << COLUMN_BITS);
        }
        if (fits) {
            narrow = new int[size];
            for (int i = 0; i < size; i++) {
                narrow[i] = (int) ((values[i] >>> 32) << COLUMN_BITS | (values[i] & 0xffffffffL));
            }
            wide = null;
        } else {
            narrow = null;
            wide = Arrays.copyOf(values, size);
        }
    }

    /**
     * Pointer keys in order and an open-addressing index of them, built without sorting (the shared pointer
     * strings cache their hash codes). Equal when the keys are, so that a pool can share one copy.
     */
    static final class Shape {
        final String[] keys;
        private final int hash;
        /**
         * Index + 1 of the key in each slot, 0 when free: a char per slot up to 65,535 keys ({@link Index#small}),
         * else an int. Built on the first look-up: most documents are never asked for a position.
         */
        private volatile Index index;

        private record Index(char[] small, int[] large) {
        }

        /** Takes {@code keys} as they are (no copy). */
        Shape(String[] keys) {
            this.keys = keys;
            this.hash = Arrays.hashCode(keys);
        }

        private Index index() {
            Index i = index;
            if (i == null) {
                i = buildIndex();
                index = i; // a race builds an equal index twice, harmlessly
            }
            return i;
        }

        private Index buildIndex() {
            int size = keys.length;
            int capacity = Integer.highestOneBit(Math.max(1, size + size / 2)) << 1; // load factor at most 2/3
            int mask = capacity - 1;
            boolean small = size < Character.MAX_VALUE;
            char[] smallIndex = small ? new char[capacity] : null;
            int[] index = small ? null : new int[capacity];
            for (int i = 0; i < size; i++) {
                int s = mix(keys[i].hashCode()) & mask;
                while ((small ? smallIndex[s] : index[s]) != 0) {
                    s = (s + 1) & mask;
                }
                if (small) {
                    smallIndex[s] = (char) (i + 1);
                } else {
                    index[s] = i + 1;
                }
            }
            return new Index(smallIndex, index);
        }

        int indexOf(String s) {
            if (keys.length == 0) {
                return -1;
            }
            Index ix = index();
            char[] small = ix.small;
            int[] large = ix.large;
            int mask = (small != null ? small.length : large.length) - 1;
            for (int slot = mix(s.hashCode()) & mask; (small != null ? small[slot] : large[slot]) != 0;
                    slot = (slot + 1) & mask) {
                int i = (small != null ? small[slot] : large[slot]) - 1;
                if (keys[i].equals(s)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Shape other && other.hash == hash && Arrays.equals(other.keys, keys);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private long value(int i) {
        if (narrow == null) {
            return wide[i];
        }
        int v = narrow[i];
        return io.gwctl.model.SourceMap.pack(v >>> COLUMN_BITS, v & ((1 << COLUMN_BITS) - 1));
    }

    static PositionTable empty() {
        return EMPTY;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    /**
     * One table per item of a {@code kind: List} ({@code /items/3/...}), re-keyed relative to its item so that an
     * item's fields read like a document's, in one pass over this table.
     */
    PositionTable[] splitItems(int count, PointerPool pool) {
        String[][] itemKeys = new String[count][];
        long[][] itemValues = new long[count][];
        int[] sizes = new int[count];
        String prefix = "/items/";
        for (int i = 0; i < keys.length; i++) {
            String k = keys[i];
            if (!k.startsWith(prefix)) {
                continue;
            }
            int end = k.indexOf('/', prefix.length());
            String index = end < 0 ? k.substring(prefix.length()) : k.substring(prefix.length(), end);
            if (!Fields.isDigits(index) || index.length() > 9) {
                continue;
            }
            int item = Integer.parseInt(index);
            if (item >= count) {
                continue;
            }
            if (itemKeys[item] == null) {
                itemKeys[item] = new String[16];
                itemValues[item] = new long[16];
            } else if (sizes[item] == itemKeys[item].length) {
                itemKeys[item] = Arrays.copyOf(itemKeys[item], sizes[item] * 2);
                itemValues[item] = Arrays.copyOf(itemValues[item], sizes[item] * 2);
            }
            itemKeys[item][sizes[item]] = end < 0 ? "" : pool.intern(k.substring(end));
            itemValues[item][sizes[item]++] = value(i);
        }
        PositionTable[] tables = new PositionTable[count];
        for (int i = 0; i < count; i++) {
            tables[i] = itemKeys[i] == null ? EMPTY : new PositionTable(itemKeys[i], itemValues[i], sizes[i],
                    pool);
        }
        return tables;
    }

    private int indexOf(Object key) {
        return key instanceof String s ? shape.indexOf(s) : -1;
    }

    @Override
    public Long get(Object key) {
        int i = indexOf(key);
        return i >= 0 ? value(i) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Set<Entry<String, Long>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Long>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Long> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], value(i));
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
