package io.gwctl.model;

/**
 * Where a resource (or one of its fields) came from: the file as the user named it, the index of the YAML
 * document within that file (0-based), and the 1-based line and column of the document's first token.
 *
 * <p>{@code file} is {@code "-"} for standard input and empty for resources read from a live cluster.
 */
public record Origin(String file, int document, int line, int column) {

    /** An origin for objects that do not come from a file (a cluster, a built-in default). */
    public static Origin none(String description) {
        return new Origin(description, 0, 0, 0);
    }

    /** True when this origin points into a file and therefore has a line worth printing. */
    public boolean hasLine() {
        return line > 0;
    }

    /** {@code file:line}, or just the description when there is no line. */
    public String fileAndLine(int atLine) {
        return atLine > 0 ? file + ":" + atLine : file;
    }
}
