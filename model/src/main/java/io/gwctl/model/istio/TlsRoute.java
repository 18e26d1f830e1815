package io.gwctl.model.istio;

import java.util.List;

/** One {@code tls[]} rule; its matches carry SNI hosts. */
public record TlsRoute(List<L4Match> match, List<RouteDestination> route) {
    public TlsRoute {
        match = List.copyOf(match);
        route = List.copyOf(route);
    }
}
