package io.gwctl.model.translate;

import io.gwctl.model.Snapshot;
import io.gwctl.model.envoy.BootstrapStatics;
import io.gwctl.model.envoy.FilterChain;
import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.NetworkFilter;
import io.gwctl.model.envoy.RouteConfiguration;
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

    /** Translates the Gateways that select {@code proxy} and the VirtualServices bound to them. */
    public static GatewayView translate(Snapshot snapshot, GatewayProxy proxy) {
        MergedGateway merged = merge(snapshot, proxy);
        VirtualServiceIndex vsIndex = VirtualServiceIndex.build(snapshot, proxy.namespace());
        Clusters clusters = new Clusters(snapshot);
        List<Listener> gatewayListeners = new ListenerBuilder(snapshot, proxy, merged, vsIndex, clusters).build();
        HttpRouteBuilder routes = new HttpRouteBuilder(proxy, merged, vsIndex, clusters);
        List<RouteConfiguration> routeConfigs = new ArrayList<>();
        for (String name : referencedRouteNames(gatewayListeners)) {
            routeConfigs.add(routes.build(name));
        }
        List<Listener> listeners = new ArrayList<>(gatewayListeners);
        listeners.addAll(BootstrapStatics.listeners());
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
