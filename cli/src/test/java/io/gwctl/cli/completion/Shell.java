package io.gwctl.cli.completion;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a shell on a generated script; skips the calling test, visibly, when that shell is not installed. */
final class Shell {
    private Shell() {
    }

    /** Skips the test unless {@code shell} is on the PATH. */
    static void assumeInstalled(String shell) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            found |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, shell));
        }
        assumeTrue(found, shell + " is not installed: its completion script cannot be checked here"
                + " (apt-get install " + shell + ")");
    }

    /** Runs {@code shell args...}; returns stdout, or fails with stderr when the exit code is not 0. */
    static String run(String shell, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(shell);
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("gwctl-shell", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(cmd + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(cmd + " exited " + p.exitValue() + ":\n" + Files.readString(err) + out);
            }
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
