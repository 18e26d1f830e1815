package io.gwctl.model.envoy;

import java.util.List;

/** A network filter of a filter chain: the kinds istioctl distinguishes when it describes a destination. */
public sealed interface NetworkFilter permits NetworkFilter.HttpConnectionManager, NetworkFilter.TcpProxy,
        NetworkFilter.Other {

    String name();

    /**
     * {@code envoy.filters.network.http_connection_manager}: either an RDS route name or an inline route config
     * (exactly one is non-null/non-empty when present).
     */
    record HttpConnectionManager(String rdsRouteConfigName, RouteConfiguration inlineRouteConfig)
            implements NetworkFilter {
        public static final String NAME = "envoy.filters.network.http_connection_manager";

        @Override
        public String name() {
            return NAME;
        }
    }

    /**
     * {@code envoy.filters.network.tcp_proxy}: {@code cluster} is "" for weighted clusters, which are then in
     * {@code weightedClusters} (empty when unknown); {@code blackhole} is true when the serialized config mentions
     * BlackHoleCluster (istioctl skips such filters).
     */
    record TcpProxy(String cluster, boolean blackhole, List<WeightedCluster> weightedClusters)
            implements NetworkFilter {
        public static final String NAME = "envoy.filters.network.tcp_proxy";

        public TcpProxy {
            weightedClusters = weightedClusters == null ? List.of() : List.copyOf(weightedClusters);
        }

        /** A tcp_proxy as istioctl sees it: the weights of weighted clusters not recorded. */
        public TcpProxy(String cluster, boolean blackhole) {
            this(cluster, blackhole, List.of());
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /** Any other filter (RBAC, metadata exchange, ...): never decisive for the DESTINATION column. */
    record Other(String name) implements NetworkFilter {
    }
}
