package io.gwctl.model.load;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The map behind a {@link io.gwctl.model.SourceMap} of pointers that are not the pre-order of a tree (else a
 * {@link TreeTable} keeps them, in far less), and of the tables a test builds from pointer strings: pointer keys in
 * document order with their index (a
 * {@link Shape}, shared between documents with the same pointers), and line/column values delta-encoded in document
 * order. Lines rarely go back and columns are small, so most entries cost one byte of value ({@link Values}) and
 * nothing more when the shape is shared (4 bytes per key when it is not), against about 80 for a HashMap entry;
 * 59k documents keep 4.3M of them.
 */
final class PositionTable extends AbstractMap<String, Long> {
    private static final PositionTable EMPTY = new PositionTable(new String[0], new long[0], 0);

    /** The keys and their index, shared by every table of the same pointers in the same order. */
    private final Shape shape;
    private final String[] keys;
    private final Values values;

    /** Copies the first {@code size} entries; keys must be distinct. */
    PositionTable(String[] keys, long[] values, int size) {
        this(keys, values, size, null);
    }

    /**
     * Copies the first {@code size} entries, keys must be distinct; the keys and their index are shared through
     * {@code pool} (when not null) with the earlier tables of the same keys: documents of one kind repeat their
     * pointers, so each then costs about a byte per entry.
     */
    PositionTable(String[] keys, long[] values, int size, PointerPool pool) {
        this.shape = pool == null ? new Shape(Arrays.copyOf(keys, size)) : pool.shape(keys, size);
        this.keys = shape.keys;
        this.values = Values.encode(values, size);
    }

    /**
     * Packed {@code line << 32 | column} values in document order, each stored as the difference of its line from
     * the previous entry's and its column: one byte {@code dl << 6 | column} when {@code 0 <= dl <= 3} and
     * {@code 1 <= column <= 63} (a block-style manifest, nearly always), else a 0 byte and both as varints
     * (zig-zag for the line difference). Reading entry {@code i} decodes from the nearest checkpoint (every
     * {@link #STEP} entries: its byte offset and the line before it), so a look-up reads at most STEP entries.
     */
    static final class Values {
        static final int STEP = 64;
        private static final Values NONE = new Values(new byte[0], null, null);

        private final byte[] bytes;
        /** Byte offset of entry {@code k * STEP}, for k >= 1; null when there are at most STEP entries. */
        private final int[] offsets;
        /** The line of entry {@code k * STEP - 1}, the base of the next entry's difference. */
        private final long[] lines;

        private Values(byte[] bytes, int[] offsets, long[] lines) {
            this.bytes = bytes;
            this.offsets = offsets;
            this.lines = lines;
        }

        static Values encode(long[] values, int size) {
            if (size == 0) {
                return NONE;
            }
            byte[] out = new byte[size + 8];
            int n = 0;
            int checkpoints = (size - 1) / STEP;
            int[] offsets = checkpoints == 0 ? null : new int[checkpoints];
            long[] lines = checkpoints == 0 ? null : new long[checkpoints];
            long line = 0;
            for (int i = 0; i < size; i++) {
                if (i > 0 && i % STEP == 0) {
                    offsets[i / STEP - 1] = n;
                    lines[i / STEP - 1] = line;
                }
                long l = values[i] >>> 32;
                long column = values[i] & 0xffffffffL;
                long dl = l - line;
                line = l;
                if (out.length - n < 21) {
                    out = Arrays.copyOf(out, out.length * 2 + 21);
                }
                if (dl >= 0 && dl <= 3 && column >= 1 && column <= 63) {
                    out[n++] = (byte) (dl << 6 | column);
                } else {
                    out[n++] = 0;
                    n = Codec.putVarint(out, n, dl << 1 ^ dl >> 63);
                    n = Codec.putVarint(out, n, column);
                }
            }
            return new Values(Arrays.copyOf(out, n), offsets, lines);
        }

