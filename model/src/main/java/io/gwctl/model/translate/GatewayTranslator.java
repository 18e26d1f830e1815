package io.gwctl.model.translate;

import io.gwctl.model.Snapshot;
import io.gwctl.model.envoy.BootstrapStatics;
import io.gwctl.model.envoy.FilterChain;
import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.NetworkFilter;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.envoy.RouteConfigurationsOnDemand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Computes, offline, the listeners and route configurations an Istio gateway workload serves from the Gateways and
 * VirtualServices of a snapshot: istiod's gateway translation (spec §5–§8) followed by the bootstrap's static
 * listeners (§3.4). Pure and deterministic: the same snapshot and proxy give the same view.
 *
 * <p><b>Order.</b> Listeners: gateway listeners in build order (first appearance of each {@code <bind>_<port>} among
 * the merged server ports), then the static ones; istioctl sorts them for printing anyway. Route configurations:
 * Envoy's dump order cannot be reproduced (spec §3.4), so gwctl uses the recommended one — the dynamic route
 * configurations in the order the listeners reference them (listeners by port ascending, then address bytewise; in
 * each, filter chains in build order; each name once), then the static {@code prometheus} and {@code healthz} ones.
 * See {@code docs/route-order.md}.
 */
public final class GatewayTranslator {
    private GatewayTranslator() {
    }

    /**
     * How much of the view to build. A table needs less than a trace: on 100,000 Gateways the shared gateway's route
     * configuration has over a million routes, and what only a trace or a JSON dump reads of each was a fifth of the
     * heap.
     */
    public enum Detail {
        /** Everything: each route's rule source (for traces) and weighted clusters, every route configuration. */
        FULL,
        /**
         * What {@code proxy-config route}'s table prints: routes without their rule source and with their weighted
         * clusters left out ({@link io.gwctl.model.envoy.Route} documents both as possibly unknown).
         */
        ROUTE_TABLE,
        /**
         * {@link #ROUTE_TABLE} with the route configurations made whenever they are read and never held
         * ({@link RouteConfigurationsOnDemand}): for a model that leaves no room for them, at the cost of making each
         * once per reading (the table reads twice).
         */
        ROUTE_TABLE_ON_DEMAND,
        /** The listeners alone, as {@code proxy-config listener} prints them: no route configuration is built. */
        LISTENERS
    }

    /**
     * Whether a model of {@code resources} resources leaves too little of a {@code maxMemory} heap to hold its route
     * table, so that {@link Detail#ROUTE_TABLE_ON_DEMAND} should be used: when the resources would take half of it at
     * about 1 KB each (the model and its indexes, measured at 100,000 Gateways). {@code -Dgwctl.routes-on-demand=
     * true|false} decides instead (tests).
     */
    public static boolean routesOnDemandFor(long resources, long maxMemory) {
        String forced = System.getProperty("gwctl.routes-on-demand");
        if (forced != null && !forced.isEmpty()) {
            return Boolean.parseBoolean(forced);
        }
        return resources * 1024 > maxMemory / 2;
    }

    /** Translates the Gateways that select {@code proxy} and the VirtualServices bound to them. */
    public static GatewayView translate(Snapshot snapshot, GatewayProxy proxy) {
        return translate(snapshot, proxy, Detail.FULL);
    }

    /** {@link #translate(Snapshot, GatewayProxy)} with only the {@code detail} that a command prints. */
    public static GatewayView translate(Snapshot snapshot, GatewayProxy proxy, Detail detail) {
        MergedGateway merged = merge(snapshot, proxy);
        VirtualServiceIndex vsIndex = VirtualServiceIndex.build(snapshot, proxy.namespace());
        Clusters clusters = new Clusters(snapshot);
        List<Listener> gatewayListeners = new ListenerBuilder(snapshot, proxy, merged, vsIndex, clusters).build();
        List<RouteConfiguration> routeConfigs = new ArrayList<>();
        List<Listener> listeners = new ArrayList<>(gatewayListeners);
        listeners.addAll(BootstrapStatics.listeners());
        if (detail == Detail.LISTENERS) {
            return new GatewayView(proxy, merged, listeners, routeConfigs);
        }
        HttpRouteBuilder routes = new HttpRouteBuilder(proxy, merged, vsIndex, clusters, detail == Detail.FULL);
        List<String> names = referencedRouteNames(gatewayListeners);
        if (detail == Detail.ROUTE_TABLE_ON_DEMAND) {
            List<RouteConfiguration> statics = BootstrapStatics.routeConfigs();
            List<String> all = new ArrayList<>(names);
            statics.forEach(rc -> all.add(rc.name()));
            return new GatewayView(proxy, merged, listeners, new RouteConfigurationsOnDemand(all,
                    i -> i < names.size() ? routes.build(names.get(i)) : statics.get(i - names.size())));
        }
        for (String name : names) {
            routeConfigs.add(routes.build(name));
        }
        routeConfigs.addAll(BootstrapStatics.routeConfigs());
        return new GatewayView(proxy, merged, listeners, routeConfigs);
    }

    /**
     * Only the first step of {@link #translate}: the Gateways selecting {@code proxy} merged as istiod merges them
     * (spec §5), with the servers it drops. For checks that need no listeners or routes (validate's GW0301).
     */
    public static MergedGateway merge(Snapshot snapshot, GatewayProxy proxy) {
        return GatewayMerger.merge(GatewayWorkloads.gatewaysFor(snapshot, proxy.labels()), proxy);
    }

    /** RDS names in reference order: listeners by port, then address; chains in order; each name once. */
    static List<String> referencedRouteNames(List<Listener> listeners) {
        List<Listener> sorted = new ArrayList<>(listeners);
        sorted.sort(Comparator.comparingInt(Listener::port).thenComparing(Listener::address, GoStrings.ORDER));
        Set<String> names = new LinkedHashSet<>();
        for (Listener l : sorted) {
            for (FilterChain c : l.filterChains()) {
                for (NetworkFilter f : c.filters()) {
                    if (f instanceof NetworkFilter.HttpConnectionManager hcm && hcm.inlineRouteConfig() == null) {
                        names.add(hcm.rdsRouteConfigName());
                    }
                }
            }
        }
        return new ArrayList<>(names);
    }
}
