package io.gwctl.model.finding;

/**
 * Where a finding points: the file (empty for cluster resources), the 1-based line and column (0 when unknown)
 * and the JSON pointer of the offending field (empty for the whole resource).
 */
public record Location(String file, int line, int column, String field) {
    public static final Location NONE = new Location("", 0, 0, "");

    /** {@code file:line}, {@code file}, or "" for cluster resources. */
    public String fileAndLine() {
        if (file == null || file.isEmpty()) {
            return "";
        }
        return line > 0 ? file + ":" + line : file;
    }
}
