package io.gwctl.cli.completion;

import io.gwctl.cli.diff.GatewayDiffCommand;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What the shells offer for the value of one option or positional parameter: the one place that decides it, so the
 * bash, zsh and fish scripts agree. File names for the options that read a file or directory, the fixed candidates of
 * an option that has them, names asked of {@code gwctl __complete} ({@link Dynamic}) for the options that name
 * something gwctl can look up, and nothing at all for any other value (a port, a URL, a token).
 */
record ValueCompletion(Kind kind, List<String> words, Dynamic dynamic) {
    /** How a value is completed. */
    enum Kind {
        /** An option without a value, or with an optional one ({@code --verbose[=BOOL]}): the next word is free. */
        FLAG,
        /** File and directory names, and the {@link #words} beside them ({@code cluster:} for a diff side). */
        FILES,
        /** A fixed list of candidates ({@link #words}). */
        WORDS,
        /** Names that {@code gwctl __complete} looks up ({@link #dynamic}). */
        DYNAMIC,
        /** A value nothing can be offered for: no candidates, and no file names either. */
        NOTHING
    }

    /** The names {@code gwctl __complete WHAT} looks up, by their protocol word (docs/completion.md). */
    enum Dynamic {
        /** Gateway workloads, the proxy-config argument: {@code deploy/NAME.NAMESPACE}, {@code pod/NAME.NAMESPACE}. */
        WORKLOAD,
        /** Namespaces. */
        NAMESPACE,
        /** Contexts of the kubeconfig. */
        CONTEXT,
        /** Route configuration names ({@code pc route --name}). */
        ROUTE;

        /** The word of the protocol, e.g. {@code namespace}. */
        String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The value named by a protocol word, or null. */
        static Dynamic of(String word) {
            for (Dynamic d : values()) {
                if (d.word().equals(word)) {
                    return d;
                }
            }
            return null;
        }
    }

    static final ValueCompletion FLAG = new ValueCompletion(Kind.FLAG, List.of(), null);
    static final ValueCompletion FILES = new ValueCompletion(Kind.FILES, List.of(), null);
    static final ValueCompletion NOTHING = new ValueCompletion(Kind.NOTHING, List.of(), null);

    ValueCompletion {
        words = List.copyOf(words);
    }

    private static ValueCompletion dynamic(Dynamic d) {
        return new ValueCompletion(Kind.DYNAMIC, List.of(), d);
    }

    /** How the value of {@code a}, an option or a positional parameter of {@code command}, is completed. */
    static ValueCompletion of(ArgSpec a, CommandSpec command) {
        if (a.arity().max() == 0 || (a.isOption() && a.arity().min() == 0)) {
            return FLAG;
        }
        if (a instanceof OptionSpec o) {
            Dynamic d = dynamicOption(o);
            if (d != null) {
                return dynamic(d);
            }
        } else if (command.parent() != null && command.parent().name().equals("proxy-config")) {
            // listener, route, diff and all take the gateway workload as their argument
            return dynamic(Dynamic.WORKLOAD);
        } else if (a instanceof PositionalParamSpec p && command.name().equals("diff") && command.parent() != null
                && command.parent().parent() == null) {
            // gwctl diff BASE HEAD [WORKLOAD]: each side is a file, a directory, - or the live cluster
            return p.index().min() <= 1
                    ? new ValueCompletion(Kind.FILES, List.of(GatewayDiffCommand.CLUSTER_SIDE), null) : NOTHING;
        } else if (command.helpCommand() && command.parent() != null) {
            // gwctl help COMMAND: the commands of the help command's parent (the scripts offer them first only)
            List<String> names = new ArrayList<>();
            FishScript.uniqueSubcommands(command.parent()).forEach(c -> names.add(c.getCommandName()));
            return new ValueCompletion(Kind.WORDS, names, null);
        }
        if (takesFiles(a)) {
            return FILES;
        }
        List<String> candidates = new ArrayList<>();
        if (a.completionCandidates() != null) {
            a.completionCandidates().forEach(candidates::add);
        }
        return candidates.isEmpty() ? NOTHING : new ValueCompletion(Kind.WORDS, candidates, null);
    }

    /** The options whose values gwctl can look up, by name (kubectl's and istioctl's names for them). */
    private static Dynamic dynamicOption(OptionSpec o) {
        return switch (o.longestName()) {
            case "--namespace", "--istio-namespace" -> Dynamic.NAMESPACE;
            case "--context" -> Dynamic.CONTEXT;
            case "--name" -> Dynamic.ROUTE;
            default -> null;
        };
    }

    /**
     * True for File/Path values, for {@code -f/--filename} (manifests, or {@code -} for stdin) and for values
     * labelled FILE, DIR or PATH ({@code --config-dump FILE}, {@code --kubeconfig FILE}, {@code --sarif-root DIR}).
     */
    private static boolean takesFiles(ArgSpec a) {
        List<Class<?>> types = new ArrayList<>(Arrays.asList(a.auxiliaryTypes()));
        types.add(a.type());
        if (types.stream().anyMatch(t -> t == File.class || Path.class.isAssignableFrom(t))) {
            return true;
        }
        if (a instanceof OptionSpec o && Arrays.asList(o.names()).contains("-f")) {
            return true;
        }
        String label = a.paramLabel() == null ? "" : a.paramLabel();
        return label.contains("FILE") || label.contains("DIR") || label.contains("PATH");
    }
}
