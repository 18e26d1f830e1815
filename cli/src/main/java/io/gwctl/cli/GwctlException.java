package io.gwctl.cli;

/**
 * A failure the user can act on (bad input, unreachable cluster, ambiguous workload): printed as one line
 * {@code gwctl: <message>} with no stack trace (unless -v), and the process exits with {@link #exitCode()}.
 */
public class GwctlException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public GwctlException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public GwctlException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** One of {@link ExitCodes}. */
    public int exitCode() {
        return exitCode;
    }
}
