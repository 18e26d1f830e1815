package io.gwctl.model;

import java.util.Map;

/**
 * Maps JSON pointers of the fields of one document ({@code /spec/servers/0/tls/credentialName}) to the 1-based
 * line and column where the field's value starts. Built while parsing from Jackson token locations.
 *
 * <p>Every node has an entry: a scalar is placed where its value starts; a map or list that is a field's value is
 * placed at its key (the {@code tls:} line rather than the first line inside it); list items and the document
 * root ({@code ""}) at their first token. Keys are escaped per RFC 6901 ({@code ~0}, {@code ~1}). For an item of a
 * {@code kind: List} the pointers are relative to the item.
 */
public class SourceMap {
    private static final SourceMap EMPTY = new SourceMap(Map.of(), 0);
    /** What {@link #position} answers for an absent pointer: no packed line and column is negative. */
    protected static final long ABSENT = Long.MIN_VALUE;

    /** Null in a subclass that keeps its positions in a form of its own. */
    private final Map<String, Long> positions;
    private final int documentLine;

    /**
     * Keeps {@code positions} as it is (no copy, no wrapper: one per document adds up, and this class only reads it);
     * the caller does not change it afterwards.
     */
    public SourceMap(Map<String, Long> positions, int documentLine) {
        this.positions = positions;
        this.documentLine = documentLine;
    }

    /**
     * For a subclass that answers {@link #position} and {@link #size} from positions of its own: one object per
     * document instead of a map and its wrapper.
     */
    protected SourceMap(int documentLine) {
        this.positions = null;
        this.documentLine = documentLine;
    }

    /** The packed position of the exact {@code pointer}, or {@link #ABSENT}. */
    protected long position(String pointer) {
        Long v = positions.get(pointer);
        return v == null ? ABSENT : v;
    }

    public static SourceMap empty() {
        return EMPTY;
    }

    /** Packs a line and column into the long stored per pointer. */
    public static long pack(int line, int column) {
        return ((long) line << 32) | (column & 0xffffffffL);
    }

    /**
     * The line of the field at {@code pointer}; for an absent field the line of its nearest present parent,
     * and at worst the document's first line. Never silently 0 for a resource read from a file.
     */
    public int line(String pointer) {
        String p = pointer;
        while (true) {
            long v = position(p);
            if (v != ABSENT) {
                return (int) (v >>> 32);
            }
            int slash = p.lastIndexOf('/');
            if (slash <= 0) {
                long root = position("");
                return root != ABSENT ? (int) (root >>> 32) : documentLine;
            }
            p = p.substring(0, slash);
        }
    }

    /** The column of the field at {@code pointer}, or 0 when it is absent. */
    public int column(String pointer) {
        long v = position(pointer);
        return v == ABSENT ? 0 : (int) (v & 0xffffffffL);
    }

    /** True when the exact field is present in the document. */
    public boolean has(String pointer) {
        return position(pointer) != ABSENT;
    }

    public int size() {
        return positions.size();
    }
}
