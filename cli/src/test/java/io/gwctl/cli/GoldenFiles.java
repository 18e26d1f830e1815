package io.gwctl.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Expected-output files of the black-box golden tests: compared, or rewritten with -Dgwctl.update-golden=true. */
public final class GoldenFiles {
    private GoldenFiles() {
    }

    /** Fails unless {@code file} holds {@code actual}; messages name the file relative to {@code root}. */
    public static void compare(Path root, Path file, String actual) throws IOException {
        if (Boolean.getBoolean("gwctl.update-golden")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("expected output " + file + " is missing; run with -Dgwctl.update-golden=true and review it");
        }
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail("output differs from " + root.relativize(file) + "\n--- expected\n" + expected + "--- actual\n"
                    + actual);
        }
    }
}
