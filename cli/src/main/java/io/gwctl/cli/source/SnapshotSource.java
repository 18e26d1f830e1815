package io.gwctl.cli.source;

/**
 * Where a command's resources come from: manifest files ({@link FileSnapshotSource}) or a live cluster
 * ({@link ClusterSnapshotSource}); both yield the same {@link io.gwctl.model.Snapshot} shape (STYLE §1).
 */
public interface SnapshotSource {
    /**
     * Reads everything once. Problems that leave part of the input usable (a malformed file, a forbidden Secret
     * list) are returned in the result; only a failure that leaves nothing to work with throws.
     */
    SourceResult load() throws SourceException;
}
