package io.gwctl.model.envoy;

/**
 * How Envoy compares one header or query-parameter value (its {@code StringMatcher}, or {@code present_match}):
 * {@code value} is the text to compare with, {@code "true"}/{@code "false"} for {@link Kind#PRESENT}, and the
 * serialized matcher for {@link Kind#UNSUPPORTED} (a range or another matcher gwctl does not evaluate).
 */
public record ValueMatcher(Kind kind, String value, boolean ignoreCase) {
    /** The comparisons Envoy's {@code StringMatcher} and {@code present_match} make. */
    public enum Kind { EXACT, PREFIX, SUFFIX, CONTAINS, REGEX, PRESENT, UNSUPPORTED }

    public ValueMatcher {
        value = value == null ? "" : value;
    }

    public static ValueMatcher of(Kind kind, String value) {
        return new ValueMatcher(kind, value, false);
    }
}
