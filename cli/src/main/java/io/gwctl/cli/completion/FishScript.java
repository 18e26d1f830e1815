package io.gwctl.cli.completion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes a fish completion script by walking a picocli {@link CommandSpec}: fish has no bash compatibility layer,
 * so the tree is translated into {@code complete} commands guarded by "which subcommands were typed" conditions.
 */
final class FishScript {
    private final CommandSpec root;
    private final String command;
    /** Prefix of the helper functions, unique per command so two tools' scripts do not clash. */
    private final String fn;
    /** "parent path|typed token" (a name or an alias) to the canonical subcommand path, for the path function. */
    private final Map<String, String> transitions = new LinkedHashMap<>();
    /** Options that consume the next token, which must then not be read as a subcommand. */
    private final Set<String> valueOptions = new LinkedHashSet<>();
    private final List<String> completions = new ArrayList<>();

    FishScript(CommandSpec root) {
        this.root = root;
        this.command = root.name();
        this.fn = "__" + command.replaceAll("[^A-Za-z0-9_]", "_");
    }

    String render() {
        walk(root, "");
        StringBuilder b = new StringBuilder();
        b.append("# fish completion for ").append(command).append(", generated from its command tree: do not edit.\n")
                .append("#\n")
                .append("# Load it with\n")
                .append("#   ").append(command).append(" completion fish | source\n")
                .append("# or save it as ~/.config/fish/completions/").append(command).append(".fish\n\n");
        b.append("function ").append(fn).append("_subcommand_path")
                .append(" --description 'The subcommands typed so far, by their main names'\n")
                .append("    set -l path ''\n")
                .append("    set -l skip_next 0\n")
                .append("    for token in (commandline -opc)[2..-1]\n")
                .append("        if test $skip_next -eq 1\n")
                .append("            set skip_next 0\n")
                .append("            continue\n")
                .append("        end\n")
                .append("        switch \"$path|$token\"\n");
        Map<String, List<String>> byTarget = new LinkedHashMap<>();
        transitions.forEach((from, to) -> byTarget.computeIfAbsent(to, k -> new ArrayList<>()).add(from));
        byTarget.forEach((to, froms) -> {
            b.append("            case");
            froms.forEach(f -> b.append(' ').append(quote(f)));
            b.append("\n                set path ").append(quote(to)).append('\n');
        });
        b.append("            case '*'\n");
        if (!valueOptions.isEmpty()) {
            b.append("                if contains -- $token");
            valueOptions.forEach(o -> b.append(' ').append(quote(o)));
            b.append("\n                    set skip_next 1\n")
                    .append("                end\n");
        }
        b.append("        end\n")
                .append("    end\n")
                .append("    echo $path\n")
                .append("end\n\n");
        b.append("function ").append(fn).append("_at")
                .append(" --description 'True when exactly the subcommands given as arguments were typed'\n")
                .append("    set -l path (").append(fn).append("_subcommand_path)\n")
                .append("    test \"$path\" = \"$argv\"\n")
                .append("end\n\n");
        b.append("function ").append(fn).append("_dynamic --argument-names what")
                .append(" --description 'The names ").append(command).append(" __complete prints for WHAT'\n")
                .append("    set -l words (commandline -opc)\n")
                .append("    set -l cmd $words[1]\n")
                .append("    command -q $cmd; or set cmd ").append(command).append('\n')
                .append("    command -q $cmd; or return 0\n")
                .append("    # each name described by what it is (a namespace, a context, ...)\n")
                .append("    $cmd __complete $what $words[2..-1] 2>/dev/null </dev/null")
                .append(" | string replace -r '$' \"\\t$what\"\n")
                .append("end\n\n");
        b.append("# No file names unless an option or parameter takes a file.\n");
        b.append("complete -c ").append(command).append(" -f\n");
        completions.forEach(c -> b.append(c).append('\n'));
        return b.toString();
    }

