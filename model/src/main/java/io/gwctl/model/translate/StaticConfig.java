package io.gwctl.model.translate;

import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.RouteConfiguration;
import java.util.List;

/** The bootstrap's static listeners and route configurations (spec §3.4), appended after the gateway's own. */
final class StaticConfig {
    private StaticConfig() {
    }

    static List<Listener> listeners() {
        return List.of();
    }

    static List<RouteConfiguration> routeConfigs() {
        return List.of();
    }
}
