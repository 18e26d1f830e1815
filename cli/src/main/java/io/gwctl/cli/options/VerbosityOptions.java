package io.gwctl.cli.options;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code -v}: diagnostics on standard error (stack traces of errors, skipped files and kinds, skipped checks).
 * Short name only, because {@code proxy-config --verbose} is istioctl's table-column flag (spec §1).
 */
// No @Command methods here: picocli need not look through every method for them (start-up).
@Command(addMethodSubcommands = false)
public final class VerbosityOptions {
    @Option(names = "-v", description = "Verbose diagnostics on stderr: stack traces for errors, counts of skipped "
            + "files and kinds, checks skipped and why.")
    private boolean verbose;

    public boolean verbose() {
        return verbose;
    }
}
