package io.gwctl.model.load;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares JSON pointer strings between documents: 59k documents repeat the same few thousand pointers
 * ({@code /spec/servers/0/port/number}), so every SourceMap refers to one copy. Bounded so that a corpus of unique
 * keys cannot grow it without limit.
 */
final class PointerPool {
    private static final int MAX_ENTRIES = 200_000;

    private final ConcurrentHashMap<String, String> pool = new ConcurrentHashMap<>();

    String intern(String pointer) {
        String shared = pool.get(pointer);
        if (shared != null) {
            return shared;
        }
        if (pool.size() >= MAX_ENTRIES) {
            return pointer;
        }
        shared = pool.putIfAbsent(pointer, pointer);
        return shared == null ? pointer : shared;
    }
}
