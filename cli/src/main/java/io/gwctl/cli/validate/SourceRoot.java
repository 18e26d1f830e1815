package io.gwctl.cli.validate;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The root of the git work tree a directory lies in: the first ancestor holding {@code .git} (a directory, or the
 * file of a linked worktree or submodule). Code scanning resolves SARIF paths against the repository's root, so
 * paths must be relative to it wherever in the repository gwctl ran.
 */
final class SourceRoot {
    private SourceRoot() {
    }

    /** The work tree's root around {@code dir}, or {@code dir} itself outside any work tree. */
    static Path find(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return d;
            }
        }
        return dir;
    }
}
