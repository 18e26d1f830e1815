package io.gwctl.model.istio;

import java.util.List;

/** One {@code tcp[]} rule. */
public record TcpRoute(List<L4Match> match, List<RouteDestination> route) {
    public TcpRoute {
        match = List.copyOf(match);
        route = List.copyOf(route);
    }
}
