package io.gwctl.cli.completion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;

/**
 * Writes the bash and zsh completion scripts of a picocli command tree. Both share one generated function in the
 * common subset of the two shells, {@code __NAME_classify WORD...}, which reads the words up to the cursor (the
 * last is the one completed) and says what to offer: option names, subcommands, fixed values, file names, names
 * from {@code NAME __complete}, or nothing. Each shell then has a small driver that turns that answer into its own
 * completion calls ({@code COMPREPLY} and {@code compgen -f} in bash, {@code compadd} and {@code _files} in zsh), so
 * file names are offered exactly where a file is expected and nowhere else.
 */
final class PosixScript {
    private final String command;
    /** Prefix of the shell functions, unique per command. */
    private final String fn;
    /** "path|word" patterns that enter a subcommand, to the subcommand's path. */
    private final Map<String, String> transitions = new LinkedHashMap<>();
    /** "path|option" keys of options that take a value, grouped by what their value completes to. */
    private final Map<String, List<String>> valueOptions = new LinkedHashMap<>();
    /** Option name to what it does in each command that has it ("flag" for a flag). */
    private final Map<String, Set<String>> meanings = new LinkedHashMap<>();
    /** "path|index" patterns of positional parameters, grouped by what they complete to. */
    private final Map<String, List<String>> positionals = new LinkedHashMap<>();
    /** Path to its option names, and to its subcommand names. */
    private final Map<String, List<String>> optionNames = new LinkedHashMap<>();
    private final Map<String, List<String>> subcommandNames = new LinkedHashMap<>();

    PosixScript(CommandSpec root) {
        this.command = root.name();
        this.fn = "__" + command.replaceAll("[^A-Za-z0-9_]", "_");
        walk(root, "");
    }

    /** The bash script: the shared function and bash's driver, registered with {@code complete -F}. */
    String bash() {
        return "# bash completion for " + command + ", generated from its command tree: do not edit.\n"
                + "#\n"
                + "# Load it with\n"
                + "#   source <(" + command + " completion bash)\n"
                + "# or save it as /etc/bash_completion.d/" + command + ".\n"
                + classify()
                + dynamic()
                + "\n_" + fnSuffix() + "() {\n"
                + "    local cur=${COMP_WORDS[COMP_CWORD]} c\n"
                + "    local -a line=(\"${COMP_WORDS[@]:0:COMP_CWORD+1}\")\n"
                + "    # bash splits --option=value at the = (COMP_WORDBREAKS): the value is the option's\n"
                + "    if [[ $cur == = && ${COMP_WORDS[COMP_CWORD-1]} == -* ]]; then\n"
                + "        cur=\n"
                + "        line=(\"${COMP_WORDS[@]:0:COMP_CWORD}\" '')\n"
                + "    elif [[ $COMP_CWORD -ge 2 && ${COMP_WORDS[COMP_CWORD-1]} == = \\\n"
                + "            && ${COMP_WORDS[COMP_CWORD-2]} == -* ]]; then\n"
                + "        line=(\"${COMP_WORDS[@]:0:COMP_CWORD-1}\" \"$cur\")\n"
                + "    fi\n"
                + "    COMPREPLY=()\n"
                + "    " + fn + "_classify \"${line[@]}\"\n"
                + "    case $" + fn + "_kind in\n"
                + "        files)\n"
                + "            # -o filenames: quote what needs it and mark directories with a slash\n"
                + "            compopt -o filenames 2>/dev/null\n"
                + "            local IFS=$'\\n'\n"
                + "            COMPREPLY=($(compgen -f -- \"$cur\"))\n"
                + "            for c in $" + fn + "_words; do\n"
                + "                [[ $c == \"$cur\"* ]] && COMPREPLY+=(\"$c\")\n"
                + "            done ;;\n"
                + "        words)\n"
                + "            for c in $" + fn + "_words; do\n"
                + "                [[ $c == \"$cur\"* ]] && COMPREPLY+=(\"$c\")\n"
                + "            done ;;\n"
                + "        dynamic)\n"
                + "            while IFS= read -r c; do\n"
                + "                [[ -n $c && $c == \"$cur\"* ]] && COMPREPLY+=(\"$c\")\n"
                + "            done < <(" + fn + "_dynamic \"${line[0]}\" \"$" + fn + "_what\""
                + " \"${line[@]:1:${#line[@]}-2}\") ;;\n"
                + "    esac\n"
                + "    return 0\n"
                + "}\n"
                + "\ncomplete -F _" + fnSuffix() + " " + command + "\n";
    }

