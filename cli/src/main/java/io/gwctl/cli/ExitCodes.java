package io.gwctl.cli;

/**
 * The process exit codes of gwctl: istioctl's sysexits family (lint-catalogue §2.5, STYLE §4), with one documented
 * precedence so that a CI job never sees 0 when any input was broken.
 *
 * <p>When several outcomes apply to one run, the highest-priority one wins:
 * {@code 74 output not written > 64 usage > 69 cluster unreachable > 66 missing input > 65 bad input data > 79
 * findings > 0}.
 * Rationale: the first two mean nothing was checked; the next two mean the results cover only part of the input
 * (the findings are still printed), so the incomplete run must not look like a clean or a merely "findings" run.
 * 1 (internal error) ends the run at once and is never combined.
 */
public final class ExitCodes {
    /** Success: no finding at or above the failure threshold, every input read. */
    public static final int OK = 0;
    /** A bug in gwctl (an unexpected exception). */
    public static final int INTERNAL_ERROR = 1;
    /** Incorrect usage: unknown flag, bad flag value, missing input source (EX_USAGE). */
    public static final int USAGE = 64;
    /** An input could not be parsed or is not a valid resource (EX_DATAERR). */
    public static final int DATA_ERROR = 65;
    /** A named input file or directory does not exist or cannot be read (EX_NOINPUT). */
    public static final int NO_INPUT = 66;
    /** The Kubernetes cluster is unreachable or not configured (EX_UNAVAILABLE). */
    public static final int UNAVAILABLE = 69;
    /** The output could not be written (a full disk): whatever was found is lost, so this wins (EX_IOERR). */
    public static final int IO_ERROR = 74;
    /**
     * validate: a finding at or above --failure-threshold, in every output format; pc diff: a difference; pc trace:
     * the request is not served (a 404, no listener or filter chain).
     */
    public static final int FINDINGS = 79;

    /** The text of the "Exit codes" section shown in {@code --help} footers. */
    public static final String HELP = """
            Exit codes:
              0   success: every input read, no finding at or above --failure-threshold
              79  validate found issues at or above --failure-threshold (in every -o
                  format); pc diff found differences; pc trace: the request gets a 404,
                  no listener or no filter chain
              64  usage error (bad flag or value, no input given)
              65  an input could not be parsed or is not a valid resource
              66  a named input does not exist or cannot be read
              69  the cluster is unreachable or no kubeconfig was found; with --live, the
                  gateway pod or its Envoy admin port
              74  the output could not be written (e.g. a full disk)
              1   internal error (a bug: please report it; -v prints the stack trace),
                  or out of memory (raise the heap with GWCTL_JAVA_OPTS=-Xmx...)
            When several apply, the first in this order wins: 74, 64, 69, 66, 65, 79, 0.""";

    private ExitCodes() {
    }

    /** The code that wins when a run ends with both {@code a} and {@code b} (see the class comment). */
    public static int combine(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return switch (code) {
            case OK -> 0;
            case FINDINGS -> 1;
            case DATA_ERROR -> 2;
            case NO_INPUT -> 3;
            case UNAVAILABLE -> 4;
            case USAGE -> 5;
            case IO_ERROR -> 6;
            default -> 7;
        };
    }
}
