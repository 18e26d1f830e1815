package io.gwctl.validators.rules;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Label sets as Kubernetes prints them, and label keys as JSON pointer segments. */
final class Labels {
    private Labels() {
    }

    /** {@code labels.Set.String()}: {@code k=v} pairs sorted by key, joined by commas. */
    static String format(Map<String, String> labels) {
        StringJoiner j = new StringJoiner(",");
        new TreeMap<>(labels).forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    /** A map key as a JSON pointer segment (RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
    static String pointerSegment(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
