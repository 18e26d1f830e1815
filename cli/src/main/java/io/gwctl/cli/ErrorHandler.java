package io.gwctl.cli;

import io.gwctl.model.Printable;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * gwctl's one error handler (STYLE §4): every failure becomes one line {@code gwctl: ...} on stderr and an exit
 * code from {@link ExitCodes}; a stack trace only with {@code -v} and only for unexpected exceptions.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String notACommand = notACommand(ex);
        if (notACommand != null) {
            err.println("gwctl: " + Printable.escape(notACommand));
            err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        }
        err.println("gwctl: " + Printable.escape(ex.getMessage()));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCodes.USAGE;
    }

    /** istioctl's proxy-config commands that gwctl does not have: it computes the listeners and routes only. */
    private static final Set<String> ISTIOCTL_ONLY = Set.of("bootstrap", "cluster", "clusters", "c",
            "endpoint", "endpoints", "ep", "ecds", "log", "rootca-compare", "secret", "secrets", "s");

    /**
     * For a word where a command with subcommands and no arguments expects a subcommand ({@code gwctl pc cluster}),
     * one line saying it is not a gwctl command and naming the ones there are, rather than picocli's "did you mean"
     * guesses; null for any other error.
     */
    private static String notACommand(ParameterException ex) {
        CommandLine cmd = ex.getCommandLine();
        if (!(ex instanceof UnmatchedArgumentException u) || cmd.getSubcommands().isEmpty()
                || !cmd.getCommandSpec().positionalParameters().isEmpty() || u.getUnmatched().isEmpty()) {
            return null;
        }
        String word = u.getUnmatched().get(0);
        if (word.startsWith("-")) {
            return null;
        }
        String name = cmd.getCommandSpec().qualifiedName();
        String commands = String.join(", ", Commands.names(cmd));
        String istioctl = name.equals("gwctl proxy-config") && ISTIOCTL_ONLY.contains(word)
                ? " (istioctl proxy-config " + word + " has no gwctl equivalent: gwctl computes listeners and routes)"
                : "";
        return "'" + word + "' is not a " + name + " command" + istioctl + "; the commands are " + commands;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean verbose = verbose(parseResult);
        if (ex instanceof GwctlException g) {
            err.println("gwctl: " + Printable.escape(g.getMessage()));
            if (verbose && g.getCause() != null) {
                g.getCause().printStackTrace(err);
            }
            return g.exitCode();
        }
        if (isOutOfMemory(ex)) {
            err.println(outOfMemoryMessage());
            return ExitCodes.INTERNAL_ERROR;
        }
        err.println("gwctl: internal error: " + Printable.escape(String.valueOf(ex))
                + (verbose ? "" : " (run with -v for the stack trace)"));
        if (verbose) {
            ex.printStackTrace(err);
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    private static boolean isOutOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** One line naming the heap limit and how to raise it, for a run that outgrew the heap. */
    static String outOfMemoryMessage() {
        long max = Runtime.getRuntime().maxMemory();
        long mb = max / (1024 * 1024);
        long suggest = Math.max(1, (max * 2 + (1L << 30) - 1) >> 30);
        return "gwctl: out of memory: the input needs more than the Java heap limit of " + mb + " MB; run with a"
                + " larger heap, e.g. GWCTL_JAVA_OPTS=-Xmx" + suggest + "g";
    }

    /** True when {@code -v} was given to any command on the path. */
    static boolean verbose(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("-v")) {
                return true;
            }
        }
        return false;
    }
}
