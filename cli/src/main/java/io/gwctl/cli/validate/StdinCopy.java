package io.gwctl.cli.validate;

import io.gwctl.renderers.findings.HelmSources;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Standard input as the loader reads it, with a copy of the bytes kept so that the SARIF report can name the Helm
 * template of each document ({@code helm template ... | gwctl validate -f - -o sarif}). The loader bounds what it
 * reads, so the copy is bounded the same way.
 */
final class StdinCopy implements Supplier<InputStream> {
    private final Supplier<InputStream> stdin;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    StdinCopy(Supplier<InputStream> stdin) {
        this.stdin = stdin;
    }

    @Override
    public InputStream get() {
        return new FilterInputStream(stdin.get()) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    copy.write(b);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    copy.write(buf, off, n);
                }
                return n;
            }

            @Override
            public void close() {
                // Standard input belongs to the process.
            }
        };
    }

    /** The {@code # Source:} files of what was read. */
    HelmSources helmSources() {
        return copy.size() == 0 ? HelmSources.NONE : HelmSources.scan(copy.toString(StandardCharsets.UTF_8));
    }
}
