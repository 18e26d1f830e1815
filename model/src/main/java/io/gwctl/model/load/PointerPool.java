package io.gwctl.model.load;

import java.util.Arrays;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shares JSON pointer strings between documents: 59k documents repeat the same few thousand pointers
 * ({@code /spec/servers/0/port/number}), so every SourceMap refers to one copy. The tree builder walks a trie of
 * pointers (one per thread) so that it neither builds nor hashes a pointer string per node. Both are bounded so
 * that a corpus of unique keys cannot grow them without limit.
 */
final class PointerPool {
    private static final int MAX_ENTRIES = 200_000;

    private final int maxEntries;
    /** Whether documents' positions become shared tree-shaped tables ({@link TreeTable}) or flat ones. */
    private volatile boolean compact = true;

    private final ConcurrentHashMap<String, String> pool = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<PositionTable.Shape, PositionTable.Shape> shapes = new ConcurrentHashMap<>();
    /** Keys held by the shared shapes, bounded like the pointers. */
    private final AtomicInteger shapeKeys = new AtomicInteger();
    private final AtomicInteger trieNodes = new AtomicInteger();
    private final ConcurrentHashMap<ShapeNode, ShapeNode> nodes = new ConcurrentHashMap<>();
    /** Children held by the shared shape nodes, bounded like the pointers. */
    private final AtomicInteger nodeChildren = new AtomicInteger();
    /** Hashes of the shape nodes met once, for {@link #seenBefore}. */
    private final int[] sightings;
    private final ConcurrentHashMap<Keys, Keys> keyLists = new ConcurrentHashMap<>();
    private final AtomicInteger keyListKeys = new AtomicInteger();
    private final ThreadLocal<Node> roots = ThreadLocal.withInitial(() -> new Node("", null, null, -1, true));

    /** Chooses compact (tree-shaped, shared) or flat position tables for the documents read from now on. */
    void compact(boolean on) {
        compact = on;
    }

    boolean compact() {
        return compact;
    }

    PointerPool() {
        this(MAX_ENTRIES);
    }

    /** A pool that shares at most {@code maxEntries} pointers (and as many trie nodes). */
    PointerPool(int maxEntries) {
        this.maxEntries = maxEntries;
        this.sightings = new int[Integer.highestOneBit(Math.max(1, Math.min(maxEntries, 1 << 15))) * 2];
    }

    String intern(String pointer) {
        String shared = pool.get(pointer);
        if (shared != null) {
            return shared;
        }
        if (pool.size() >= maxEntries) {
            return pointer;
        }
        shared = pool.putIfAbsent(pointer, pointer);
        return shared == null ? pointer : shared;
    }

    /**
     * The shape of the first {@code size} keys, shared with every earlier table of the same keys in the same order
     * (a Gateway's pointers are those of most other Gateways), while the shapes kept hold at most {@code maxEntries}
     * keys in all; then a shape of its own.
     */
    PositionTable.Shape shape(String[] keys, int size) {
        PositionTable.Shape wanted = new PositionTable.Shape(Arrays.copyOf(keys, size));
        PositionTable.Shape shared = shapes.get(wanted);
        if (shared != null) {
            return shared;
        }
        if (shapeKeys.addAndGet(size) > maxEntries) {
            shapeKeys.addAndGet(-size);
            return wanted;
        }
        shared = shapes.putIfAbsent(wanted, wanted);
        if (shared != null) {
            shapeKeys.addAndGet(-size);
            return shared;
        }
        return wanted;
    }

    /** Shapes shared so far, for tests. */
    int shapes() {
        return shapes.size();
    }

    /**
     * The shape node of an object with child {@code keys} (null for a list) and {@code children}, shared with every
     * earlier equal node (every {@code route} item of every document with the same fields is one node), while the
     * shared nodes hold at most {@code maxEntries} children in all; then a node of its own. Children must come from
     * this pool for their parents to be shared. {@code shapeHash} is a hash of the subtree's keys alone, equal for
     * equal subtrees whether their children are shared yet or not: an object met twice is shared at once, not
     * once for each level below it.
     */
    ShapeNode node(String[] keys, ShapeNode[] children, int shapeHash) {
        return node(keys, children, shapeHash, new boolean[1]);
    }

    /** As {@link #node(String[], ShapeNode[], int)}, and {@code shared[0]} tells whether the node is the pool's. */
    ShapeNode node(String[] keys, ShapeNode[] children, int shapeHash, boolean[] shared) {
        shared[0] = true;
        if (children.length == 0) {
            return ShapeNode.LEAF;
        }
        ShapeNode probe = ShapeNode.of(keys, children);
        ShapeNode kept = nodes.get(probe);
        if (kept != null) {
            return kept;
        }
        shared[0] = false;
        ShapeNode wanted = ShapeNode.of(keys(keys), children);
        if (!seenBefore(shapeHash)) {
            return wanted;
        }
        if (nodeChildren.addAndGet(children.length) > maxEntries) {
            nodeChildren.addAndGet(-children.length);
            return wanted;
        }
        shared[0] = true;
        kept = nodes.putIfAbsent(wanted, wanted);
        if (kept != null) {
            nodeChildren.addAndGet(-children.length);
            return kept;
        }
        return wanted;
    }

    /**
     * One copy of each list of keys while there is room (a document's own root node has the keys of every other
     * document of its kind: {@code apiVersion, kind, metadata, spec}); the keys themselves interned too.
     */
    private String[] keys(String[] keys) {
        if (keys == null) {
            return null;
        }
        for (int i = 0; i < keys.length; i++) {
            keys[i] = intern(keys[i]);
        }
        Keys wanted = new Keys(keys);
        Keys shared = keyLists.get(wanted);
        if (shared != null) {
            return shared.keys;
        }
        if (keyListKeys.addAndGet(keys.length) > maxEntries) {
            keyListKeys.addAndGet(-keys.length);
            return keys;
        }
        shared = keyLists.putIfAbsent(wanted, wanted);
        if (shared != null) {
            keyListKeys.addAndGet(-keys.length);
            return shared.keys;
        }
        return keys;
    }

