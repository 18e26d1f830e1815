package io.gwctl.model.istio;

/** Istio's StringMatch: exactly one of exact, prefix or regex. */
public record StringMatch(Type type, String value) {
    public enum Type { EXACT, PREFIX, REGEX }
}
