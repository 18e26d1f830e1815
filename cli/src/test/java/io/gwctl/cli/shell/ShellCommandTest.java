package io.gwctl.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.Fixtures;
import io.gwctl.cli.Gwctl;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gwctl shell} in script mode (standard input a pipe), black-box through the gwctl entry point. */
class ShellCommandTest {
    @TempDir
    Path dir;
    @TempDir
    Path other;
    private String manifests;

    @BeforeEach
    void write() {
        Fixtures.write(dir, "gw.yaml", Fixtures.GATEWAY_HTTP + "---\n" + Fixtures.VS_TEST_GW + "---\n"
                + Fixtures.INGRESS);
        manifests = dir.toString();
    }

    private Gwctl.Result shell(String script, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "shell";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Gwctl().stdin(script).run(all);
    }

    @Test
    void eachCommandPrintsWhatTheSameCommandPrintsAlone() {
        Gwctl.Result route = new Gwctl().run("pc", "route", "-f", manifests);
        Gwctl.Result listener = new Gwctl().run("pc", "listener", "-f", manifests, "--port", "8080");
        Gwctl.Result validate = new Gwctl().run("validate", "-f", manifests);
        assertThat(route.exitCode()).isZero();

        Gwctl.Result r = shell("pc route\npc listener --port 8080\nvalidate\n", "-f", manifests);

        assertThat(r.out()).isEqualTo(route.out() + listener.out() + validate.out());
        assertThat(r.exitCode()).isEqualTo(validate.exitCode());
    }

