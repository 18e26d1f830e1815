package io.gwctl.cli.proxyconfig;

import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.envoy.RouteConfigurationsOnDemand;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.GatewayView;
import java.util.List;

/**
 * The Envoy configuration {@code proxy-config} prints, from whichever input was given: listeners and route
 * configurations in dump order, and the exit code implied by input problems met on the way (0 when none).
 *
 * @param source what it was read from, for {@code pc diff}'s headers: {@code manifests}, the dump file, or the
 *               {@code namespace/pod} of a live proxy
 * @param proxy  the gateway workload the manifests were translated for; null for a config dump
 * @param view   the whole translation of the manifests (merged Gateways included); null for a config dump
 */
record ProxyConfigData(List<Listener> listeners, List<RouteConfiguration> routeConfigs, int exitCode,
                       String source, GatewayProxy proxy, GatewayView view) {
    ProxyConfigData {
        listeners = List.copyOf(listeners);
        // Configurations made on demand (GatewayTranslator.Detail.ROUTE_TABLE_ON_DEMAND) are not copied: that would make
        // and hold them all.
        routeConfigs = routeConfigs instanceof RouteConfigurationsOnDemand ? routeConfigs : List.copyOf(routeConfigs);
    }
}
