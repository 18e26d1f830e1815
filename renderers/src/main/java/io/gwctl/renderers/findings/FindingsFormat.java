package io.gwctl.renderers.findings;

/**
 * The output formats of {@code gwctl validate -o}: each names the renderer that writes a {@code ValidationReport}
 * in that format (see docs/output-formats.md, section "validate"). Users type the constants in lower case; this
 * enum is the only list of the names (help, completion and the check of {@code -o} come from it).
 */
public enum FindingsFormat {
    /** istioctl analyze's {@code log} style, one line per finding; the default. */
    TEXT,
    /** A JSON object with findings, summary and notes. */
    JSON,
    /** The same object as {@link #JSON}, in YAML. */
    YAML,
    /** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. */
    SARIF,
    /** JUnit XML for CI test report views. */
    JUNIT,
    /** GitHub Actions workflow commands that annotate the pull request diff. */
    GITHUB;

    /**
     * The renderer writing this format. Made on each call, not held by the constant: the JSON and YAML renderers
     * build Jackson mappers when their classes initialize, which a text run need not pay for at start-up.
     */
    public FindingsRenderer renderer() {
        return switch (this) {
            case TEXT -> new TextFindingsRenderer();
            case JSON -> new JsonFindingsRenderer();
            case YAML -> new YamlFindingsRenderer();
            case SARIF -> new SarifFindingsRenderer();
            case JUNIT -> new JunitFindingsRenderer();
            case GITHUB -> new GithubFindingsRenderer();
        };
    }
}
