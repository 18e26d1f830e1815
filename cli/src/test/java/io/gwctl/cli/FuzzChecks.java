package io.gwctl.cli;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.gwctl.model.Printable;
import io.gwctl.model.load.LoadProblem;
import io.gwctl.validators.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The properties every fuzz target checks (issue 9, fuzzing), each failing with a message that says which one
 * broke and shows the output: no exception escapes (no {@code gwctl: internal error}, no GW0000 crashed rule, no
 * exit 1),
 * every problem is one line {@code FILE:LINE:COL: message}, and the Secret marker of {@link BadInputOutputTest}
 * never reaches any output.
 */
final class FuzzChecks {
    /** The marker placed in Secret data by the fuzz targets, shared with {@link BadInputOutputTest}. */
    static final String MARKER = BadInputOutputTest.MARKER;

    private static final Pattern LOCATED = Pattern.compile("[1-9][0-9]*:[1-9][0-9]*: \\S.*");

    private FuzzChecks() {
    }

    /** A fresh in-memory Unix file system: a fuzz run never touches the disk, and runs are cheap. */
    static FileSystem memoryFileSystem() {
        return Jimfs.newFileSystem(Configuration.unix());
    }

    static String write(FileSystem fs, String name, byte[] content) {
        try {
            Path p = fs.getPath(name);
            if (p.getParent() != null) {
                Files.createDirectories(p.getParent());
            }
            Files.write(p, content);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One problem of the loader: one line (no line break; other control characters are escaped where it is printed,
     * which {@link #cleanRun} checks), located to a line and a column of its file, no internal error.
     */
    static void oneLocatedLine(LoadProblem p) {
        String line = p.format();
        if (line.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029')) {
            throw new AssertionError("problem is not one printable line: " + Printable.escape(line));
        }
        if (p.line() < 1 || p.column() < 1) {
            throw new AssertionError("problem has no FILE:LINE:COL (line " + p.line() + ", column " + p.column()
                    + "): " + line);
        }
        if (p.message().startsWith("internal error") || p.cause() != null) {
            throw new AssertionError("an exception escaped the loader: " + line, p.cause());
        }
    }

    static void oneLocatedLine(Collection<LoadProblem> problems) {
        problems.forEach(FuzzChecks::oneLocatedLine);
    }

    /**
     * One CLI run: no crash, no Secret marker (when {@code markerIsSecret}), and every line of stderr that names one
     * of {@code files} is {@code gwctl: FILE:LINE:COL: message}. {@code input} is all the text the run read: a
     * GW0000 finding counts as a crash only when the input does not hold that string itself (the fuzzer learns the
     * strings these checks look for, and a message may quote the input).
     */
    static void cleanRun(Gwctl.Result r, List<String> files, String what, String input, boolean markerIsSecret) {
        String all = r.out() + r.err();
        if (r.exitCode() == ExitCodes.INTERNAL_ERROR || r.err().lines().anyMatch(l -> l.startsWith(
                "gwctl: internal error")) || all.contains(Validator.INTERNAL_ERROR.code())
                && !input.contains(Validator.INTERNAL_ERROR.code())) {
            throw new AssertionError("an exception escaped (" + what + "):\n" + r);
        }
        if (markerIsSecret) {
            noMarker(all, what);
        }
        for (String line : r.err().split("\n", -1)) {
            if (!isOneLine(line)) {
                throw new AssertionError("stderr line with a control character (" + what + "): "
                        + Printable.escape(line) + "\n" + r);
            }
            for (String f : files) {
                String prefix = "gwctl: " + f + ":";
                if (line.startsWith(prefix) && !LOCATED.matcher(line.substring(prefix.length())).matches()) {
                    throw new AssertionError("problem without FILE:LINE:COL (" + what + "): " + line + "\n" + r);
                }
            }
        }
    }

    static void noMarker(String output, String what) {
        if (output.contains(MARKER)) {
            throw new AssertionError("Secret data reached the output (" + what + "):\n" + output);
        }
    }

    /**
     * In regression mode (JAZZER_FUZZ unset, as in {@code mvn verify}) a target ran once for each file of its
     * committed corpus {@code testdata/fuzz/<target>/} (copied onto the class path by the cli pom) and once for
     * Jazzer's empty input: fails when the corpus is missing, nearly empty or was not run. Prints the count.
     */
    static void corpusRan(Class<?> test, String method, int runs) {
        String fuzz = System.getenv("JAZZER_FUZZ");
        if (fuzz != null && !fuzz.isEmpty()) {
            return; // fuzzing: libFuzzer runs the corpus and its own inputs, not one invocation per file
        }
        URL dir = test.getResource(test.getSimpleName() + "Inputs/" + method);
        if (dir == null) {
            throw new AssertionError("no corpus on the class path for " + test.getSimpleName() + "." + method);
        }
        long files;
        try (Stream<Path> s = Files.walk(Path.of(dir.toURI()))) {
            files = s.filter(Files::isRegularFile).count();
        } catch (IOException | URISyntaxException e) {
            throw new AssertionError("cannot list the corpus at " + dir, e);
        }
        if (files < 5 || runs != files + 1) {
            throw new AssertionError(test.getSimpleName() + "." + method + " ran " + runs + " inputs; its corpus "
                    + dir + " has " + files + " files (at least 5 expected, each run once, plus the empty input)");
        }
        System.out.println(test.getSimpleName() + "." + method + ": " + files + " corpus files and the empty input ran");
    }

    static void same(Object expected, Object actual, String property) {
        if (!expected.equals(actual)) {
            throw new AssertionError(property + "\n--- expected\n" + expected + "\n--- actual\n" + actual);
        }
    }

    /** No line break nor other control character: what the one sanitiser, {@link Printable#escape}, leaves as it is. */
    private static boolean isOneLine(String s) {
        return Printable.escape(s).equals(s);
    }
}
