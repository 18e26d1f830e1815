package io.gwctl.model.finding;

import java.util.Objects;

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

    // equals and hashCode are written out (with the values a record's generated ones give) because the generated ones
    // go through method handles, which the C1-only JIT of small and medium runs calls slowly: hot as a map key.
    @Override
    public boolean equals(Object o) {
        return o instanceof Location l && line == l.line && column == l.column && Objects.equals(file, l.file)
                && Objects.equals(field, l.field);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Objects.hashCode(file) + line) + column) + Objects.hashCode(field);
    }
}
