package io.gwctl.cli.shell;

import io.gwctl.cli.ConfigFile;
import io.gwctl.cli.Environment;
import io.gwctl.cli.GwctlCommand;
import io.gwctl.cli.Inputs;
import io.gwctl.cli.LoadedInputs;
import io.gwctl.cli.Main;
import io.gwctl.cli.options.ClusterOptions;
import io.gwctl.cli.options.InputOptions;
import io.gwctl.cli.options.VerbosityOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gwctl shell}: reads the inputs once and keeps them, translated, in memory; then runs gwctl command lines
 * on them until exit, interactively with completion and history, or line by line from a pipe.
 */
@Command(name = "shell", mixinStandardHelpOptions = true, usageHelpAutoWidth = false,
        description = {
            "Read the inputs once, then run gwctl commands on them (without the 'gwctl' prefix): each later 'pc route',"
                    + " 'pc listener' or 'validate' answers from memory. A command line with its own -f or cluster"
                    + " flags reads those instead. 'reload' reads the inputs again; 'exit', 'quit' or Ctrl-D end the"
                    + " shell; Ctrl-C cancels the running command. On a terminal: completion (Tab) of commands,"
                    + " options, files and the names in the inputs, history in ~/.gwctl_history.",
            "With standard input not a terminal, reads one command a line (# starts a comment) and exits with the"
                    + " exit code of the last command."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gwctl shell -f manifests/",
            "  printf 'pc route\\nvalidate\\n' | gwctl shell -f manifests/"})
public final class ShellCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private InputOptions input;
    @Mixin
    private ClusterOptions cluster;
    @Mixin
    private VerbosityOptions verbosity;

    @Option(names = "--timing", description = "After each command, print on stderr how long it took.")
    private boolean timing;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (GwctlCommand.loadedInputs(spec).isPresent()) {
            throw new ParameterException(spec.commandLine(), "already in a gwctl shell");
        }
        Environment env = GwctlCommand.environment(spec);
        long start = System.nanoTime();
        // .gwctl.yaml is read with the inputs, at each reload too: its ignorePaths decide what the loader reads, for
        // every command of the session, as they do for validate run alone.
        LoadedInputs loaded = new LoadedInputs(() -> Inputs.read(spec, Inputs.source(spec, input, cluster,
                "-f PATH", ConfigFile.read(env, null).exclusions()), input, verbosity.verbose()));
        if (timing) {
            spec.commandLine().getErr().println("gwctl: load: " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        Shell shell = new Shell(env, loaded, spec.commandLine().getOut(), spec.commandLine().getErr(), timing);
        if (!env.stdoutIsTerminal()) {
            return shell.script(env.stdin().get());
        }
        ShellCompleter completer = new ShellCompleter(Main.commandLine(env, loaded).getCommandSpec(), loaded,
                env.fileSystem());
        return shell.interactive(history(env), completer);
    }

    /** {@code ~/.gwctl_history}, HOME from the run's environment. */
    private static Path history(Environment env) {
        String home = env.variable("HOME");
        return Paths.get(home == null ? System.getProperty("user.home") : home, ".gwctl_history");
    }
}
