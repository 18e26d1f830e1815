package io.gwctl.model.finding;

import java.util.Locale;

/** Finding levels, ordered Info &lt; Warning &lt; Error as istioctl analyze orders them. */
public enum Severity {
    INFO("Info"), WARNING("Warning"), ERROR("Error");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** {@code Error}, {@code Warning} or {@code Info}, as printed. */
    public String label() {
        return label;
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Parses {@code error}, {@code Warning}, ... case-insensitively; null when unknown. */
    public static Severity parse(String s) {
        for (Severity v : values()) {
            if (v.label.toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        return null;
    }
}
