package io.gwctl.model.envoy;

/**
 * Why an Envoy {@code /config_dump} could not be read: one line, with the input's name and, for malformed JSON, the
 * line and column (so the CLI can print {@code gwctl: dump.json: invalid JSON at line 3 col 7: ...}).
 */
public final class ConfigDumpException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String detail;
    private final int line;
    private final int column;

    /**
     * @param source the input's name (file name or {@code <stdin>}); may be empty
     * @param detail what is wrong, one line, without the source
     * @param line   1-based line, 0 when unknown
     * @param column 1-based column, 0 when unknown
     */
    public ConfigDumpException(String source, String detail, int line, int column) {
        super(located(source, line, column) + detail);
        this.source = source == null ? "" : source;
        this.detail = detail;
        this.line = line;
        this.column = column;
    }

    /** {@code SOURCE:LINE:COL: } as every located problem starts (STYLE.md), {@code SOURCE: } without a line. */
    private static String located(String source, int line, int column) {
        if (source == null || source.isEmpty()) {
            return "";
        }
        return source + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": ";
    }

    /** The input's name given to the reader. */
    public String source() {
        return source;
    }

    /** The message without the source prefix. */
    public String detail() {
        return detail;
    }

    /** 1-based line of the problem (a JSON syntax error, or the value that is not a config dump), 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, 0 when unknown. */
    public int column() {
        return column;
    }
}
