package io.gwctl.cli.options;

import picocli.CommandLine.Option;

/**
 * {@code -v}: diagnostics on standard error (stack traces of errors, skipped files and kinds, skipped checks).
 * Short name only, because {@code proxy-config --verbose} is istioctl's table-column flag (spec §1).
 */
public final class VerbosityOptions {
    @Option(names = "-v", description = "Verbose diagnostics on stderr: stack traces for errors, counts of skipped "
            + "files and kinds, checks skipped and why.")
    private boolean verbose;

    public boolean verbose() {
        return verbose;
    }
}
