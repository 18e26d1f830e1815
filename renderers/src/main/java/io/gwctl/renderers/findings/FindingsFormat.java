package io.gwctl.renderers.findings;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The output formats of {@code gwctl validate -o}: each names the renderer that writes a {@code ValidationReport}
 * in that format (see docs/output-formats.md, section "validate").
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

    /** The name users type after {@code -o}: {@code text}, {@code json}, ... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format named {@code s}, case-insensitively; {@code log} is accepted for {@link #TEXT} because that is
     * istioctl analyze's name for the same output (lint catalogue §2.5).
     *
     * @throws IllegalArgumentException naming the valid values when {@code s} is not one of them
     */
    public static FindingsFormat parse(String s) {
        String key = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        if (key.equals("log")) {
            return TEXT;
        }
        for (FindingsFormat f : values()) {
            if (f.cliName().equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown output format \"" + s + "\": valid values are " + validValues());
    }

    /** {@code text, json, yaml, sarif, junit, github}, for error messages and {@code --help}. */
    public static String validValues() {
        return Arrays.stream(values()).map(FindingsFormat::cliName).collect(Collectors.joining(", "));
    }
}