    /** A list of keys compared by content, for {@link #keyLists}. */
    private record Keys(String[] keys) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Keys other && Arrays.equals(other.keys, keys);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(keys);
        }
    }

    /**
     * True when a node of this hash was met before (or another node's hash took the same slot): a node is shared
     * from its second sighting on. A document's own nodes near its root (a VirtualService's {@code spec} of its
     * own routes) are met once and would fill the bounded pool with nodes no other document shares; the slots are
     * a fixed array, so this costs no more for a corpus of unique documents.
     */
    private boolean seenBefore(int hash) {
        int slot = hash & (sightings.length - 1);
        if (sightings[slot] == hash) {
            return true;
        }
        sightings[slot] = hash; // a race loses a sighting: the node is shared one sighting later
        return false;
    }

    /** Shape nodes shared so far, for tests. */
    int nodes() {
        return nodes.size();
    }

    /** The document root ({@code ""}) of this thread's trie. */
    Node root() {
        return roots.get();
    }

    /** One pointer in the trie; its children are created on first use and kept while the pool has room. */
    final class Node {
        final String pointer;
        /**
         * The key this node is reached by: one interned copy for every document, so that maps keyed by it hash it
         * once and find it by identity ({@code get("spec")}); null for the root and list items.
         */
        final String name;
        private final boolean cached;
        private HashMap<String, Node> fields;
        private Node[] items;
        /** Times {@link #items} was reallocated, for tests that check a long list grows it geometrically. */
        int itemGrowths;
        /** The node this one is a field or item of; null for the root. */
        final Node parent;
        /** The last segment of {@link #pointer}, escaped ({@code a~1b}, {@code 3}); null for the root. */
        final String segment;
        /** The item's index in its list; -1 for a field and the root. */
        final int index;
        /**
         * The shape last built for this node: the next document most likely has the same one here, found by
         * comparing the children instead of hashing them. Only this thread's builder reads and writes it.
         */
        ShapeNode lastShape;
        /** Its hash of keys alone, see {@link PointerPool#node}. */
        int lastHash;
        /** The field that came first in the last object read here, and the one that followed this field. */
        private Node firstField;
        private Node nextField;
        /**
         * The key's bytes when it is a plain ASCII word ({@code [A-Za-z0-9][A-Za-z0-9._/-]*}), else null: such a key
         * reads the same written plain, so the block reader can match it against the file's bytes without making a
         * string of them (see {@link BlockYamlReader}).
         */
        final byte[] plainKey;

        private Node(String pointer, String name, Node parent, int index, boolean cached) {
            this.pointer = pointer;
            this.name = name;
            this.parent = parent;
            this.index = index;
            int from = parent == null ? 0 : parent.pointer.length() + 1;
            // A key that needed no escape is its own segment: the one interned copy.
            this.segment = parent == null ? null
                    : name != null && pointer.length() - from == name.length() ? name : pointer.substring(from);
            this.cached = cached;
            this.plainKey = cached ? plainKey(name) : null;
        }

        /** The child {@link #field(String, Node)} tries first for the key after {@code previous} (null: the first). */
        Node guess(Node previous) {
            return previous == null ? firstField : previous.nextField;
        }

        private static byte[] plainKey(String name) {
            if (name == null || name.isEmpty() || name.length() > 200) {
                return null;
            }
            byte[] out = new byte[name.length()];
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                boolean word = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
                if (!word && (i == 0 || c != '.' && c != '_' && c != '/' && c != '-')) {
                    return null;
                }
                out[i] = (byte) c;
            }
            return out;
        }

        Node field(String name) {
            return field(name, null);
        }

        /**
         * The child for key {@code name}, where {@code previous} is the child of the key read just before it in
         * the same object (null for the first key). Documents repeat their key order, so the child that followed
         * {@code previous} last time is tried first: one string comparison instead of hashing the parser's new
         * copy of the key.
         */
        Node field(String name, Node previous) {
            Node guess = previous == null ? firstField : previous.nextField;
            if (guess != null && guess.name.equals(name)) {
                return guess;
            }
            Node n = fields == null ? null : fields.get(name);
            if (n == null) {
                String key = cached ? name.intern() : name;
                n = create(pointer + "/" + Fields.escape(key), key, -1);
                if (n.cached) {
                    if (fields == null) {
                        fields = new HashMap<>();
                    }
                    fields.put(key, n);
                }
            }
            if (n.cached) {
                if (previous == null) {
                    firstField = n;
                } else if (previous.cached) {
                    previous.nextField = n;
                }
            }
            return n;
        }

        Node item(int index) {
            Node n = items != null && index < items.length ? items[index] : null;
            if (n == null) {
                n = create(pointer + "/" + index, null, index);
                if (n.cached) {
                    if (items == null || index >= items.length) {
                        // Doubling: a list of n items costs O(n) copies, not O(n^2) (200,000 items took 9 s).
                        items = Arrays.copyOf(items == null ? new Node[0] : items,
                                Math.max(index + 1, items == null ? 4 : items.length * 2));
                        itemGrowths++;
                    }
                    items[index] = n;
                }
            }
            return n;
        }

        private Node create(String p, String key, int index) {
            boolean room = cached && trieNodes.incrementAndGet() <= maxEntries;
            return new Node(room ? intern(p) : p, key, this, index, room);
        }
    }
}
