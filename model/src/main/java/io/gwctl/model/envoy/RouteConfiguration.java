package io.gwctl.model.envoy;

import java.util.List;

/** An Envoy RouteConfiguration: name ("" for inline/static ones) and virtual hosts in order. */
public record RouteConfiguration(String name, List<VirtualHost> virtualHosts) {
    public RouteConfiguration {
        name = name == null ? "" : name;
        virtualHosts = List.copyOf(virtualHosts);
    }
}
