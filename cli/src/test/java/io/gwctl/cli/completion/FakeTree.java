package io.gwctl.cli.completion;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A small command tree shaped like gwctl's (nested subcommands, aliases, enums, files, a hidden option). */
@Command(name = "gwfake", mixinStandardHelpOptions = true, description = "A fake gwctl.",
        subcommands = {FakeTree.ProxyConfig.class, FakeTree.Validate.class, HelpCommand.class})
final class FakeTree {
    enum Level { Info, Warning, Error }

    static CommandLine commandLine() {
        return new CommandLine(new FakeTree());
    }

    @Command(name = "proxy-config", aliases = "pc", description = "Print the gateway's listeners and routes.",
            subcommands = {Listener.class, Route.class})
    static final class ProxyConfig {
    }

    @Command(name = "listener", aliases = {"listeners", "l"}, description = "Print listeners.")
    static final class Listener {
        @Option(names = {"-f", "--filename"}, description = "Manifests to read; - for stdin.")
        List<String> files;
        @Option(names = "--config-dump", paramLabel = "FILE", description = "An Envoy config dump.")
        String dump;
        @Option(names = {"-o", "--output"}, completionCandidates = Formats.class, description = "Output format.")
        String output;
        @Option(names = "--port", description = "Only this port (100%% numeric).")
        int port;
        @Option(names = "--verbose", arity = "0..1", description = "More columns; --verbose=false for fewer.")
        boolean verbose;
    }

    @Command(name = "route", aliases = "routes", description = "Print routes.")
    static final class Route {
        @Option(names = "--name", description = "Only this route config.")
        String name;
        @Parameters(arity = "0..1", description = "The gateway pod.")
        String pod;
    }

    @Command(name = "validate", description = "Lint the manifests.")
    static final class Validate {
        @Option(names = {"-f", "--filename"}, required = true, description = "Manifests.")
        List<Path> files;
        @Option(names = "--failure-threshold", description = "Fail at this level: ${COMPLETION-CANDIDATES}.")
        Level threshold;
        @Option(names = {"-A", "--all-namespaces"}, description = "Analyse all namespaces.")
        boolean all;
        @Option(names = "--debug-internals", hidden = true)
        boolean internals;
        @Parameters(description = "More manifests.")
        List<File> more;
    }

    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("short", "json", "yaml").iterator();
        }
    }
}
