package io.gwctl.completions;

import io.gwctl.cli.Environment;
import io.gwctl.cli.Main;
import io.gwctl.cli.completion.CompletionScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Writes gwctl's bash, zsh and fish completion scripts at build time ({@code exec-maven-plugin}, phase
 * {@code process-classes}) into {@code completions/target/completions/}: generated from the command tree on every
 * build, never committed, never edited by hand (STYLE.md §7).
 */
public final class GenerateCompletions {
    private GenerateCompletions() {
    }

    /** Usage: {@code GenerateCompletions OUTPUT_DIR}. */
    public static void main(String... args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: GenerateCompletions OUTPUT_DIR");
        }
        // The same tree 'gwctl completion SHELL' walks, so both print the same scripts.
        write(Main.commandLine(Environment.system()), Path.of(args[0]));
    }

    /** Writes {@code <name>.bash}, {@code <name>.zsh} and {@code <name>.fish} for {@code root} into {@code dir}. */
    public static List<Path> write(CommandLine root, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (String shell : CompletionScripts.SHELLS) {
            Path file = dir.resolve(root.getCommandName() + "." + shell);
            Files.writeString(file, CompletionScripts.script(shell, root), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }
}
