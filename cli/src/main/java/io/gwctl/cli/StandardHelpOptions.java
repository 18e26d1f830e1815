package io.gwctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code -h}/{@code --help} and {@code -V}/{@code --version} of every command, as picocli's
 * {@code mixinStandardHelpOptions} declares them. A mixin of its own because picocli's looks through every method of
 * its class and of {@code Object} for {@code @Command} methods, parsing their annotations, for each command built:
 * about 9 ms of each start-up. {@code addMethodSubcommands = false} tells it there are none here.
 */
@Command(addMethodSubcommands = false)
public final class StandardHelpOptions {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    private boolean version;
}
