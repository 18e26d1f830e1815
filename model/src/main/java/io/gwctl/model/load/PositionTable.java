package io.gwctl.model.load;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The compact map behind a {@link io.gwctl.model.SourceMap}: sorted pointer keys and packed line/column values in
 * two arrays (12 bytes an entry with shared keys, against about 80 for a HashMap entry), searched by bisection.
 */
final class PositionTable extends AbstractMap<String, Long> {
    private final String[] keys;
    private final long[] values;

    /** Takes ownership of the arrays; {@code size} entries are used, keys must be distinct. */
    PositionTable(String[] keys, long[] values, int size) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
        this.keys = new String[size];
        this.values = new long[size];
        for (int i = 0; i < size; i++) {
            this.keys[i] = keys[order[i]];
            this.values[i] = values[order[i]];
        }
    }

    /**
     * The entries at and under {@code prefix} (a List item such as {@code /items/3}), re-keyed relative to it, so
     * that an item's fields read like a document's. Keys under a prefix are contiguous in sorted order.
     */
    PositionTable subTable(String prefix, PointerPool pool) {
        int start = Arrays.binarySearch(keys, prefix);
        int from = start >= 0 ? start : -start - 1;
        String child = prefix + "/";
        int count = 0;
        String[] subKeys = new String[16];
        long[] subValues = new long[16];
        if (start >= 0) {
            subKeys[count] = "";
            subValues[count++] = values[start];
            from++;
        }
        int lo = Arrays.binarySearch(keys, from, keys.length, child);
        lo = lo >= 0 ? lo : -lo - 1;
        for (int i = lo; i < keys.length && keys[i].startsWith(child); i++) {
            if (count == subKeys.length) {
                subKeys = Arrays.copyOf(subKeys, count * 2);
                subValues = Arrays.copyOf(subValues, count * 2);
            }
            subKeys[count] = pool.intern(keys[i].substring(prefix.length()));
            subValues[count++] = values[i];
        }
        return new PositionTable(subKeys, subValues, count);
    }

    private int indexOf(Object key) {
        return key instanceof String s ? Arrays.binarySearch(keys, s) : -1;
    }

    @Override
    public Long get(Object key) {
        int i = indexOf(key);
        return i >= 0 ? values[i] : null;
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
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
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
