package io.gwctl.model.load;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shares equal immutable values between the documents of one load: the model's small records
 * ({@link io.gwctl.model.istio.StringMatch}, {@link io.gwctl.model.istio.HttpMatch},
 * {@link io.gwctl.model.istio.Destination}, the lists that hold them, label maps) repeat across routes, files and
 * namespaces ({@code prefix: /}, the same three subsets of one Service in every route of a team), and each copy
 * costs 24 to 64 bytes more. Only values whose equality is their whole meaning go in: records of immutable fields,
 * immutable lists and maps. Never a record the translator tells apart by identity ({@code HttpRoute}, the
 * resources). Bounded, so that a corpus of unique values cannot grow it without limit; a load drops it when done
 * (the model keeps the shared values, not the table).
 */
final class ValuePool {
    /** About 40 bytes of table per entry: at most some 40 MB however large the input. */
    private static final int MAX_ENTRIES = 1_000_000;
    /** A pool that shares nothing (tests and single documents mapped on their own). */
    static final ValuePool NONE = new ValuePool(0);

    private final int maxEntries;
    private final ConcurrentHashMap<Object, Object> values;
    private final AtomicInteger size = new AtomicInteger();

    ValuePool() {
        this(MAX_ENTRIES);
    }

    ValuePool(int maxEntries) {
        this.maxEntries = maxEntries;
        this.values = new ConcurrentHashMap<>(maxEntries == 0 ? 1 : 1024);
    }

    /** The first value equal to {@code v} seen by this pool (v itself when it is the first, null for null). */
    @SuppressWarnings("unchecked")
    <T> T share(T v) {
        if (v == null || maxEntries == 0) {
            return v;
        }
        Object shared = values.get(v);
        if (shared != null) {
            return (T) shared;
        }
        if (size.get() >= maxEntries) {
            return v;
        }
        shared = values.putIfAbsent(v, v);
        if (shared != null) {
            return (T) shared;
        }
        size.incrementAndGet();
        return v;
    }

    /** Values held, for tests. */
    int size() {
        return values.size();
    }

    /** Forgets every value (the model keeps those it shares). */
    void clear() {
        values.clear();
        size.set(0);
    }
}
