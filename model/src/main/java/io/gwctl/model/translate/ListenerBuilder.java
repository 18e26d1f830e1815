package io.gwctl.model.translate;

import io.gwctl.model.Snapshot;
import io.gwctl.model.envoy.FilterChain;
import io.gwctl.model.envoy.FilterChainMatch;
import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.NetworkFilter;
import io.gwctl.model.envoy.WeightedCluster;
import io.gwctl.model.istio.DestinationRule;
import io.gwctl.model.istio.L4Match;
import io.gwctl.model.istio.Protocol;
import io.gwctl.model.istio.RouteDestination;
import io.gwctl.model.istio.Server;
import io.gwctl.model.istio.TcpRoute;
import io.gwctl.model.istio.TlsMode;
import io.gwctl.model.istio.TlsRoute;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.kube.Service;
import io.gwctl.model.kube.ServicePort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * istiod's {@code buildGatewayListeners} (spec §8): one listener per bind and resolved port, with an RDS chain for
 * HTTP ports and per-server chains (HTTPS termination, tcp_proxy, TLS passthrough by SNI) for the others.
 */
final class ListenerBuilder {
    /** Wildcard bind of an IPv4 proxy (spec §4). */
    static final String WILDCARD = "0.0.0.0";
    /** ALPNs of an AUTO_PASSTHROUGH chain ({@code allIstioMtlsALPNs}). */
    static final List<String> ISTIO_MTLS_ALPNS = List.of("istio", "istio-peer-exchange", "istio-http/1.0",
            "istio-http/1.1", "istio-h2");

    private final Snapshot snapshot;
    private final GatewayProxy proxy;
    private final MergedGateway merged;
    private final VirtualServiceIndex vsIndex;
    private final Clusters clusters;
    /** listener port → SNI host → bind, shared by all passthrough chains ({@code CheckDuplicates}, spec §8). */
    private final Map<Integer, Map<String, String>> tlsHostsByPort = new HashMap<>();
    /** The DestinationRules by resolved host, in snapshot order; made when the first auto-passthrough chain needs it. */
    private Map<String, List<DestinationRule>> destinationRulesByHost;

    ListenerBuilder(Snapshot snapshot, GatewayProxy proxy, MergedGateway merged, VirtualServiceIndex vsIndex,
                    Clusters clusters) {
        this.snapshot = snapshot;
        this.proxy = proxy;
        this.merged = merged;
        this.vsIndex = vsIndex;
        this.clusters = clusters;
    }

    /** The gateway listeners in build order (first appearance of each name among the server ports). */
    List<Listener> build() {
        Map<String, Acc> byName = new LinkedHashMap<>();
        for (ServerPort sp : merged.serverPorts()) {
            if (proxy.unprivileged() && sp.number() < 1024) {
                continue; // an unprivileged pod cannot bind it (spec §8)
            }
            String bind = sp.bind().isEmpty() ? WILDCARD : sp.bind();
            String name = bind + "_" + sp.number();
            Acc acc = byName.computeIfAbsent(name, k -> new Acc(bind, sp.number()));
            acc.chains.addAll(chains(sp, merged.mergedServers().get(sp)));
        }
        List<Listener> out = new ArrayList<>();
        byName.forEach((name, acc) -> {
            if (!acc.chains.isEmpty()) { // "must have more than 0 chains": the listener is omitted
                out.add(new Listener(name, acc.bind, List.of(), acc.port, acc.chains, null));
            }
        });
        return out;
    }

