package io.gwctl.model.istio;

import java.util.Locale;

/** Istio's StringMatch: exactly one of exact, prefix or regex. */
public record StringMatch(Type type, String value) {
    public enum Type {
        EXACT, PREFIX, REGEX;

        private final String field = name().toLowerCase(Locale.ROOT);

        /** The field it is written as: {@code exact}, {@code prefix}, {@code regex}. */
        public String field() {
            return field;
        }
    }
}
