package io.gwctl.model.envoy;

import java.util.List;

/** An Envoy virtual host. {@code requireTls} is true for Envoy's {@code ALL}. */
public record VirtualHost(String name, List<String> domains, List<Route> routes, boolean requireTls) {
    public VirtualHost {
        domains = List.copyOf(domains);
        routes = List.copyOf(routes);
    }
}
