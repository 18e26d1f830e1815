package io.gwctl.renderers.findings;

/**
 * The output formats of {@code gwctl validate -o}: each names the renderer that writes a {@code ValidationReport}
 * in that format (see docs/output-formats.md, section "validate"). Users type the constants in lower case; this
 * enum is the only list of the names (help, completion and the check of {@code -o} come from it).
 */
public enum FindingsFormat {
    /** istioctl analyze's {@code log} style, one line per finding; the default. */
    TEXT(new TextFindingsRenderer()),
    /** A JSON object with findings, summary and notes. */
    JSON(new JsonFindingsRenderer()),
    /** The same object as {@link #JSON}, in YAML. */
    YAML(new YamlFindingsRenderer()),
    /** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. */
    SARIF(new SarifFindingsRenderer()),
    /** JUnit XML for CI test report views. */
    JUNIT(new JunitFindingsRenderer()),
    /** GitHub Actions workflow commands that annotate the pull request diff. */
    GITHUB(new GithubFindingsRenderer());

    private final FindingsRenderer renderer;

    FindingsFormat(FindingsRenderer renderer) {
        this.renderer = renderer;
    }

    /** The renderer writing this format. */
    public FindingsRenderer renderer() {
        return renderer;
    }
}
