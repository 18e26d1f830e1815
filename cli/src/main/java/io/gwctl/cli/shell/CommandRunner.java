package io.gwctl.cli.shell;

import io.gwctl.cli.Environment;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.LoadedInputs;
import io.gwctl.cli.Main;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs one command line of a gwctl shell on a thread of its own, so that Ctrl-C ({@link #cancel()}) can give the
 * prompt back at once: the command's thread is interrupted and whatever it still writes is dropped.
 */
final class CommandRunner {
    /** The exit code of a command cancelled with Ctrl-C, as a shell reports a command ended by SIGINT. */
    static final int CANCELLED = 130;

    private final Environment env;
    private final LoadedInputs loaded;
    private final PrintWriter out;
    private final PrintWriter err;
    private volatile Running current;

    /** The command running now and the gate of its output. */
    private record Running(FutureTask<Integer> task, Gate out, Gate err) {
    }

    CommandRunner(Environment env, LoadedInputs loaded, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.loaded = loaded;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code args} (a gwctl command line without "gwctl") and returns its exit code once it ends. */
    int run(List<String> args) throws InterruptedException {
        Gate o = new Gate(out);
        Gate e = new Gate(err);
        PrintWriter po = new PrintWriter(o);
        PrintWriter pe = new PrintWriter(e);
        FutureTask<Integer> task = new FutureTask<>(() -> Main.commandLine(env, loaded).setOut(po).setErr(pe)
                .execute(args.toArray(String[]::new)));
        Thread thread = new Thread(task, "gwctl-shell-command");
        thread.setDaemon(true);
        current = new Running(task, o, e);
        thread.start();
        try {
            return task.get();
        } catch (CancellationException c) {
            err.println("gwctl: cancelled");
            return CANCELLED;
        } catch (ExecutionException x) {
            // Only an Error gets past picocli's handlers (OutOfMemoryError): one line, the shell goes on.
            err.println("gwctl: " + x.getCause());
            return ExitCodes.INTERNAL_ERROR;
        } finally {
            current = null;
            po.flush();
            pe.flush();
            out.flush();
            err.flush();
        }
    }

    /** True while a command runs. */
    boolean running() {
        return current != null;
    }

    /** Ctrl-C: cancels the running command, if any; true when there was one. */
    boolean cancel() {
        Running r = current;
        if (r == null) {
            return false;
        }
        r.out().close();
        r.err().close();
        r.task().cancel(true);
        return true;
    }

    /** Passes writes through until closed, then fails them, so that a cancelled command stops printing. */
    private static final class Gate extends Writer {
        private final Writer target;
        private volatile boolean closed;

        Gate(Writer target) {
            this.target = target;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            if (closed) {
                throw new InterruptedIOException("cancelled");
            }
            target.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (!closed) {
                target.flush();
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
