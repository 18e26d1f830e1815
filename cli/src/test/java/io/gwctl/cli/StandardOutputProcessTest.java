package io.gwctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process's real standard output ({@link Main#main}: the file descriptor, written in blocks): a document larger
 * than the blocks arrives whole through a pipe, a reader that stops early is no error, a full disk is exit 74.
 */
class StandardOutputProcessTest {
    @TempDir
    Path dir;

    /** A repository whose {@code validate -o json} is some hundreds of KB: many blocks. */
    private String repository() {
        StringBuilder y = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            y.append(Fixtures.GATEWAY_HTTP.replace("name: test-gw\n", "name: gw-" + i + "\n")).append("---\n")
                    .append(Fixtures.ORPHAN_VS.replace("name: orphan\n", "name: orphan-" + i + "\n")).append("---\n");
        }
        return Fixtures.write(dir, "many.yaml", y.toString());
    }

    private static ProcessBuilder gwctl(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dgwctl.heap-watch=false", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static int await(Process p) throws InterruptedException {
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("gwctl did not end");
        }
        return p.exitValue();
    }

    @Test
    void aLargeDocumentArrivesWholeThroughAPipe() throws Exception {
        String repo = repository();
        StringWriter expected = new StringWriter();
        int expectedCode = Main.run(new String[] {"validate", "-o", "json", "-f", repo}, expected, new StringWriter(),
                new Gwctl().environment());

        Process p = gwctl("validate", "-o", "json", "-f", repo).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(await(p)).isEqualTo(expectedCode).isEqualTo(ExitCodes.FINDINGS);
        assertThat(out.length()).isGreaterThan(200_000);
        assertThat(out).isEqualTo(expected.toString());
    }

    @Test
    void aReaderThatStopsEarlyIsNoError() throws Exception {
        Process p = gwctl("validate", "-o", "json", "-f", repository()).start();
        try (InputStream in = p.getInputStream()) {
            assertThat(in.readNBytes(100)).hasSize(100);
        }
        int code = await(p);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(code).as(err).isEqualTo(ExitCodes.FINDINGS);
        assertThat(err).doesNotContain("cannot write");
    }

    @Test
    void aFullDiskIsOneLineAndExit74() throws IOException, InterruptedException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "no /dev/full on this system");
        Process p = gwctl("validate", "-o", "json", "-f", repository()).redirectOutput(full.toFile()).start();
        int code = await(p);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(code).as(err).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(err).isEqualTo("gwctl: cannot write the output: no space left on device\n");
    }
}
