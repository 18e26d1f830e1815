package io.gwctl.completions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code gwctl} launcher script with the jar the cli module packaged (this module builds after it): a truncated
 * class-data-sharing archive, as an interrupted first run or a partial CI cache restore leaves it, is rebuilt
 * instead of crashing every run, and a run leaves no JVM crash report in the working directory.
 */
class LauncherTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();

    @TempDir
    Path cache;
    @TempDir
    Path cwd;

    private int gwctl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", ROOT.resolve("gwctl").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(cwd.resolve("out.txt").toFile());
        pb.environment().put("GWCTL_CACHE_DIR", cache.toString());
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("gwctl finished").isTrue();
        return p.exitValue();
    }

    private Path archive() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(".jsa")).findFirst().orElseThrow();
        }
    }

    @Test
    void aTruncatedArchiveIsRebuiltAndRunsLeaveNoCrashReport() throws Exception {
        Path jar = ROOT.resolve("cli/target/gwctl.jar");
        assumeTrue(Files.isRegularFile(jar), "cli/target/gwctl.jar not built: run mvn verify from the root");
        assertThat(gwctl("--version")).as(Files.readString(cwd.resolve("out.txt"))).isZero();
        Path jsa = archive();
        long size = Files.size(jsa);
        assertThat(Files.readString(Path.of(jsa + ".size"), StandardCharsets.UTF_8).trim())
                .isEqualTo(Long.toString(size));

        jsa.toFile().setWritable(true);
        try (FileChannel ch = FileChannel.open(jsa, StandardOpenOption.WRITE)) {
            ch.truncate(size / 3);
        }
        int code = gwctl("validate", "-f", ROOT.resolve("testdata/examples/test-io").toString());
        String out = Files.readString(cwd.resolve("out.txt"));
        assertThat(code).as(out).isIn(0, 79);
        assertThat(out).doesNotContain("hs_err", "SIGSEGV", "NoClassDefFoundError");
        assertThat(Files.size(archive())).as("rebuilt whole").isEqualTo(Long.parseLong(
                Files.readString(Path.of(archive() + ".size"), StandardCharsets.UTF_8).trim()));
        try (Stream<Path> files = Files.list(cwd)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err"));
        }
    }
}
