package io.gwctl.cli;

import java.io.PrintWriter;
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
        err.println("gwctl: " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean verbose = verbose(parseResult);
        if (ex instanceof GwctlException g) {
            err.println("gwctl: " + g.getMessage());
            if (verbose && g.getCause() != null) {
                g.getCause().printStackTrace(err);
            }
            return g.exitCode();
        }
        err.println("gwctl: internal error: " + ex + (verbose ? "" : " (run with -v for the stack trace)"));
        if (verbose) {
            ex.printStackTrace(err);
        }
        return ExitCodes.INTERNAL_ERROR;
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
