package io.gwctl.cli.validate;

import java.nio.file.Path;

/** Opens {@link SourceRoot} to the black-box tests of another package. */
public final class SourceRootAccess {
    private SourceRootAccess() {
    }

    public static Path find(Path dir) {
        return SourceRoot.find(dir);
    }
}
