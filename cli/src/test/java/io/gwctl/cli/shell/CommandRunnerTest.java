package io.gwctl.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.Fixtures;
import io.gwctl.cli.Gwctl;
import io.gwctl.cli.LoadedInputs;
import io.gwctl.cli.source.SourceResult;
import io.gwctl.model.Snapshot;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C in gwctl shell: the running command's thread is interrupted, the shell gets its prompt back and goes on. */
class CommandRunnerTest {
    @TempDir
    Path dir;

    @Test
    void cancelInterruptsTheRunningCommandAndTheNextCommandRuns() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        // Standard input that never delivers: `pc route -f -` blocks in it until its thread is interrupted.
        InputStream stuck = new InputStream() {
            @Override
            public int read() throws InterruptedIOException {
                reading.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                throw new InterruptedIOException("interrupted");
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        LoadedInputs loaded = new LoadedInputs(() -> new SourceResult(Snapshot.empty(), List.of(), 0, 0, List.of(),
                List.of(), List.of(), null));
        CommandRunner runner = new CommandRunner(new Gwctl().stdin(() -> stuck).environment(), loaded,
                new PrintWriter(out), new PrintWriter(err));

        CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> run(runner, "pc", "route", "-f", "-"));
        assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(runner.cancel()).isTrue();

        assertThat(blocked.get(30, TimeUnit.SECONDS)).isEqualTo(CommandRunner.CANCELLED);
        assertThat(interrupted.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(err.toString()).isEqualTo("gwctl: cancelled" + System.lineSeparator());
        assertThat(runner.running()).isFalse();
        assertThat(runner.cancel()).isFalse();

        String manifests = Fixtures.write(dir, "gw.yaml", Fixtures.GATEWAY_HTTP + "---\n" + Fixtures.VS_TEST_GW
                + "---\n" + Fixtures.INGRESS);
        assertThat(run(runner, "pc", "route", "-f", manifests)).isZero();
        assertThat(out.toString()).isEqualTo(new Gwctl().run("pc", "route", "-f", manifests).out());
    }

    private static int run(CommandRunner runner, String... args) {
        try {
            return runner.run(List.of(args));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
