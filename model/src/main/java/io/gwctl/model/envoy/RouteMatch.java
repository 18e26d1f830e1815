package io.gwctl.model.envoy;

import java.util.List;

/**
 * An Envoy route match: the path part (exactly one of prefix, path, pathSeparatedPrefix, safeRegex is non-null),
 * whether header or query-parameter matchers exist (all istioctl looks at), the matchers themselves and
 * {@code case_sensitive} (false for Istio's {@code ignoreUriCase}). Matches built without the matchers have empty
 * lists even when {@code hasHeaders}/{@code hasQueryParameters} is true.
 */
public record RouteMatch(String prefix, String path, String pathSeparatedPrefix, String safeRegex,
                         boolean hasHeaders, boolean hasQueryParameters, List<HeaderMatcher> headers,
                         List<QueryParameterMatcher> queryParameters, boolean caseSensitive) {
    public RouteMatch {
        headers = headers == null ? List.of() : List.copyOf(headers);
        queryParameters = queryParameters == null ? List.of() : List.copyOf(queryParameters);
    }

    /** A match without the header and query matchers themselves, case-sensitive (istioctl's view). */
    public RouteMatch(String prefix, String path, String pathSeparatedPrefix, String safeRegex, boolean hasHeaders,
                      boolean hasQueryParameters) {
        this(prefix, path, pathSeparatedPrefix, safeRegex, hasHeaders, hasQueryParameters, List.of(), List.of(),
                true);
    }

    public static RouteMatch prefix(String p) {
        return new RouteMatch(p, null, null, null, false, false);
    }
}
