package io.gwctl.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The entry point: {@link #run} is the whole program as a function of (arguments, output streams, environment)
 * returning the exit code; {@link #main} is the only place that exits the process.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.exit(code);
    }

    /** Runs gwctl on the process environment, writing UTF-8 to the given streams. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, new OutputStreamWriter(out, StandardCharsets.UTF_8),
                new OutputStreamWriter(err, StandardCharsets.UTF_8), Environment.system());
    }

    /** Runs gwctl on the process environment. */
    public static int run(String[] args, Writer out, Writer err) {
        return run(args, out, err, Environment.system());
    }

    /** Runs gwctl; output is buffered and flushed once at the end (also after an error). */
    public static int run(String[] args, Writer out, Writer err, Environment env) {
        PrintWriter o = new PrintWriter(new BufferedWriter(out));
        PrintWriter e = new PrintWriter(new BufferedWriter(err));
        try {
            return commandLine(env).setOut(o).setErr(e).execute(args);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** The configured command tree (error handlers, case-insensitive enum values); also used for completion. */
    public static CommandLine commandLine(Environment env) {
        ErrorHandler handler = new ErrorHandler();
        return new CommandLine(new GwctlCommand(env))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(handler)
                .setParameterExceptionHandler(handler);
    }
}
