package io.gwctl.cli.shell;

import io.gwctl.cli.Environment;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.GwctlException;
import io.gwctl.cli.LoadedInputs;
import io.gwctl.model.Printable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The read-run loop of {@code gwctl shell}: each line is a gwctl command line without "gwctl", run on the inputs
 * the session holds ({@link LoadedInputs}); {@code reload} reads them again, {@code exit}/{@code quit} (or end of
 * input, Ctrl-D) end the session. A failing command does not end it: its exit code is printed (interactive) and
 * becomes the session's exit code if it is the last.
 */
final class Shell {
    /** What {@link #execute} returns for exit/quit. */
    private static final int EXIT = -1;

    private final LoadedInputs loaded;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean timing;
    private final CommandRunner runner;
    private final Parser parser = new DefaultParser();

    Shell(Environment env, LoadedInputs loaded, PrintWriter out, PrintWriter err, boolean timing) {
        this.loaded = loaded;
        this.out = out;
        this.err = err;
        this.timing = timing;
        this.runner = new CommandRunner(env, loaded, out, err);
    }

    /**
     * Script mode (standard input is not a terminal): one command a line, no prompt; lines starting with # are
     * comments. The exit code is the last command's, as a POSIX shell's script.
     */
    int script(InputStream in) throws IOException, InterruptedException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int last = ExitCodes.OK;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int code = execute(line, false);
            if (code == EXIT) {
                break;
            }
            last = code;
        }
        return last;
    }

    /**
     * Interactive mode: a JLine prompt with completion ({@link ShellCompleter}) and history in {@code history};
     * Ctrl-C cancels the running command (or clears the line being edited), Ctrl-D ends the session.
     */
    int interactive(Path history, ShellCompleter completer) throws IOException, InterruptedException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().appName("gwctl").terminal(terminal).parser(parser)
                    .completer(completer).variable(LineReader.HISTORY_FILE, history).build();
            // Outside readLine (which handles Ctrl-C itself) the signal means: stop the command, keep the shell.
            terminal.handle(Terminal.Signal.INT, signal -> runner.cancel());
            int last = ExitCodes.OK;
            while (true) {
                String line;
                try {
                    line = reader.readLine("gwctl> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                int code = execute(line, true);
                if (code == EXIT) {
                    break;
                }
                last = code;
            }
            reader.getHistory().save();
            return last;
        }
    }

    /** Runs one line; returns its exit code, {@link ExitCodes#OK} for a blank line, or {@link #EXIT}. */
    int execute(String line, boolean showCode) throws InterruptedException {
        List<String> words = words(line);
        if (words.isEmpty()) {
            return ExitCodes.OK;
        }
        String first = words.get(0);
        if (words.size() == 1 && (first.equals("exit") || first.equals("quit"))) {
            return EXIT;
        }
        long start = System.nanoTime();
        int code = words.size() == 1 && first.equals("reload") ? reload() : runner.run(words);
        if (timing) {
            err.println("gwctl: " + Printable.escape(String.join(" ", words)) + ": "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        if (showCode && code != ExitCodes.OK) {
            err.println("gwctl: exit code " + code);
        }
        err.flush();
        return code;
    }

    /** {@code reload}: reads the inputs again; on failure the ones loaded before stay. */
    private int reload() {
        try {
            loaded.reload();
            out.println("reloaded: " + loaded.result().snapshot().size() + " resources");
            out.flush();
            return loaded.result().exitCode();
        } catch (GwctlException e) {
            err.println("gwctl: " + Printable.escape(e.getMessage()) + " (keeping the inputs loaded before)");
            return e.exitCode();
        }
    }

    /**
     * The words of a line, quoted as in a POSIX shell; a leading "gwctl" is dropped, so that a command copied
     * from the README works as it is. Blank lines and lines starting with # have none.
     */
    private List<String> words(String line) {
        if (line.isBlank() || line.strip().startsWith("#")) {
            return List.of();
        }
        List<String> words = new ArrayList<>(parser.parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE)
                .words());
        if (!words.isEmpty() && words.get(words.size() - 1).isEmpty()) {
            words.remove(words.size() - 1);
        }
        if (!words.isEmpty() && words.get(0).equals("gwctl")) {
            words.remove(0);
        }
        return words;
    }
}
