package io.gwctl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gwctl help [COMMAND...]}: the help of a command at any depth ({@code gwctl help pc route}), where picocli's
 * own help command looks one level down only and prints the parent's help for the rest.
 */
@Command(name = "help", helpCommand = true, usageHelpAutoWidth = false,
        description = "Print the help of a command, e.g. 'gwctl help validate' or 'gwctl help pc route'.")
public final class HelpCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, and its subcommands.")
    private List<String> commands = new ArrayList<>();

    @Override
    public Integer call() {
        CommandLine command = spec.commandLine().getParent();
        List<String> path = new ArrayList<>();
        for (String name : commands) {
            CommandLine sub = command.getSubcommands().get(name);
            if (sub == null) {
                throw new ParameterException(spec.commandLine(), "unknown command '" + String.join(" ", path)
                        + (path.isEmpty() ? "" : " ") + name + "': " + (path.isEmpty() ? "gwctl" : "gwctl "
                        + String.join(" ", path)) + " has " + String.join(", ", Commands.names(command)));
            }
            path.add(name);
            command = sub;
        }
        command.usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
