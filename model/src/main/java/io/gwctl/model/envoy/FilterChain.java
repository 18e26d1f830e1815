package io.gwctl.model.envoy;

import java.util.List;

/** A filter chain: its match (null when absent, meaning match-all) and its network filters in order. */
public record FilterChain(FilterChainMatch match, List<NetworkFilter> filters) {
    public FilterChain {
        filters = List.copyOf(filters);
    }
}