    private List<FilterChain> chains(ServerPort sp, MergedServers ms) {
        if (Protocol.parse(sp.protocol()).isHttp()) {
            return List.of(new FilterChain(null, List.of(hcm(ms.routeName()))));
        }
        List<FilterChain> out = new ArrayList<>();
        for (BoundServer b : ms.servers()) {
            Server s = b.server();
            if (ServerPredicates.isHttpsWithTlsTermination(s)) {
                out.add(new FilterChain(match(Hosts.sniHosts(b.hosts()), List.of()), List.of(hcm(b.routeName()))));
            } else if (s.tls() == null) {
                NetworkFilter f = tcpFilter(b);
                if (f != null) {
                    out.add(new FilterChain(null, List.of(f)));
                }
            } else if (!ServerPredicates.isPassThroughServer(s)) {
                NetworkFilter f = tcpFilter(b);
                if (f != null) {
                    out.add(new FilterChain(match(Hosts.sniHosts(b.hosts()), List.of()), List.of(f)));
                }
            } else if (ServerPredicates.modeOf(s.tls()) == TlsMode.AUTO_PASSTHROUGH) {
                out.addAll(autoPassthroughChains(Hosts.sniHosts(b.hosts())));
            } else {
                out.addAll(passthroughChains(b, sp.number()));
            }
        }
        return out;
    }

    private static NetworkFilter hcm(String routeName) {
        return new NetworkFilter.HttpConnectionManager(routeName, null);
    }

    /**
     * {@code buildGatewayNetworkFiltersFromTCPRoutes}: the first bound VirtualService with overlapping hosts whose
     * {@code tcp[]} entry has a route and matches this port and gateway; null when none does.
     */
    private NetworkFilter tcpFilter(BoundServer b) {
        String gatewayName = b.gatewayName();
        List<String> hosts = b.hosts();
        for (VirtualService vs : vsIndex.candidates(gatewayName, hosts)) {
            if (!hostsOverlap(hosts, vs)) {
                continue;
            }
            for (TcpRoute tcp : vs.tcp()) {
                if (tcp.route().isEmpty()) {
                    continue; // HEAD skips route-less entries (spec §9)
                }
                if (tcp.match().isEmpty() || tcp.match().stream().anyMatch(m -> l4Matches(m, b))) {
                    return tcpProxy(tcp.route(), b.gatewayPort());
                }
            }
        }
        return null;
    }

    /**
     * {@code buildGatewayNetworkFiltersFromTLSRoutes}: a chain per matching {@code tls[].match[]} with its SNI hosts,
     * skipping SNI hosts already used on this listener port and bind.
     */
    private List<FilterChain> passthroughChains(BoundServer b, int listenerPort) {
        List<FilterChain> out = new ArrayList<>();
        String bind = ServerPredicates.bindOf(b.server());
        List<String> hosts = b.hosts();
        for (VirtualService vs : vsIndex.candidates(b.gatewayName(), hosts)) {
            if (!hostsOverlap(hosts, vs)) {
                continue;
            }
            for (TlsRoute tls : vs.tls()) {
                if (tls.route().isEmpty()) {
                    continue;
                }
                for (L4Match m : tls.match()) {
                    if (!l4Matches(m, b)) {
                        continue;
                    }
                    Map<String, String> known = tlsHostsByPort.computeIfAbsent(listenerPort, k -> new HashMap<>());
                    if (m.sniHosts().stream().anyMatch(h -> bind.equals(known.get(h)))) {
                        continue;
                    }
                    m.sniHosts().forEach(h -> known.put(h, bind));
                    out.add(new FilterChain(match(m.sniHosts(), List.of()),
                            List.of(tcpProxy(tls.route(), b.gatewayPort()))));
                }
            }
        }
        return out;
    }

    /**
     * {@code builtAutoPassthroughFilterChains}: for every Service covered by a server host, every non-UDP port, a chain
     * matching SNI {@code outbound_.<port>_._.<fqdn>} (and one per DestinationRule subset) with Istio's mTLS ALPNs.
     */
    private List<FilterChain> autoPassthroughChains(List<String> sniHosts) {
        List<Service> services = new ArrayList<>(snapshot.services());
        services.sort(CreationOrder.of());
        List<FilterChain> out = new ArrayList<>();
        for (Service svc : services) {
            String fqdn = Clusters.fqdn(svc);
            if (sniHosts.stream().noneMatch(h -> Hosts.subsetOf(fqdn, h))) {
                continue;
            }
            DestinationRule dr = destinationRule(fqdn, svc.metadata().namespace());
            for (ServicePort p : svc.ports()) {
                if ("UDP".equalsIgnoreCase(p.protocol())) {
                    continue;
                }
                out.add(autoChain(Clusters.dnsSrvSubsetKey(p.port(), "", fqdn)));
                if (dr != null) {
                    for (DestinationRule.Subset subset : dr.subsets()) {
                        out.add(autoChain(Clusters.dnsSrvSubsetKey(p.port(), subset.name(), fqdn)));
                    }
                }
            }
        }
        return out;
    }

