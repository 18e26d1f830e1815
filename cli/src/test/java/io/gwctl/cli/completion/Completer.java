package io.gwctl.cli.completion;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a real shell offers for a command line, through the completion script generated for it: bash through its
 * function with {@code COMP_WORDS} and {@code COMP_CWORD} set; zsh through its function with {@code words} and
 * {@code CURRENT} set and {@code compadd} captured (keeping, as zsh's, the candidates that start with the word),
 * {@code _files} reported as {@value #ZSH_FILES} (zsh's own file completion, which needs a terminal); fish through
 * {@code complete -C}. The last word is the one completed.
 */
record Completer(String shell, Path script, Map<String, String> env, Path dir) {
    /** What the zsh harness prints when the script hands the word to zsh's file completion. */
    static final String ZSH_FILES = "<zsh _files>";

    /** The candidates for {@code line} (words separated by single spaces; a trailing space starts a new word). */
    List<String> complete(String line) throws Exception {
        List<String> words = new ArrayList<>(List.of(line.split(" ", -1)));
        String function = "_" + words.get(0).replaceAll("[^A-Za-z0-9_]", "_");
        String out = switch (shell) {
            case "bash" -> Shell.run(env, dir, "bash", "--norc", "--noprofile", "-c", "source " + quote(script)
                    + "\nCOMP_WORDS=(" + quoteAll(words) + ")\nCOMP_CWORD=" + (words.size() - 1)
                    + "\nCOMP_LINE=" + quote(line) + "\nCOMP_POINT=${#COMP_LINE}\n" + function
                    + "\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n");
            case "zsh" -> Shell.run(env, dir, "zsh", "-f", "-c", "source " + quote(script) + "\n"
                    // compadd keeps the candidates that start with PREFIX (the word, less what the script moved
                    // to IPREFIX), as zsh's does
                    + "compadd() { while [ $# -gt 0 ]; do if [ \"$1\" = -a ]; then shift;"
                    + " print -rl -- \"${(@M)${(@P)1}:#${PREFIX}*}\"; fi; shift; done }\n"
                    + "_files() { print -r -- " + quote(ZSH_FILES) + " }\n"
                    + "words=(" + quoteAll(words) + ")\nCURRENT=${#words}\nPREFIX=${words[CURRENT]} IPREFIX=\n"
                    + function + " || true\n");
            case "fish" -> Shell.run(env, dir, "fish", "--no-config", "-c", "source " + quote(script)
                    + "; complete -C " + quote(line));
            default -> throw new IllegalArgumentException(shell);
        };
        return out.lines().filter(l -> !l.isEmpty()).map(l -> l.split("\t")[0]).toList();
    }

    /**
     * What zsh's real completion system (compinit, {@code _files} included) adds for {@code line} typed with a Tab
     * at its end into an interactive zsh on a pseudo-terminal: zsh-capture.zsh, through zsh's zpty module.
     */
    List<String> zshOnTerminal(String line) throws Exception {
        Path capture = Files.createTempFile("zsh-capture", ".zsh");
        try (InputStream in = Completer.class.getResourceAsStream("zsh-capture.zsh")) {
            Files.write(capture, in.readAllBytes());
            return Shell.run(env, dir, "zsh", "-f", capture.toString(), script.toString(), line).lines()
                    .filter(l -> !l.isBlank()).toList();
        } finally {
            Files.deleteIfExists(capture);
        }
    }

    private static String quoteAll(List<String> words) {
        List<String> q = new ArrayList<>();
        words.forEach(w -> q.add(quote(w)));
        return String.join(" ", q);
    }

    private static String quote(Object s) {
        // single quotes mean the same in the three shells, but for a quote inside them; the tests need none
        String text = s.toString();
        if (text.contains("'")) {
            throw new IllegalArgumentException("no quotes in test command lines: " + text);
        }
        return "'" + text + "'";
    }
}
