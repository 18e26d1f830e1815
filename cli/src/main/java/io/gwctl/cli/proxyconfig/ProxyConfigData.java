package io.gwctl.cli.proxyconfig;

import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.RouteConfiguration;
import java.util.List;

/**
 * The Envoy configuration {@code proxy-config} prints, from whichever input was given: listeners and route
 * configurations in dump order, and the exit code implied by input problems met on the way (0 when none).
 */
record ProxyConfigData(List<Listener> listeners, List<RouteConfiguration> routeConfigs, int exitCode) {
    ProxyConfigData {
        listeners = List.copyOf(listeners);
        routeConfigs = List.copyOf(routeConfigs);
    }
}
