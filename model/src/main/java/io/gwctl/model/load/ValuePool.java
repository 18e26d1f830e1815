package io.gwctl.model.load;

import io.gwctl.model.tls.TlsCredential;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shares equal immutable values between the documents of one load: the model's small records
 * ({@link io.gwctl.model.istio.StringMatch}, {@link io.gwctl.model.istio.HttpMatch},
 * {@link io.gwctl.model.istio.Destination}, the lists that hold them, label maps) repeat across routes, files and
 * namespaces ({@code prefix: /}, the same three subsets of one Service in every route of a team), and each copy
 * costs 24 to 64 bytes more. Only values whose equality is their whole meaning go in: records of immutable fields,
 * immutable lists and maps. Never a record the translator tells apart by identity ({@code HttpRoute}, the
 * resources). Bounded, so that a corpus of unique values cannot grow it without limit; a load drops it when done
 * (the model keeps the shared values, not the table). Once it is full, each file still shares within itself through
 * a {@link #forFile() pool of its own}, dropped with the file. The table is the load's alone, while the values it
 * shares last the whole run: since the rule phase, not the load, holds the most memory (stop 24), the bound is high
 * enough for 100,000 Gateways (2.2 million values, some 90 MB of table while loading; sharing across files saves
 * about 40 MB for the rest of the run: the rule phase's peak went from 538 to 501 MB). A pool of no entries
 * ({@code new ValuePool(0)}, a load too small to need compact values) still shares the TLS summaries of Secrets with
 * equal values ({@link #tls}).
 */
class ValuePool {
    /** About 40 bytes of table per entry, dropped when the load ends (200,000 before stop 24). */
    private static final int MAX_ENTRIES = 4_000_000;
    /** A pool that shares nothing, not even TLS summaries (tests and single documents mapped on their own). */
    static final ValuePool NONE = new ValuePool(0);

    /**
     * Characters of Secret values the TLS summaries are kept by, at most (about 4 MB while loading): each entry
     * holds its certificate and key in base64, kilobytes, so this table has a bound of its own.
     */
    private static final long MAX_TLS_CHARS = 2_000_000;

    private final int maxEntries;
    private final ConcurrentHashMap<Object, Object> values;
    private final AtomicInteger size = new AtomicInteger();
    private final ConcurrentHashMap<SecretValues, TlsCredential> tls;
    private final AtomicLong tlsChars = new AtomicLong();

    ValuePool() {
        this(MAX_ENTRIES);
    }

    ValuePool(int maxEntries) {
        this.maxEntries = maxEntries;
        this.values = new ConcurrentHashMap<>(maxEntries == 0 ? 1 : 1024);
        this.tls = new ConcurrentHashMap<>();
    }

    /**
     * The TLS summary read earlier in this load from a Secret with the same key names and the same text of its TLS
     * values, or null. A repository that copies one certificate into many namespaces (a wildcard certificate in
     * every team's namespace) reads and parses it once; the summary holds nothing of the Secret but its key names.
     */
    TlsCredential tls(SecretValues key) {
        return this == NONE ? null : tls.get(key);
    }

    /** Keeps {@code credential} for later Secrets with the same values while the table has room. */
    void keepTls(SecretValues key, TlsCredential credential) {
        if (this == NONE || tlsChars.get() >= MAX_TLS_CHARS) {
            return;
        }
        if (tls.putIfAbsent(key, credential) == null) {
            tlsChars.addAndGet(key.chars());
        }
    }

    /**
     * A pool for one file (one thread): values go to this pool while it has room, and the others are shared within
     * the file.
     */
    ValuePool forFile() {
        return maxEntries == 0 ? this : new FilePool(this);
    }

    /** The first value equal to {@code v} seen by this pool (v itself when it is the first, null for null). */
    <T> T share(T v) {
        T shared = shareIfRoom(v);
        return shared == null ? v : shared;
    }

    /** As {@link #share}, but null when the value is new and the pool is full. */
    @SuppressWarnings("unchecked")
    <T> T shareIfRoom(T v) {
        if (v == null || maxEntries == 0) {
            return v;
        }
        Object shared = values.get(v);
        if (shared != null) {
            return (T) shared;
        }
        if (size.get() >= maxEntries) {
            return null;
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
        tls.clear();
        tlsChars.set(0);
    }

    /** One file's pool: the load's while it has room, then a table of the file's own. */
    private static final class FilePool extends ValuePool {
        private final ValuePool load;
        private final HashMap<Object, Object> own = new HashMap<>();

        FilePool(ValuePool load) {
            super(0);
            this.load = load;
        }

        @Override
        @SuppressWarnings("unchecked")
        <T> T shareIfRoom(T v) {
            if (v == null) {
                return null;
            }
            T shared = load.shareIfRoom(v);
            if (shared != null) {
                return shared;
            }
            Object mine = own.putIfAbsent(v, v);
            return mine == null ? v : (T) mine;
        }

        @Override
        ValuePool forFile() {
            return this;
        }

        @Override
        TlsCredential tls(SecretValues key) {
            return load.tls(key);
        }

        @Override
        void keepTls(SecretValues key, TlsCredential credential) {
            load.keepTls(key, credential);
        }
    }
}