        /** The packed value of entry {@code i}. */
        long get(int i) {
            int k = i / STEP;
            int at = k == 0 ? 0 : offsets[k - 1];
            long line = k == 0 ? 0 : lines[k - 1];
            Cursor c = new Cursor(at, line);
            long v = 0;
            for (int e = k * STEP; e <= i; e++) {
                v = next(c);
            }
            return v;
        }

        /** A position in the encoded bytes: the next entry's offset and the line of the entry before it. */
        static final class Cursor {
            int at;
            long line;

            Cursor(int at, long line) {
                this.at = at;
                this.line = line;
            }
        }

        Cursor start() {
            return new Cursor(0, 0);
        }

        /** Decodes the entry at the cursor and moves past it. */
        long next(Cursor c) {
            int b = bytes[c.at++] & 0xff;
            long column;
            if (b != 0) {
                c.line += b >>> 6;
                column = b & 0x3f;
            } else {
                long z = varint(c);
                c.line += z >>> 1 ^ -(z & 1);
                column = varint(c);
            }
            return io.gwctl.model.SourceMap.pack((int) c.line, (int) column);
        }

        private long varint(Cursor c) {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                int b = bytes[c.at++];
                v |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return v;
                }
            }
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
         * Index + 1 of the key in each slot, 0 when free: a byte per slot up to 255 keys (nearly every document), a
         * char up to 65,535, else an int. Built on the first look-up: most documents are never asked for a position.
         */
        private volatile Object index;

        /** Takes {@code keys} as they are (no copy). */
        Shape(String[] keys) {
            this.keys = keys;
            this.hash = Arrays.hashCode(keys);
        }

        /** The slot array, built on first use (a race builds an equal index twice, harmlessly). */
        private Object index() {
            Object ix = index;
            if (ix == null) {
                ix = buildIndex();
                index = ix;
            }
            return ix;
        }

        private Object buildIndex() {
            int size = keys.length;
            int capacity = Integer.highestOneBit(Math.max(1, size + size / 2)) << 1; // load factor at most 2/3
            int mask = capacity - 1;
            int[] slots = new int[capacity];
            for (int i = 0; i < size; i++) {
                int s = mix(keys[i].hashCode()) & mask;
                while (slots[s] != 0) {
                    s = (s + 1) & mask;
                }
                slots[s] = i + 1;
            }
            if (size < 255) {
                byte[] b = new byte[capacity];
                for (int s = 0; s < capacity; s++) {
                    b[s] = (byte) slots[s];
                }
                return b;
            }
            if (size < Character.MAX_VALUE) {
                char[] c = new char[capacity];
                for (int s = 0; s < capacity; s++) {
                    c[s] = (char) slots[s];
                }
                return c;
            }
            return slots;
        }

        private static int slot(Object index, int s) {
            if (index instanceof byte[] b) {
                return b[s] & 0xff;
            }
            return index instanceof char[] c ? c[s] : ((int[]) index)[s];
        }

        private static int capacity(Object index) {
            if (index instanceof byte[] b) {
                return b.length;
            }
            return index instanceof char[] c ? c.length : ((int[]) index).length;
        }

        int indexOf(String s) {
            if (keys.length == 0) {
                return -1;
            }
            Object ix = index();
            int mask = capacity(ix) - 1;
            for (int slot = mix(s.hashCode()) & mask; slot(ix, slot) != 0; slot = (slot + 1) & mask) {
                int i = slot(ix, slot) - 1;
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
        return values.get(i);
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
        Values.Cursor cursor = values.start();
        for (int i = 0; i < keys.length; i++) {
            String k = keys[i];
            long value = values.next(cursor);
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
            itemValues[item][sizes[item]++] = value;
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
                    private final Values.Cursor cursor = values.start();

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
                        return new SimpleImmutableEntry<>(keys[i], values.next(cursor));
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
