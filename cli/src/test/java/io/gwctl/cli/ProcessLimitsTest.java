package io.gwctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write errors, heap exhaustion and special files each end in one line and a documented exit code (issue 9). */
class ProcessLimitsTest {
    @TempDir
    Path dir;

    /** A disk that is full: every write fails, as on /dev/full. */
    private static final class FullDisk extends Writer {
        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void flush() throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void close() {
        }
    }

    private static Gwctl.Result runToFullDisk(String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(args, new FullDisk(), err, new Gwctl().environment());
        return new Gwctl.Result(code, "", err.toString());
    }

    @Test
    void writeErrorOnTheOutputIsOneLineAndExit74() {
        String gw = Fixtures.write(dir, "gw.yaml", Fixtures.GATEWAY_HTTP + "---\n" + Fixtures.ORPHAN_VS);

        Gwctl.Result sarif = runToFullDisk("validate", "-f", gw, "-o", "sarif");
        Gwctl.Result route = runToFullDisk("pc", "route", "-f", gw);

        assertThat(sarif.exitCode()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(sarif.err()).endsWith("gwctl: cannot write the output: no space left on device\n");
        assertThat(route.exitCode()).as(route.toString()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(route.err()).endsWith("gwctl: cannot write the output: no space left on device\n")
                .doesNotContain("\tat ");
    }

    @Test
    void writeErrorWinsOverEveryOtherExitCode() {
        assertThat(ExitCodes.combine(ExitCodes.IO_ERROR, ExitCodes.FINDINGS)).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(ExitCodes.combine(ExitCodes.USAGE, ExitCodes.IO_ERROR)).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(ExitCodes.HELP).contains("74  the output could not be written");
    }

    @Test
    void heapExhaustedIsOneLineNamingGwctlJavaOpts() {
        Gwctl.Result r = new Gwctl().stdin(() -> {
            throw new OutOfMemoryError("Java heap space");
        }).run("pc", "l", "--config-dump", "-");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(r.err()).matches("gwctl: out of memory: the input needs more than the Java heap limit of \\d+ MB;"
                + " run with a larger heap, e.g. GWCTL_JAVA_OPTS=-Xmx\\d+g\n");
    }

    @Test
    void fifoInAWalkedDirectoryIsSkippedWithANoteAndNeverBlocks() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo not available: " + e.getMessage());
            return;
        }
        assumeTrue(mk.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        Fixtures.write(dir, "gw.yaml", Fixtures.GATEWAY_HTTP);

        Gwctl.Result r = new Gwctl().run("pc", "l", "-f", dir.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("gwctl: skipped " + dir + "/pipe.yaml: not a regular file (a FIFO, device or"
                + " socket)\n");
    }

    @Test
    void deviceNamedWithFIsReadOnlyUpToTheSizeLimit() {
        assumeTrue(Files.isReadable(Path.of("/dev/zero")), "/dev/zero absent");
        Gwctl.Result r = new Gwctl().run("pc", "l", "-f", "/dev/zero");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA_ERROR);
        assertThat(r.err()).startsWith("gwctl: /dev/zero: larger than the 64.0 MB limit (stopped reading there)\n");
    }
}
