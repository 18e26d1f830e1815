package io.gwctl.cli;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command tree of one command line, built only as far as that line can reach (start-up: {@code --help},
 * {@code --version} and {@code validate} should not pay for the options, converters and option types of every other
 * command). The root's subcommands are those of {@link GwctlCommand.Full}; one whose name and aliases are none of the
 * line's words is added as a stand-in: a command of the same name, aliases, header, description and visibility, which
 * is all that the root's usage help and error messages read of it, and which nothing can run, because the parser only
 * enters a subcommand named by a word of the line. A line whose first word names a command other than {@code help}
 * gets no stand-ins at all: the root has no options that take a value, so the parser enters that command at once and
 * nothing reads its siblings (each stand-in is a picocli {@code CommandLine}, whose converters alone cost about 2 ms
 * of a start). A line with an {@code @file} argument (picocli reads more words from the file) gets the whole tree.
 */
final class CommandTree {
    private CommandTree() {
    }

    /** The tree {@code args} can reach, rooted at {@code root} (a root without subcommands of its own). */
    static CommandLine forLine(GwctlCommand root, String[] args) {
        Set<String> words = new HashSet<>();
        for (String a : args) {
            if (a.startsWith("@")) {
                return new CommandLine(new GwctlCommand.Full(root.environment(), null));
            }
            if (!a.startsWith("-")) {
                words.add(a);
            }
        }
        CommandLine line = new CommandLine(root);
        boolean first = args.length > 0 && entersOne(args[0]);
        for (Class<?> sub : GwctlCommand.Full.class.getAnnotation(Command.class).subcommands()) {
            Command command = sub.getAnnotation(Command.class);
            if (first && !named(command, Set.of(args[0]))) {
                continue;
            }
            if (named(command, words)) {
                // Built on its own (not by addSubcommand) so that picocli applies its model transformers, as it does
                // to every command of a tree built in one go.
                line.addSubcommand(command.name(), new CommandLine(sub));
            } else {
                line.addSubcommand(command.name(), standIn(sub, command));
            }
        }
        return line;
    }

    /** True when {@code word}, the line's first, names a command other than the help command (which lists them all). */
    private static boolean entersOne(String word) {
        for (Class<?> sub : GwctlCommand.Full.class.getAnnotation(Command.class).subcommands()) {
            Command command = sub.getAnnotation(Command.class);
            if (named(command, Set.of(word))) {
                return !command.helpCommand();
            }
        }
        return false;
    }

    private static boolean named(Command command, Set<String> words) {
        if (words.contains(command.name())) {
            return true;
        }
        for (String alias : command.aliases()) {
            if (words.contains(alias)) {
                return true;
            }
        }
        return false;
    }

    /** A command that shows in its parent's help and messages as {@code cls} does, and cannot run. */
    private static CommandLine standIn(Class<?> cls, Command command) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection((Callable<Integer>) () -> {
            throw new IllegalStateException(cls.getSimpleName() + " was not built for this command line");
        });
        spec.name(command.name()).aliases(command.aliases()).helpCommand(command.helpCommand());
        spec.usageMessage().header(command.header()).description(command.description()).hidden(command.hidden());
        return new CommandLine(spec);
    }
}