    /** The zsh script: the shared function and zsh's driver, registered with {@code compdef}. */
    String zsh() {
        return "#compdef " + command + "\n"
                + "# zsh completion for " + command + ", generated from its command tree: do not edit.\n"
                + "#\n"
                + "# Load it from ~/.zshrc with\n"
                + "#   source <(" + command + " completion zsh)\n"
                + "# (it loads compinit when it is not loaded yet), or save it as _" + fnSuffix()
                + " in a directory of $fpath.\n"
                + classify()
                + dynamic()
                + "\n_" + fnSuffix() + "() {\n"
                + "    emulate -L zsh\n"
                + "    local -a candidates line=(\"${(@)words[1,CURRENT]}\")\n"
                + "    # zsh keeps --option=value as one word: the part after the first = is the option's value\n"
                + "    if [[ $PREFIX == -*=* ]]; then\n"
                + "        line[-1]=${PREFIX%%=*}\n"
                + "        line+=(\"${PREFIX#*=}\")\n"
                + "        IPREFIX+=${PREFIX%%=*}=\n"
                + "        PREFIX=${PREFIX#*=}\n"
                + "    fi\n"
                + "    " + fn + "_classify \"${line[@]}\"\n"
                + "    case $" + fn + "_kind in\n"
                + "        files)\n"
                + "            # the words first: a real zsh added nothing after a _files that found no file\n"
                + "            candidates=(${=" + fn + "_words})\n"
                + "            (( $#candidates )) && compadd -a candidates\n"
                + "            _files\n"
                + "            return 0 ;;\n"
                + "        words)\n"
                + "            candidates=(${=" + fn + "_words})\n"
                + "            compadd -a candidates ;;\n"
                + "        dynamic)\n"
                + "            candidates=(${(f)\"$(" + fn + "_dynamic \"$words[1]\" \"$" + fn + "_what\""
                + " \"${(@)words[2,CURRENT-1]}\")\"})\n"
                + "            compadd -a candidates ;;\n"
                + "        *) return 1 ;;\n"
                + "    esac\n"
                + "}\n"
                + "\nif [ \"$funcstack[1]\" = _" + fnSuffix() + " ]; then\n"
                + "    # autoloaded from a directory of $fpath as _" + fnSuffix() + ": this is the first completion\n"
                + "    _" + fnSuffix() + " \"$@\"\n"
                + "else\n"
                + "    if ! (( $+functions[compdef] )); then\n"
                + "        autoload -Uz compinit && compinit -i\n"
                + "    fi\n"
                + "    compdef _" + fnSuffix() + " " + command + "\n"
                + "fi\n";
    }

    private String fnSuffix() {
        return fn.substring(2);
    }

