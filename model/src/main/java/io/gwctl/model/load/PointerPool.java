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

    private final ConcurrentHashMap<String, String> pool = new ConcurrentHashMap<>();
    private final AtomicInteger trieNodes = new AtomicInteger();
    private final ThreadLocal<Node> roots = ThreadLocal.withInitial(() -> new Node("", true));

    PointerPool() {
        this(MAX_ENTRIES);
    }

    /** A pool that shares at most {@code maxEntries} pointers (and as many trie nodes). */
    PointerPool(int maxEntries) {
        this.maxEntries = maxEntries;
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

    /** The document root ({@code ""}) of this thread's trie. */
    Node root() {
        return roots.get();
    }

    /** One pointer in the trie; its children are created on first use and kept while the pool has room. */
    final class Node {
        final String pointer;
        private final boolean cached;
        private HashMap<String, Node> fields;
        private Node[] items;

        private Node(String pointer, boolean cached) {
            this.pointer = pointer;
            this.cached = cached;
        }

        Node field(String name) {
            Node n = fields == null ? null : fields.get(name);
            if (n == null) {
                n = create(pointer + "/" + Fields.escape(name));
                if (n.cached) {
                    if (fields == null) {
                        fields = new HashMap<>();
                    }
                    fields.put(name, n);
                }
            }
            return n;
        }

        Node item(int index) {
            Node n = items != null && index < items.length ? items[index] : null;
            if (n == null) {
                n = create(pointer + "/" + index);
                if (n.cached) {
                    if (items == null || index >= items.length) {
                        items = Arrays.copyOf(items == null ? new Node[0] : items, Math.max(index + 1, 4));
                    }
                    items[index] = n;
                }
            }
            return n;
        }

        private Node create(String p) {
            boolean room = cached && trieNodes.incrementAndGet() <= maxEntries;
            return new Node(room ? intern(p) : p, room);
        }
    }
}
