package io.gwctl.cli;

import java.util.List;
import picocli.CommandLine;

/** The subcommands of a command as users read them in messages: each by its name, not by its aliases. */
public final class Commands {
    private Commands() {
    }

    /** The names of {@code command}'s subcommands, in declaration order, aliases left out. */
    public static List<String> names(CommandLine command) {
        return command.getSubcommands().entrySet().stream()
                .filter(e -> e.getValue().getCommandName().equals(e.getKey())).map(java.util.Map.Entry::getKey)
                .toList();
    }
}
