package io.gwctl.model.envoy;

import java.util.List;

/**
 * The listeners and route configurations of an Envoy {@code /config_dump}, in dump order:
 * active dynamic listeners then static listeners; dynamic route configs then static route configs
 * (istioctl's order, spec §3.1).
 */
public record ConfigDump(List<Listener> listeners, List<RouteConfiguration> routeConfigs) {
    public ConfigDump {
        listeners = List.copyOf(listeners);
        routeConfigs = List.copyOf(routeConfigs);
    }
}
