package io.gwctl.cli.completion;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a shell on a generated script. A shell that is not installed skips the calling test, visibly, on a
 * developer's machine; in CI ({@code CI=true}) it fails it: there the shells are installed (.ci/run) and every
 * completion test must run.
 */
final class Shell {
    private Shell() {
    }

    /** Skips the test unless {@code shell} is on the PATH; fails it instead when {@code CI=true}. */
    static void assumeInstalled(String shell) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            found |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, shell));
        }
        String why = shell + " is not installed: its completion script cannot be checked here (apt-get install -y "
                + shell + ")";
        if (!found && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(why + "; CI=true, where every shell's completion must be tested");
        }
        assumeTrue(found, why);
    }

    /** Runs {@code shell args...}; returns stdout, or fails with stderr when the exit code is not 0. */
    static String run(String shell, String... args) throws IOException, InterruptedException {
        return run(Map.of(), null, shell, args);
    }

    /**
     * Runs {@code shell args...} in {@code dir} (null: the current one) with {@code env} over the process
     * environment (a null value removes the variable); returns stdout, or fails with stderr on a non-zero exit.
     */
    static String run(Map<String, String> env, Path dir, String shell, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(shell);
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("gwctl-shell", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            env.forEach((k, v) -> {
                if (v == null) {
                    pb.environment().remove(k);
                } else {
                    pb.environment().put(k, v);
                }
            });
            Process p = pb.start();
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
