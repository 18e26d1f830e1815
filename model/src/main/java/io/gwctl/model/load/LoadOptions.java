package io.gwctl.model.load;

import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How {@link ManifestLoader} reads manifests: the namespace given to namespace-less resources ({@code -n}, else
 * {@code default}), the file system paths are resolved in (Jimfs in tests), where {@code -} reads from, the
 * largest file it reads, and what it leaves unread ({@link Exclusions}: hidden entries, the configuration file,
 * {@code ignorePaths}). This is the one place that decides what is read: nothing is filtered after parsing.
 *
 * @param positions whether each resource keeps where its fields are written ({@link io.gwctl.model.SourceMap}), for
 *                  findings and traces that name a line; a command that prints no line of a resource (the
 *                  {@code proxy-config} tables) loads without them, a tenth of the model's heap. Problems found while
 *                  loading are placed either way.
 */
public record LoadOptions(String defaultNamespace, FileSystem fileSystem, Supplier<InputStream> stdin,
                          long maxFileBytes, Exclusions exclusions, boolean positions) {
    /** 64 MiB: far above any real manifest, low enough to refuse a mistaken {@code -f /var/log}. */
    public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;

    public LoadOptions {
        Objects.requireNonNull(defaultNamespace, "defaultNamespace");
        Objects.requireNonNull(fileSystem, "fileSystem");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(exclusions, "exclusions");
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
        }
    }

    /** Positions kept. */
    public LoadOptions(String defaultNamespace, FileSystem fileSystem, Supplier<InputStream> stdin,
                       long maxFileBytes, Exclusions exclusions) {
        this(defaultNamespace, fileSystem, stdin, maxFileBytes, exclusions, true);
    }

    /** Hidden entries below a named directory left unread ({@link Exclusions#HIDDEN}), as every command reads. */
    public LoadOptions(String defaultNamespace, FileSystem fileSystem, Supplier<InputStream> stdin,
                       long maxFileBytes) {
        this(defaultNamespace, fileSystem, stdin, maxFileBytes, Exclusions.HIDDEN);
    }

    /** Namespace {@code default}, the default file system, {@code System.in}, 64 MiB, hidden entries unread. */
    public static LoadOptions defaults() {
        return new LoadOptions("default", FileSystems.getDefault(), () -> System.in, DEFAULT_MAX_FILE_BYTES);
    }

    public LoadOptions withDefaultNamespace(String ns) {
        return new LoadOptions(ns, fileSystem, stdin, maxFileBytes, exclusions, positions);
    }

    public LoadOptions withFileSystem(FileSystem fs) {
        return new LoadOptions(defaultNamespace, fs, stdin, maxFileBytes, exclusions, positions);
    }

    public LoadOptions withStdin(Supplier<InputStream> in) {
        return new LoadOptions(defaultNamespace, fileSystem, in, maxFileBytes, exclusions, positions);
    }

    public LoadOptions withMaxFileBytes(long max) {
        return new LoadOptions(defaultNamespace, fileSystem, stdin, max, exclusions, positions);
    }

    public LoadOptions withExclusions(Exclusions e) {
        return new LoadOptions(defaultNamespace, fileSystem, stdin, maxFileBytes, e, positions);
    }

    /** The same options, with resources keeping no positions ({@link #positions}). */
    public LoadOptions withoutPositions() {
        return new LoadOptions(defaultNamespace, fileSystem, stdin, maxFileBytes, exclusions, false);
    }
}
