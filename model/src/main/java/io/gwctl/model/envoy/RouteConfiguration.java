package io.gwctl.model.envoy;

import java.util.List;

/**
 * An Envoy RouteConfiguration: name ("" for inline/static ones), virtual hosts in order, and
 * {@code ignore_port_in_host_matching} (true on every gateway route configuration istiod ≥1.18 sends, spec §7.3).
 */
public record RouteConfiguration(String name, List<VirtualHost> virtualHosts, boolean ignorePortInHostMatching) {
    public RouteConfiguration {
        name = name == null ? "" : name;
        virtualHosts = List.copyOf(virtualHosts);
    }

    /** A route configuration that matches the Host header with its port, Envoy's default. */
    public RouteConfiguration(String name, List<VirtualHost> virtualHosts) {
        this(name, virtualHosts, false);
    }
}
