package io.gwctl.model.envoy;

import java.util.List;

/**
 * The static listeners and route configurations that pilot-agent's bootstrap puts on every proxy, gateways included
 * ({@code tools/packaging/common/envoy_bootstrap.json}, golden {@code default_golden.json}; spec §3.4): the
 * readiness listener on 15021 and the Prometheus listener on 15090, each with an unnamed inline route config.
 */
public final class BootstrapStatics {

    /** Listener name, port, route prefix and cluster of the Prometheus stats listener. */
    public static final String PROMETHEUS_LISTENER = "0.0.0.0_15090";
    /** Listener name of the readiness (status port) listener. */
    public static final String HEALTHZ_LISTENER = "0.0.0.0_15021";

    private static final RouteConfiguration PROMETHEUS = inline("/stats/prometheus", "prometheus_stats");
    private static final RouteConfiguration HEALTHZ = inline("/healthz/ready", "agent");

    private BootstrapStatics() {
    }

    /** The two static listeners in bootstrap order: {@code 0.0.0.0_15090} then {@code 0.0.0.0_15021}. */
    public static List<Listener> listeners() {
        return List.of(listener(PROMETHEUS_LISTENER, 15090, PROMETHEUS), listener(HEALTHZ_LISTENER, 15021, HEALTHZ));
    }

    /**
     * Their inline route configs as Envoy lists them under {@code static_route_configs} (name ""), in gwctl's
     * documented order: prometheus, then healthz (Envoy's own order is unspecified, spec §3.4).
     */
    public static List<RouteConfiguration> routeConfigs() {
        return List.of(PROMETHEUS, HEALTHZ);
    }

    private static Listener listener(String name, int port, RouteConfiguration inline) {
        FilterChain chain = new FilterChain(null, List.of(new NetworkFilter.HttpConnectionManager("", inline)));
        return new Listener(name, "0.0.0.0", List.of(), port, List.of(chain), null);
    }

    private static RouteConfiguration inline(String prefix, String cluster) {
        Route route = new Route(RouteMatch.prefix(prefix), Route.Action.CLUSTER, cluster, null);
        return new RouteConfiguration("", List.of(new VirtualHost("backend", List.of("*"), List.of(route), false)));
    }
}
