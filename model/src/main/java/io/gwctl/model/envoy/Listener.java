package io.gwctl.model.envoy;

import java.util.List;

/**
 * An Envoy listener as gwctl sees it, from a config dump or computed by the translator: name, main address
 * (socket address or pipe path), additional addresses, port (0 when none) and filter chains in Envoy order.
 * {@code defaultFilterChain} may be null.
 */
public record Listener(String name, String address, List<String> additionalAddresses, int port,
                       List<FilterChain> filterChains, FilterChain defaultFilterChain) {
    public Listener {
        additionalAddresses = List.copyOf(additionalAddresses);
        filterChains = List.copyOf(filterChains);
    }
}
