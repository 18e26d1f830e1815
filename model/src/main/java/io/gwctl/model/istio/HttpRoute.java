package io.gwctl.model.istio;

import java.util.List;

/**
 * One {@code http[]} rule. {@code hasRedirect}/{@code hasDirectResponse} record the action kind;
 * {@code delegate} is the {@code name/namespace} pair of a delegate VirtualService or null. {@code redirect},
 * {@code rewrite} and {@code corsAllowOrigins} (an entry is null when it sets no match) hold what schema validation looks at (null or empty when absent, and
 * for routes the translator rebuilds); {@code hasFault} records a {@code fault} block; {@code directResponseStatus} is
 * {@code directResponse.status} (0 when absent).
 */
public record HttpRoute(String name, List<HttpMatch> match, List<RouteDestination> route, boolean hasRedirect,
                        boolean hasDirectResponse, Destination mirror, String delegateName,
                        String delegateNamespace, HttpRedirect redirect, HttpRewrite rewrite, boolean hasFault,
                        List<StringMatch> corsAllowOrigins, int directResponseStatus) {
    public HttpRoute {
        match = List.copyOf(match);
        route = List.copyOf(route);
        // An origin without exact/prefix/regex stays as null, so that indexes keep matching the YAML.
        // (An empty list is the shared List.of(): most routes have no CORS policy, and a copy each cost 48 bytes.)
        corsAllowOrigins = corsAllowOrigins == null || corsAllowOrigins.isEmpty() ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(corsAllowOrigins));
    }

    /** A rule without the details only schema validation reads (the translator's rebuilt routes). */
    public HttpRoute(String name, List<HttpMatch> match, List<RouteDestination> route, boolean hasRedirect,
                     boolean hasDirectResponse, Destination mirror, String delegateName, String delegateNamespace) {
        this(name, match, route, hasRedirect, hasDirectResponse, mirror, delegateName, delegateNamespace, null, null,
                false, List.of(), 0);
    }
}
