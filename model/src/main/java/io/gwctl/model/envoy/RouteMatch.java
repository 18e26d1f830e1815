package io.gwctl.model.envoy;

/**
 * The path part of an Envoy route match (exactly one of prefix, path, pathSeparatedPrefix, safeRegex is non-null),
 * plus whether header or query-parameter matchers exist (istioctl ignores them in its output).
 */
public record RouteMatch(String prefix, String path, String pathSeparatedPrefix, String safeRegex,
                         boolean hasHeaders, boolean hasQueryParameters) {

    public static RouteMatch prefix(String p) {
        return new RouteMatch(p, null, null, null, false, false);
    }
}
