package io.gwctl.model.istio;

import java.util.List;

/**
 * One {@code http[]} rule. {@code hasRedirect}/{@code hasDirectResponse} record the action kind;
 * {@code delegate} is the {@code name/namespace} pair of a delegate VirtualService or null.
 */
public record HttpRoute(String name, List<HttpMatch> match, List<RouteDestination> route, boolean hasRedirect,
                        boolean hasDirectResponse, Destination mirror, String delegateName,
                        String delegateNamespace) {
    public HttpRoute {
        match = List.copyOf(match);
        route = List.copyOf(route);
    }
}
