package io.gwctl.model.load;

import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How {@link ManifestLoader} reads manifests: the namespace given to namespace-less resources ({@code -n}, else
 * {@code default}), the file system paths are resolved in (Jimfs in tests), where {@code -} reads from, and the
 * largest file it reads.
 */
public record LoadOptions(String defaultNamespace, FileSystem fileSystem, Supplier<InputStream> stdin,
                          long maxFileBytes) {
    /** 64 MiB: far above any real manifest, low enough to refuse a mistaken {@code -f /var/log}. */
    public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;

    public LoadOptions {
        Objects.requireNonNull(defaultNamespace, "defaultNamespace");
        Objects.requireNonNull(fileSystem, "fileSystem");
        Objects.requireNonNull(stdin, "stdin");
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
        }
    }

    /** Namespace {@code default}, the default file system, {@code System.in}, 64 MiB. */
    public static LoadOptions defaults() {
        return new LoadOptions("default", FileSystems.getDefault(), () -> System.in, DEFAULT_MAX_FILE_BYTES);
    }

    public LoadOptions withDefaultNamespace(String ns) {
        return new LoadOptions(ns, fileSystem, stdin, maxFileBytes);
    }

    public LoadOptions withFileSystem(FileSystem fs) {
        return new LoadOptions(defaultNamespace, fs, stdin, maxFileBytes);
    }

    public LoadOptions withStdin(Supplier<InputStream> in) {
        return new LoadOptions(defaultNamespace, fileSystem, in, maxFileBytes);
    }

    public LoadOptions withMaxFileBytes(long max) {
        return new LoadOptions(defaultNamespace, fileSystem, stdin, max);
    }
}
