package io.gwctl.model.translate;

import io.gwctl.model.Snapshot;
import java.lang.ref.WeakReference;
import java.util.function.Function;

/**
 * An index of the last snapshot asked about, built once: the translator and the rules ask for the same snapshot's
 * index once per gateway workload. The snapshot is held weakly, so an index never keeps an old snapshot alive
 * longer than the next question about a new one.
 */
final class SnapshotCache<T> {
    private final Function<Snapshot, T> build;
    private WeakReference<Snapshot> snapshot = new WeakReference<>(null);
    private T value;

    SnapshotCache(Function<Snapshot, T> build) {
        this.build = build;
    }

    synchronized T get(Snapshot s) {
        if (value == null || snapshot.get() != s) {
            value = build.apply(s);
            snapshot = new WeakReference<>(s);
        }
        return value;
    }
}
