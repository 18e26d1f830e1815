package io.gwctl.model.load;

import java.util.Arrays;

/**
 * The pointers of one subtree of a document, without their positions: an object's child keys and a list's item
 * count, each child with a shape of its own. Nodes are shared through a {@link PointerPool} (equal keys, the very
 * same children), so every {@code route} item, {@code destination} or {@code port} of every document with the same
 * fields is one node, and a document costs its few unshared nodes near the root. The entries of a subtree are
 * numbered in pre-order (the node first, then each child's subtree in order), which is the order the parser met
 * them in, so a document's positions are an array in that order.
 */
class ShapeNode {
    private static final String[] NO_KEYS = new String[0];
    private static final ShapeNode[] NO_CHILDREN = new ShapeNode[0];
    /** Children past which a node keeps the start of each child ({@link Wide}) instead of adding up sizes. */
    static final int SUMMED = 16;

    /** A scalar, an empty object or an empty list: one entry and nothing under it. */
    static final ShapeNode LEAF = new ShapeNode(NO_KEYS, NO_CHILDREN);

    /** The escaped key of each child (RFC 6901: {@code a~1b}); null for a list, whose children are its items. */
    final String[] keys;
    final ShapeNode[] children;
    /**
     * Entries in this subtree, this node's own included. (Three fields and no more: a node is 24 bytes, and a
     * document has a few nodes of its own; the hash is computed when the pool asks.)
     */
    final int size;

    /** Takes both arrays as they are (no copy); {@code keys} has one key per child, or is null for a list. */
    private ShapeNode(String[] keys, ShapeNode[] children) {
        this.keys = keys;
        this.children = children;
        int n = 1;
        for (ShapeNode c : children) {
            n += c.size;
        }
        this.size = n;
    }

    /** A node of these children: one that keeps their starts when there are many (a long list). */
    static ShapeNode of(String[] keys, ShapeNode[] children) {
        return children.length > SUMMED ? new Wide(keys, children) : new ShapeNode(keys, children);
    }

    /** A node of many children, which keeps where each child's subtree starts: a look-up does not add them up. */
    private static final class Wide extends ShapeNode {
        private final int[] starts;

        Wide(String[] keys, ShapeNode[] children) {
            super(keys, children);
            starts = new int[children.length];
            int index = 1;
            for (int c = 0; c < children.length; c++) {
                starts[c] = index;
                index += children[c].size;
            }
        }

        @Override
        int start(int i) {
            return starts[i];
        }
    }

    boolean isList() {
        return keys == null;
    }

    /**
     * The pre-order index of {@code pointer} ({@code ""}, {@code /spec/http/0/route}) in this node's subtree, or -1
     * when it has no such entry. Segments are compared as written: {@code /a~1b} finds the key {@code a/b}, list
     * indexes must be plain decimals ({@code /01} is no entry, as in a map keyed by pointer).
     */
    int indexOf(String pointer) {
        if (pointer.isEmpty()) {
            return 0;
        }
        if (pointer.charAt(0) != '/') {
            return -1;
        }
        ShapeNode node = this;
        int index = 0;
        int from = 1;
        while (true) {
            int end = pointer.indexOf('/', from);
            if (end < 0) {
                end = pointer.length();
            }
            int child = node.child(pointer, from, end);
            if (child < 0) {
                return -1;
            }
            index += node.start(child);
            node = node.children[child];
            if (end == pointer.length()) {
                return index;
            }
            from = end + 1;
        }
    }

    /** The child whose segment is {@code pointer[from, end)}, or -1. */
    private int child(String pointer, int from, int end) {
        int length = end - from;
        if (keys != null) {
            for (int i = 0; i < keys.length; i++) {
                String k = keys[i];
                if (k.length() == length && pointer.regionMatches(from, k, 0, length)) {
                    return i;
                }
            }
            return -1;
        }
        if (length == 0 || length > 9 || length > 1 && pointer.charAt(from) == '0') {
            return -1;
        }
        int item = 0;
        for (int i = from; i < end; i++) {
            char c = pointer.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            item = item * 10 + (c - '0');
        }
        return item < children.length ? item : -1;
    }

    /** The pre-order index of child {@code i} relative to this node. */
    int start(int i) {
        int index = 1;
        for (int c = 0; c < i; c++) {
            index += children[c].size;
        }
        return index;
    }

    /** The segment of child {@code i}: its escaped key, or its index in a list. */
    String segment(int i) {
        return keys == null ? Integer.toString(i) : keys[i];
    }

    /** Equal keys and the very same children (shared children make equal subtrees identical). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ShapeNode other) || other.size != size || other.children.length != children.length
                || !Arrays.equals(other.keys, keys)) {
            return false;
        }
        for (int i = 0; i < children.length; i++) {
            if (other.children[i] != children[i]) {
                return false;
            }
        }
        return true;
    }

    /** From the keys and the children's identities (equal children are the same node). */
    @Override
    public int hashCode() {
        int h = keys == null ? 1 : Arrays.hashCode(keys);
        for (ShapeNode c : children) {
            h = 31 * h + System.identityHashCode(c);
        }
        return h;
    }
}
