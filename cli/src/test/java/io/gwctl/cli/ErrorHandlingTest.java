package io.gwctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One error line on stderr, the stack trace only with -v; -v also tells what was read and skipped. */
class ErrorHandlingTest {
    @TempDir
    Path dir;

    @Test
    void unexpectedExceptionIsAnInternalErrorWithTheTraceOnlyWithV() {
        Gwctl broken = new Gwctl().stdin(() -> {
            throw new IllegalStateException("stdin exploded");
        });
        Gwctl.Result quiet = broken.run("pc", "l", "--config-dump", "-");
        assertThat(quiet.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(quiet.out()).isEmpty();
        assertThat(quiet.err()).isEqualTo("gwctl: internal error: java.lang.IllegalStateException: stdin exploded"
                + " (run with -v for the stack trace)\n");

        Gwctl.Result verbose = broken.run("pc", "l", "--config-dump", "-", "-v");
        assertThat(verbose.exitCode()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(verbose.err()).startsWith("gwctl: internal error: java.lang.IllegalStateException: stdin exploded\n"
                + "java.lang.IllegalStateException: stdin exploded\n").contains("\tat ");
    }

    @Test
    void badInputHasNoTraceUnlessV() {
        String bad = Fixtures.write(dir, "dump.json", "{ nope");
        Gwctl gwctl = new Gwctl();
        assertThat(gwctl.run("pc", "r", "--config-dump", bad).err()).doesNotContain("\tat ");
        Gwctl.Result verbose = gwctl.run("pc", "r", "--config-dump", bad, "-v");
        assertThat(verbose.exitCode()).isEqualTo(ExitCodes.DATA_ERROR);
        assertThat(verbose.err()).startsWith("gwctl: " + bad + ":1:3: invalid JSON: ").contains("ConfigDumpException", "\tat ");
    }

    @Test
    void verboseCountsWhatWasReadAndSkipped() {
        Fixtures.write(dir, "gw.yaml", Fixtures.GATEWAY_HTTP + "---\napiVersion: v1\nkind: ConfigMap\n"
                + "metadata:\n  name: c\n");
        Fixtures.write(dir, "notes.txt", "not a manifest");
        Gwctl.Result r = new Gwctl().run("pc", "l", "-f", dir.toString(), "-v");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("gwctl: read 1 file(s), 2 document(s), 1 resource(s)\n",
                "gwctl: skipped 1 non-manifest file(s) in directories: ",
                "gwctl: skipped documents of kinds gwctl does not read: ConfigMap (1)\n");
        assertThat(new Gwctl().run("pc", "l", "-f", dir.toString()).err()).doesNotContain("read 1 file");
    }
}