    private void walk(CommandSpec spec, String path) {
        String condition = quote((fn + "_at " + path).trim());
        String prefix = "complete -c " + command + " -n " + condition;
        completions.add("");
        completions.add("# " + (command + " " + path).trim());
        for (CommandLine sub : uniqueSubcommands(spec)) {
            CommandSpec s = sub.getCommandSpec();
            String childPath = (path + " " + s.name()).trim();
            for (String name : s.names()) {
                transitions.put(path + "|" + name, childPath);
                completions.add(prefix + " -a " + quote(name) + description(s.usageMessage().description()));
            }
        }
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                completions.add(prefix + optionNames(o) + description(o.description()) + values(o, spec));
                if (o.arity().min() > 0) {
                    valueOptions.addAll(Arrays.asList(o.names()));
                }
            }
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                String values = values(p, spec);
                if (!values.isEmpty()) {
                    // help's COMMAND... is offered the parent's commands for its first word only: the tokens
                    // before the cursor are then the program and the path
                    String at = spec.helpCommand() ? "complete -c " + command + " -n " + quote((fn + "_at "
                            + path).trim() + "; and test (count (commandline -opc)) -eq "
                            + (path.split(" ").length + 1)) : prefix;
                    completions.add(at + description(p.description()) + values);
                }
            }
        }
        for (CommandLine sub : uniqueSubcommands(spec)) {
            walk(sub.getCommandSpec(), (path + " " + sub.getCommandSpec().name()).trim());
        }
    }

    /** Subcommands once each (picocli lists a subcommand under every alias), hidden ones left out. */
    static List<CommandLine> uniqueSubcommands(CommandSpec spec) {
        Map<CommandLine, Boolean> seen = new IdentityHashMap<>();
        List<CommandLine> subs = new ArrayList<>();
        for (CommandLine sub : spec.subcommands().values()) {
            if (seen.put(sub, Boolean.TRUE) == null && !sub.getCommandSpec().usageMessage().hidden()) {
                subs.add(sub);
            }
        }
        return subs;
    }

    /** {@code -s o -l output}: fish's flags for short, long and old-style (single dash, long) names. */
    private static String optionNames(OptionSpec o) {
        StringBuilder b = new StringBuilder();
        for (String name : o.names()) {
            if (name.startsWith("--")) {
                b.append(" -l ").append(quote(name.substring(2)));
            } else if (name.startsWith("-") && name.length() == 2) {
                b.append(" -s ").append(quote(name.substring(1)));
            } else if (name.startsWith("-")) {
                b.append(" -o ").append(quote(name.substring(1)));
            }
        }
        return b.toString();
    }

    /**
     * What follows an option or parameter ({@link ValueCompletion}): nothing for a flag or an optional value, files
     * ({@code -r -F}), fixed candidates ({@code -x -a '...'}), names from {@code gwctl __complete}
     * ({@code -x -a '(fn_dynamic WHAT)'}), any other value ({@code -x}: required, and no file names, which fish
     * would otherwise offer for it).
     */
    private String values(ArgSpec a, CommandSpec spec) {
        ValueCompletion v = ValueCompletion.of(a, spec);
        String required = a.isOption() ? " -x" : "";
        return switch (v.kind()) {
            // A flag, or an optional value (--verbose[=false]): fish must not wait for an argument after it.
            case FLAG -> "";
            case FILES -> (a.isOption() ? " -r" : "") + " -F"
                    + (v.words().isEmpty() ? "" : " -a " + quote(String.join(" ", v.words())));
            case WORDS -> required + " -a " + quote(String.join(" ", v.words()));
            case DYNAMIC -> required + " -a " + quote("(" + fn + "_dynamic " + v.dynamic().word() + ")");
            case NOTHING -> required;
        };
    }

    /** {@code  -d '...'}: the first line of the description, without picocli markup and format escapes. */
    private static String description(String[] lines) {
        if (lines == null || lines.length == 0 || lines[0].isBlank()) {
            return "";
        }
        String text = CommandLine.Help.Ansi.OFF.string(lines[0]).replace("%n", " ").replace("%%", "%").trim();
        return " -d " + quote(text);
    }

    /** A fish single-quoted string: only backslash and single quote need escaping there. */
    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
