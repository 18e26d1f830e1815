package io.gwctl.model.envoy;

/**
 * One {@code route.match.headers[]} entry: the header name (pseudo-headers such as {@code :method} and
 * {@code :authority} included), how its value is compared, and {@code invert_match} (Istio's {@code withoutHeaders}).
 */
public record HeaderMatcher(String name, ValueMatcher value, boolean invert) {
}
