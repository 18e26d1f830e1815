package io.gwctl.model;

import java.util.regex.Pattern;

/**
 * Shell-like patterns for suppressions and ignore paths: {@code *} matches any run of characters (within one path
 * segment when {@code paths} is set), {@code **} any run including {@code /}, {@code ?} one character. One home for
 * both: the validators' suppressions and the loader's {@code ignorePaths}.
 */
public final class Glob {
    private final String text;
    private final Pattern pattern;

    private Glob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    /** A pattern over plain names (codes, kinds, namespaces, resource names); {@code *} crosses everything. */
    public static Glob of(String glob, boolean ignoreCase) {
        return new Glob(glob, Pattern.compile(toRegex(glob, false), ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
    }

    /** A pattern over {@code /}-separated paths: {@code *} and {@code ?} stay within a segment, {@code **} does not. */
    public static Glob path(String glob) {
        return new Glob(glob, Pattern.compile(toRegex(glob, true)));
    }

    public boolean matches(String s) {
        return pattern.matcher(s == null ? "" : s).matches();
    }

    public String text() {
        return text;
    }

    private static String toRegex(String glob, boolean paths) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (paths && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    i++;
                    // "**/" also matches no directory at all, as in .gitignore.
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                        i++;
                        re.append("(?:.*/)?");
                    } else {
                        re.append(".*");
                    }
                } else {
                    re.append(paths ? "[^/]*" : ".*");
                }
            } else if (c == '?') {
                re.append(paths ? "[^/]" : ".");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
