package io.gwctl.model.translate;

import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.envoy.RouteConfigurationsOnDemand;
import java.util.List;

/**
 * What one gateway workload serves, computed offline: the merged Gateways, the listeners (gateway listeners in build
 * order, then the bootstrap's static ones) and the route configurations in gwctl's documented order (see
 * {@link GatewayTranslator}). With {@link GatewayTranslator.Detail#ROUTE_TABLE_ON_DEMAND} the route configurations
 * are a {@link RouteConfigurationsOnDemand}: each is made again whenever it is read.
 */
public record GatewayView(GatewayProxy proxy, MergedGateway merged, List<Listener> listeners,
                          List<RouteConfiguration> routeConfigs) {
    public GatewayView {
        listeners = List.copyOf(listeners);
        // Configurations made on demand stay so: copying them would make and hold them all.
        routeConfigs = routeConfigs instanceof RouteConfigurationsOnDemand ? routeConfigs : List.copyOf(routeConfigs);
    }
}
