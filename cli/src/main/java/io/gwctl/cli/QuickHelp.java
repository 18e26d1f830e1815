package io.gwctl.cli;

import io.gwctl.model.Printable;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code gwctl --help} (or {@code -h}) without picocli: the root command's help as picocli prints it without
 * colour, kept as a resource ({@value #RESOURCE}) that {@code QuickHelpTest} checks against picocli's own output
 * (and rewrites with {@code -Dgwctl.update-golden=true}). Building the command model for it cost three quarters of
 * the run. Used only when picocli would print that same text: standard output is not a console (so picocli's
 * {@code Ansi.AUTO} is off) and neither {@code CLICOLOR_FORCE} nor {@code -Dpicocli.ansi} asks for colour; otherwise
 * picocli prints the help itself. {@code gwctl --version} (or {@code -V}) alone is the version line, which has no
 * markup for colour to change: {@link BuildInfo#line()} and a line break, as picocli prints the version provider's
 * line (half the time of building the model for it).
 */
final class QuickHelp {
    static final String RESOURCE = "help/gwctl.txt";

    private QuickHelp() {
    }

    /** Whether this command line is the root's help and picocli would print it without colour. */
    static boolean applies(String[] args) {
        return args.length == 1 && (args[0].equals("--help") || args[0].equals("-h")) && System.console() == null
                && System.getenv("CLICOLOR_FORCE") == null && System.getProperty("picocli.ansi") == null;
    }

    /** Whether this command line is the root's {@code --version} alone, whose line has no markup or format. */
    static boolean appliesToVersion(String[] args) {
        if (args.length != 1 || !(args[0].equals("--version") || args[0].equals("-V"))) {
            return false;
        }
        String line = BuildInfo.LOADED.line();
        return !line.contains("@|") && !line.contains("%");
    }

    /** Writes the help to standard output; returns the exit code (74 when it cannot be written, as Main does). */
    static int print() {
        try (InputStream in = QuickHelp.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return -1;
            }
            return write(in.readAllBytes());
        } catch (IOException e) {
            return failed(e);
        }
    }

    /** Writes the version line to standard output; returns the exit code as {@link #print()} does. */
    static int printVersion() {
        return write((BuildInfo.LOADED.line() + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
    }

    private static int write(byte[] text) {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        try {
            out.write(text);
            out.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            return failed(e);
        }
    }

    private static int failed(IOException e) {
        if (CheckedWriter.isBrokenPipe(e)) {
            return ExitCodes.OK;
        }
        System.err.println("gwctl: cannot write the output: "
                + Printable.escape(String.valueOf(e.getMessage())).toLowerCase(Locale.ROOT));
        return ExitCodes.IO_ERROR;
    }
}
