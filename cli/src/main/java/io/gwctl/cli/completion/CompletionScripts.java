package io.gwctl.cli.completion;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Shell completion scripts for a picocli command tree ({@code gwctl completion bash|zsh|fish} and the build-time
 * generator in module {@code completions}): always generated from the tree, never edited by hand (STYLE.md §7).
 */
public final class CompletionScripts {
    /** The shells a script can be generated for, as users name them. */
    public static final List<String> SHELLS = List.of("bash", "zsh", "fish");

    private CompletionScripts() {
    }

    /** The script for {@code shell} ({@code bash}, {@code zsh} or {@code fish}, case-insensitive). */
    public static String script(String shell, CommandLine root) {
        String s = shell == null ? "" : shell.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "bash" -> bash(root);
            case "zsh" -> zsh(root);
            case "fish" -> fish(root);
            default -> throw new IllegalArgumentException(
                    "unknown shell \"" + shell + "\": valid values are " + String.join(", ", SHELLS));
        };
    }

    /**
     * The bash script: subcommands, options, fixed values, file names where a file is expected, names from
     * {@code gwctl __complete} where gwctl can look them up, and nothing elsewhere; load it with
     * {@code source <(gwctl completion bash)}.
     */
    public static String bash(CommandLine root) {
        return new PosixScript(root.getCommandSpec()).bash();
    }

    /**
     * The zsh script: the same answers as bash's ({@link PosixScript}), given to zsh's {@code compadd} and
     * {@code _files}; load it with {@code source <(gwctl completion zsh)} from {@code ~/.zshrc}.
     */
    public static String zsh(CommandLine root) {
        return new PosixScript(root.getCommandSpec()).zsh();
    }

    /**
     * The fish script: subcommands, options with their descriptions, enum and other candidate values, and file
     * completion where an option or parameter takes a file; load it with {@code gwctl completion fish | source}
     * or save it as {@code ~/.config/fish/completions/gwctl.fish}.
     */
    public static String fish(CommandLine root) {
        return new FishScript(root.getCommandSpec()).render();
    }
}