    @Test
    void aFailingCommandDoesNotEndTheShellAndTheLastCommandGivesTheExitCode() {
        Gwctl.Result route = new Gwctl().run("pc", "route", "-f", manifests);

        Gwctl.Result failedFirst = shell("bogus\npc route\n", "-f", manifests);
        Gwctl.Result failedLast = shell("pc route\nbogus\n", "-f", manifests);

        assertThat(failedFirst.out()).isEqualTo(route.out());
        assertThat(failedFirst.err()).contains("gwctl: 'bogus' is not a gwctl command");
        assertThat(failedFirst.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(failedLast.out()).isEqualTo(route.out());
        assertThat(failedLast.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void exitEndsTheScriptAndCommentsBlankLinesAndTheGwctlPrefixAreAccepted() {
        Gwctl.Result route = new Gwctl().run("pc", "route", "-f", manifests);

        Gwctl.Result r = shell("# the routes\n\ngwctl pc route\nexit\nbogus\n", "-f", manifests);

        assertThat(r.out()).isEqualTo(route.out());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).doesNotContain("bogus");
    }

    @Test
    void aCommandWithItsOwnFilesReadsThoseAndTheNextOneTheShellsAgain() {
        Fixtures.write(other, "gw.yaml", Fixtures.GATEWAY_HTTPS + "---\n" + Fixtures.INGRESS);
        Gwctl.Result mine = new Gwctl().run("pc", "listener", "-f", manifests);
        Gwctl.Result theirs = new Gwctl().run("pc", "listener", "-f", other.toString());
        assertThat(mine.out()).isNotEqualTo(theirs.out());

        Gwctl.Result r = shell("pc listener\npc listener -f " + other + "\npc listener\n", "-f", manifests);

        assertThat(r.out()).isEqualTo(mine.out() + theirs.out() + mine.out());
    }

    @Test
    void theShellReadsWhatDotGwctlYamlLetsTheLoaderRead() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setWorkingDirectory("/work")
                .build())) {
            Path work = fs.getPath("/work");
            Files.createDirectories(work.resolve("vendor"));
            Files.writeString(work.resolve("vs.yaml"), Fixtures.ORPHAN_VS);
            Files.writeString(work.resolve("vendor/vs.yaml"), Fixtures.ORPHAN_VS.replace("orphan", "vendored"));
            Gwctl gwctl = new Gwctl().fileSystem(fs);
            Gwctl.Result everything = gwctl.stdin("validate\n").run("shell", "-f", ".");
            assertThat(everything.out()).contains("default/orphan", "default/vendored");

            Files.writeString(work.resolve(".gwctl.yaml"), "ignorePaths:\n  - vendor\n");
            Gwctl.Result alone = new Gwctl().fileSystem(fs).run("validate", "-f", ".");
            Gwctl.Result r = new Gwctl().fileSystem(fs).stdin("validate\nreload\nvalidate\n").run("shell", "-f",
                    ".");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(r.out()).doesNotContain("vendored")
                    .isEqualTo(alone.out() + "reloaded: 1 resources\n" + alone.out());

            Files.writeString(work.resolve(".gwctl.yaml"), "ignorePaths:\n  - vendor\nignorePath: []\n");
            Gwctl.Result bad = new Gwctl().fileSystem(fs).stdin("validate\n").run("shell", "-f", ".");
            assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(bad.out()).isEmpty();
            assertThat(bad.err()).isEqualTo("gwctl: .gwctl.yaml:3: unknown key \"ignorePath\" (expected rules,"
                    + " suppress, ignorePaths, secrets)\n");
        }
    }

    @Test
    void theInputsAreReadOnceAndReloadReadsThemAgain() {
        Gwctl.Result before = new Gwctl().run("pc", "route", "-f", manifests);
        String changed = Fixtures.GATEWAY_HTTP.replace("test.io", "changed.io") + "---\n"
                + Fixtures.VS_TEST_GW.replace("test.io", "changed.io") + "---\n" + Fixtures.INGRESS;
        Deque<String> lines = new ArrayDeque<>();
        lines.add("pc route\n");
        lines.add("pc route\n");
        lines.add("reload\n");
        lines.add("pc route\n");
        // Gateway, VirtualService, Deployment, Service. The file changes after the first command: the second still prints what was loaded, reload sees it.
        InputStream script = new LineByLine(lines, () -> Fixtures.write(dir, "gw.yaml", changed));

        Gwctl.Result r = new Gwctl().stdin(() -> script).run("shell", "-f", manifests);
        Gwctl.Result after = new Gwctl().run("pc", "route", "-f", manifests);

        assertThat(after.out()).isNotEqualTo(before.out());
        assertThat(r.out()).isEqualTo(before.out() + before.out() + "reloaded: 4 resources\n" + after.out());
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void reloadThatFailsKeepsTheInputsLoadedBefore() {
        Gwctl.Result before = new Gwctl().run("pc", "route", "-f", manifests);
        Deque<String> lines = new ArrayDeque<>();
        lines.add("pc route\n");
        lines.add("reload\n");
        lines.add("pc route\n");
        InputStream script = new LineByLine(lines, () -> Fixtures.write(dir, "gw.yaml", "kind: [\n"));

        Gwctl.Result r = new Gwctl().stdin(() -> script).run("shell", "-f", manifests);

        assertThat(r.out()).isEqualTo(before.out() + before.out());
        assertThat(r.err()).contains("gwctl: no resources could be read (keeping the inputs loaded before)");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void timingPrintsTheLoadAndEachCommandOnStderr() {
        Gwctl.Result r = shell("pc route\n", "--timing", "-f", manifests);

        assertThat(r.err()).containsPattern("(?m)^gwctl: load: \\d+ ms$")
                .containsPattern("(?m)^gwctl: pc route: \\d+ ms$");
    }

    @Test
    void aShellInsideTheShellIsAUsageError() {
        Gwctl.Result r = shell("shell\n", "-f", manifests);

        assertThat(r.err()).contains("gwctl: already in a gwctl shell");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void inputThatCannotBeReadEndsTheShellBeforeAnyCommand() {
        Gwctl.Result r = shell("pc route\n", "-f", dir.resolve("missing.yaml").toString());

        assertThat(r.out()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(ExitCodes.NO_INPUT);
    }

    /** Standard input that gives one line per read and runs {@code between} before the second line. */
    private static final class LineByLine extends InputStream {
        private final Deque<String> lines;
        private final Runnable between;
        private int served;

        LineByLine(Deque<String> lines, Runnable between) {
            this.lines = lines;
            this.between = between;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("read by lines");
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (lines.isEmpty()) {
                return -1;
            }
            if (served++ == 1) {
                between.run();
            }
            byte[] line = lines.poll().getBytes(StandardCharsets.UTF_8);
            System.arraycopy(line, 0, b, off, line.length);
            return line.length;
        }
    }
}
