package io.gwctl.validators.rules;

import io.gwctl.model.istio.Destination;
import io.gwctl.model.istio.RouteDestination;

/** Wording shared by the route weight and destination rules. */
final class WeightedRoutes {
    private WeightedRoutes() {
    }

    /** {@code reviews (subset v2, port 9080)}, or {@code (no destination)}. */
    static String name(RouteDestination d) {
        Destination dest = d.destination();
        if (dest == null) {
            return "(no destination)";
        }
        String host = dest.host() == null ? "(no host)" : dest.host();
        boolean subset = dest.subset() != null && !dest.subset().isEmpty();
        if (!subset && dest.port() == 0) {
            return host;
        }
        return host + " (" + (subset ? "subset " + dest.subset() : "") + (subset && dest.port() != 0 ? ", " : "")
                + (dest.port() != 0 ? "port " + dest.port() : "") + ")";
    }

    /** The sum of the weights of a route list. */
    static long total(java.util.List<RouteDestination> route) {
        long total = 0;
        for (RouteDestination d : route) {
            total += d.weight();
        }
        return total;
    }
}
