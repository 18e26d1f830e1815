package io.gwctl.model.translate;

import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.RouteConfiguration;
import java.util.List;

/**
 * What one gateway workload serves, computed offline: the merged Gateways, the listeners (gateway listeners in build
 * order, then the bootstrap's static ones) and the route configurations in gwctl's documented order (see
 * {@link GatewayTranslator}).
 */
public record GatewayView(GatewayProxy proxy, MergedGateway merged, List<Listener> listeners,
                          List<RouteConfiguration> routeConfigs) {
    public GatewayView {
        listeners = List.copyOf(listeners);
        routeConfigs = List.copyOf(routeConfigs);
    }
}
