package io.gwctl.renderers.findings;

import java.nio.file.Path;

/**
 * How a findings renderer writes: with ANSI colour (text only), the gwctl version to name in SARIF, and the
 * directory that relative file names are relative to and that SARIF/GitHub paths are made relative to (null: the
 * file names are printed as the user gave them).
 */
public record RenderOptions(boolean color, String toolVersion, Path baseDir) {
    public RenderOptions {
        toolVersion = toolVersion == null || toolVersion.isBlank() ? "0.0.0-unknown" : toolVersion;
    }

    /** No colour, an unknown version, file names as given: what tests and pipes want. */
    public static RenderOptions plain() {
        return new RenderOptions(false, null, null);
    }
}
