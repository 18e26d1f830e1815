package io.gwctl.model.load;

import io.gwctl.model.ResourceRef;
import java.util.Objects;

/**
 * One thing wrong with the input, located as precisely as the parser allows. {@code line} and {@code column} are
 * 1-based, 0 when unknown. {@code cause} is the unexpected exception behind an internal problem (printed only with
 * {@code -v}); it is not part of equality. {@code resource} is the object the problem is in when its kind and name
 * could be read (a Gateway whose port is not a number), null otherwise (a syntax error, an unreadable file); it
 * names the problem in reports and is not part of equality either: the place and the message say what is wrong.
 */
public record LoadProblem(Type type, String file, int line, int column, String message, Throwable cause,
                          ResourceRef resource) {

    /** What kind of problem, which decides the exit code (STYLE.md §4). */
    public enum Type {
        /** A named input does not exist: exit 66. */
        NOT_FOUND(66),
        /** An input exists but cannot be read: exit 66. */
        UNREADABLE(66),
        /** The text is not YAML/JSON (or not text): exit 65. */
        PARSE(65),
        /** Well-formed YAML that is not a valid resource: exit 65. */
        INVALID(65);

        private final int exitCode;

        Type(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public LoadProblem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    public LoadProblem(Type type, String file, int line, int column, String message, Throwable cause) {
        this(type, file, line, column, message, cause, null);
    }

    public LoadProblem(Type type, String file, int line, int column, String message) {
        this(type, file, line, column, message, null, null);
    }

    /** {@code FILE:LINE:COL: message}, leaving out {@code :LINE:COL} (or {@code :COL}) when unknown. */
    public String format() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(message).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadProblem p && type == p.type && file.equals(p.file) && line == p.line
                && column == p.column && message.equals(p.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, file, line, column, message);
    }

    @Override
    public String toString() {
        return type + " " + format();
    }
}
