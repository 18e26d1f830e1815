package io.gwctl.cli.source;

/** A snapshot source that could not produce anything (cluster unreachable, no kubeconfig), with the exit code. */
public final class SourceException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public SourceException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** One of {@link io.gwctl.cli.ExitCodes}. */
    public int exitCode() {
        return exitCode;
    }
}