    private static FilterChain autoChain(String cluster) {
        return new FilterChain(match(List.of(cluster), ISTIO_MTLS_ALPNS),
                List.of(new NetworkFilter.TcpProxy(cluster, false)));
    }

    /**
     * The DestinationRule of {@code fqdn}: the first in the service's namespace, else the first anywhere (snapshot
     * order); null when none. The rules are indexed by host once per build, not scanned per service.
     */
    private DestinationRule destinationRule(String fqdn, String serviceNamespace) {
        if (destinationRulesByHost == null) {
            destinationRulesByHost = new HashMap<>();
            for (DestinationRule dr : snapshot.destinationRules()) {
                destinationRulesByHost.computeIfAbsent(
                        Hosts.resolveShortnameToFqdn(dr.host(), dr.metadata().namespace()), k -> new ArrayList<>(1))
                        .add(dr);
            }
        }
        List<DestinationRule> rules = destinationRulesByHost.getOrDefault(fqdn, List.of());
        for (DestinationRule dr : rules) {
            if (dr.metadata().namespace().equals(serviceNamespace)) {
                return dr;
            }
        }
        return rules.isEmpty() ? null : rules.get(0);
    }

    /** {@code pickMatchingGatewayHosts} ≠ ∅: a server host ({@code ns/h} only for the VS namespace) overlaps a VS host. */
    static boolean hostsOverlap(List<String> serverHosts, VirtualService vs) {
        for (String vsHost : vs.hosts()) {
            for (String gwHost : serverHosts) {
                String h = gwHost;
                int slash = h.indexOf('/');
                if (slash >= 0) {
                    if (!h.substring(0, slash).equals(vs.metadata().namespace())) {
                        continue;
                    }
                    h = Hosts.stripNamespace(h);
                }
                if (Hosts.matches(h, vsHost)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code l4SingleMatch}: port 0 or the gateway port, and no gateways or this gateway. */
    private static boolean l4Matches(L4Match m, BoundServer b) {
        return (m.port() == 0 || m.port() == b.gatewayPort())
                && (m.gateways().isEmpty() || m.gateways().contains(b.gatewayName()));
    }

    /** tcp_proxy to one cluster, or to weighted clusters (cluster {@code ""}) when there are several destinations. */
    private NetworkFilter tcpProxy(List<RouteDestination> route, int gatewayPort) {
        if (route.size() == 1) {
            return new NetworkFilter.TcpProxy(clusters.cluster(route.get(0).destination(), gatewayPort), false);
        }
        List<WeightedCluster> weighted = new ArrayList<>(route.size());
        for (RouteDestination d : route) {
            weighted.add(new WeightedCluster(clusters.cluster(d.destination(), gatewayPort), d.weight()));
        }
        return new NetworkFilter.TcpProxy("", false, weighted);
    }

    /**
     * {@code toFilterChainMatch}: null (match-all) when there is no SNI host or one is {@code *} and no ALPN; otherwise
     * the SNI hosts sorted bytewise.
     */
    static FilterChainMatch match(List<String> sniHosts, List<String> alpn) {
        if ((sniHosts.isEmpty() || sniHosts.contains("*")) && alpn.isEmpty()) {
            return null;
        }
        List<String> sorted = new ArrayList<>(sniHosts);
        sorted.sort(GoStrings.ORDER);
        return new FilterChainMatch(sorted, "", alpn, List.of(), 0);
    }

    /** A listener being assembled from the server ports that share its name. */
    private static final class Acc {
        final String bind;
        final int port;
        final List<FilterChain> chains = new ArrayList<>();

        Acc(String bind, int port) {
            this.bind = bind;
            this.port = port;
        }
    }
}