    private void walk(CommandSpec spec, String path) {
        List<String> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            options.addAll(List.of(o.names()));
            ValueCompletion v = ValueCompletion.of(o, spec);
            boolean flag = v.kind() == ValueCompletion.Kind.FLAG;
            for (String name : o.names()) {
                meanings.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(flag ? "flag" : action(v));
                if (!flag) {
                    valueOptions.computeIfAbsent(action(v), k -> new ArrayList<>()).add(path + "|" + name);
                }
            }
        }
        optionNames.put(path, options);
        for (PositionalParamSpec p : spec.positionalParameters()) {
            ValueCompletion v = ValueCompletion.of(p, spec);
            if (!p.hidden() && v.kind() != ValueCompletion.Kind.NOTHING) {
                // help's COMMAND... is offered the parent's commands for its first word only
                Range index = spec.helpCommand() ? Range.valueOf("0") : p.index();
                positionals.computeIfAbsent(action(v), k -> new ArrayList<>()).addAll(indexes(path, index));
            }
        }
        List<String> names = new ArrayList<>();
        for (CommandLine sub : FishScript.uniqueSubcommands(spec)) {
            CommandSpec s = sub.getCommandSpec();
            String childPath = (path + " " + s.name()).trim();
            for (String name : s.names()) {
                names.add(name);
                transitions.put(path + "|" + name, childPath);
            }
        }
        if (!names.isEmpty()) {
            subcommandNames.put(path, names);
        }
        for (CommandLine sub : FishScript.uniqueSubcommands(spec)) {
            walk(sub.getCommandSpec(), (path + " " + sub.getCommandSpec().name()).trim());
        }
    }

    /** The "path|N" patterns of a positional's index range; "path|*" for a range open from 0. */
    private static List<String> indexes(String path, Range index) {
        List<String> out = new ArrayList<>();
        if ((index.isUnspecified() || index.max() == Integer.MAX_VALUE) && index.min() == 0) {
            out.add(path + "|*"); // any count: patterns() leaves the star unquoted
            return out;
        }
        int max = index.max() == Integer.MAX_VALUE ? index.min() + 20 : index.max();
        for (int i = index.min(); i <= max; i++) {
            out.add(path + "|" + i);
        }
        return out;
    }

    /** The shell statements that set the answer for a value completed as {@code v}. */
    private String action(ValueCompletion v) {
        return switch (v.kind()) {
            case FILES -> fn + "_kind=files" + (v.words().isEmpty() ? ""
                    : " " + fn + "_words=" + quote(String.join(" ", v.words())));
            case WORDS -> fn + "_kind=words " + fn + "_words=" + quote(String.join(" ", v.words()));
            case DYNAMIC -> fn + "_kind=dynamic " + fn + "_what=" + v.dynamic().word();
            case FLAG, NOTHING -> fn + "_kind=none";
        };
    }

    private String classify() {
        StringBuilder b = new StringBuilder();
        b.append("\n# ").append(fn)
                .append("_classify WORD...: the words of the command line up to the cursor, the last\n")
                .append("# being the one completed. Sets ").append(fn).append("_kind to what to offer for it: words (")
                .append(fn).append("_words,\n")
                .append("# separated by spaces), files, dynamic (the output of '").append(command)
                .append(" __complete $").append(fn).append("_what ...') or none.\n")
                .append(fn).append("_classify() {\n")
                .append("    local sub= want= nth=0 w\n")
                .append("    shift\n")
                .append("    while [ $# -gt 1 ]; do\n")
                .append("        w=$1\n")
                .append("        shift\n")
                .append("        if [ -n \"$want\" ]; then\n")
                .append("            want=\n")
                .append("            continue\n")
                .append("        fi\n")
                .append("        case $w in\n")
                .append("            -*=*) ;;\n")
                .append("            -*)\n")
                .append("                case \"$sub|$w\" in\n");
        List<String> all = new ArrayList<>();
        valueOptions.values().forEach(keys -> all.addAll(anyCommand(keys)));
        if (!all.isEmpty()) {
            b.append("                    ").append(patterns(all)).append(") want=$w ;;\n");
        }
        b.append("                esac ;;\n")
                .append("            *)\n")
                .append("                case \"$sub|$w\" in\n");
        Map<String, List<String>> byTarget = new LinkedHashMap<>();
        transitions.forEach((from, to) -> byTarget.computeIfAbsent(to, k -> new ArrayList<>()).add(from));
        byTarget.forEach((to, froms) -> b.append("                    ").append(patterns(froms))
                .append(") sub=").append(quote(to)).append(" nth=0 ;;\n"));
        b.append("                    *) nth=$((nth + 1)) ;;\n")
                .append("                esac ;;\n")
                .append("        esac\n")
                .append("    done\n")
                .append("    ").append(fn).append("_kind=none ").append(fn).append("_words= ").append(fn)
                .append("_what=\n")
                .append("    if [ -n \"$want\" ]; then\n")
                .append("        case \"$sub|$want\" in\n");
        valueOptions.forEach((action, keys) -> b.append("            ").append(patterns(anyCommand(keys)))
                .append(") ").append(action).append(" ;;\n"));
        b.append("        esac\n")
                .append("        return 0\n")
                .append("    fi\n")
                .append("    case $1 in\n")
                .append("        -*)\n")
                .append("            ").append(fn).append("_kind=words\n")
                .append("            case $sub in\n");
        optionNames.forEach((path, names) -> {
            if (!names.isEmpty()) {
                b.append("                ").append(quote(path)).append(") ").append(fn).append("_words=")
                        .append(quote(String.join(" ", names))).append(" ;;\n");
            }
        });
        b.append("            esac\n")
                .append("            return 0 ;;\n")
                .append("    esac\n")
                .append("    case \"$sub|$nth\" in\n");
        positionals.forEach((action, keys) -> b.append("        ").append(patterns(keys)).append(") ")
                .append(action).append(" ;;\n"));
        b.append("        *)\n")
                .append("            case $sub in\n");
        subcommandNames.forEach((path, names) -> b.append("                ").append(quote(path)).append(") ")
                .append(fn).append("_kind=words ").append(fn).append("_words=")
                .append(quote(String.join(" ", names))).append(" ;;\n"));
        b.append("            esac ;;\n")
                .append("    esac\n")
                .append("}\n");
        return b.toString();
    }

    private String dynamic() {
        return "\n# " + fn + "_dynamic COMMAND WHAT WORD...: the candidates '" + command
                + " __complete' prints for WHAT,\n"
                + "# given the words typed so far; silent and empty when it fails or is not found.\n"
                + fn + "_dynamic() {\n"
                + "    local cmd=$1\n"
                + "    shift\n"
                + "    case $cmd in\n"
                + "        '~/'*) cmd=$HOME/${cmd#'~/'} ;;\n"
                + "    esac\n"
                + "    command -v \"$cmd\" >/dev/null 2>&1 || cmd=" + command + "\n"
                + "    command -v \"$cmd\" >/dev/null 2>&1 || return 0\n"
                + "    \"$cmd\" __complete \"$@\" 2>/dev/null </dev/null\n"
                + "}\n";
    }

    /**
     * The "path|option" keys, with those of an option that means the same in every command that has it written
     * once as "*|option" (any command): the script stays short, and reads as the options do.
     */
    private List<String> anyCommand(List<String> keys) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            String name = key.substring(key.indexOf('|') + 1);
            String shared = "*|" + name;
            if (meanings.get(name).size() > 1) {
                out.add(key);
            } else if (!out.contains(shared)) {
                out.add(shared);
            }
        }
        return out;
    }

    /** {@code 'a'|'b'}: case patterns matching exactly these strings. */
    private static String patterns(List<String> keys) {
        List<String> quoted = new ArrayList<>();
        for (String k : keys) {
            if (k.startsWith("*|")) {
                quoted.add("*" + quote(k.substring(1)));
            } else {
                quoted.add(k.endsWith("|*") ? quote(k.substring(0, k.length() - 1)) + "*" : quote(k));
            }
        }
        return String.join("|", quoted);
    }

    /** A POSIX single-quoted string. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
