package io.gwctl.model.translate;

import io.gwctl.model.Snapshot;
import io.gwctl.model.istio.Destination;
import io.gwctl.model.istio.HttpMatch;
import io.gwctl.model.istio.HttpRoute;
import io.gwctl.model.istio.L4Match;
import io.gwctl.model.istio.RouteDestination;
import io.gwctl.model.istio.TcpRoute;
import io.gwctl.model.istio.TlsRoute;
import io.gwctl.model.istio.VirtualService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The VirtualServices a gateway workload sees, per Gateway they bind to (istiod's {@code virtualServiceIndex} and
 * {@code VirtualServicesForGateway}, spec §6): short names resolved, exportTo applied for the workload namespace,
 * sorted by creation time, name, namespace, and indexed by resolved gateway name so lookups never scan all pairs.
 */
public final class VirtualServiceIndex {
    private final String proxyNamespace;
    private final Map<String, List<VirtualService>> privateByGateway = new HashMap<>();
    private final Map<String, List<VirtualService>> exportedByGateway = new HashMap<>();
    /** Shared by every namespace's index of one snapshot: read, never changed. */
    private final Map<String, List<VirtualService>> publicByGateway;
    private final Map<String, Binding> bindings = new HashMap<>();
    /** Where the translator's VirtualServices and their http rules were written ({@link Resolved}). */
    private final Resolved origins;

    private VirtualServiceIndex(String proxyNamespace, Resolved resolved) {
        this.proxyNamespace = proxyNamespace;
        this.publicByGateway = resolved.publicByGateway;
        this.origins = resolved;
    }

    /**
     * Indexes the VirtualServices of the snapshot as seen from a workload in {@code proxyNamespace}: short names
     * resolved (each in its own namespace), delegates merged into their roots, then sorted and bucketed. The part that
     * does not depend on the namespace (resolution, delegates, order, the public VirtualServices by gateway) is done
     * once per snapshot ({@link Resolved}); each namespace then only buckets the VirtualServices that name it, so a
     * repository with a gateway workload per namespace costs its VirtualServices once, not once per workload.
     */
    public static VirtualServiceIndex build(Snapshot snapshot, String proxyNamespace) {
        Resolved resolved = Resolved.of(snapshot);
        VirtualServiceIndex index = new VirtualServiceIndex(proxyNamespace, resolved);
        for (VirtualService vs : resolved.naming.getOrDefault(proxyNamespace, List.of())) {
            Map<String, List<VirtualService>> bucket = index.bucketFor(vs);
            if (bucket == null) {
                continue;
            }
            for (String gw : new LinkedHashSet<>(vs.gateways())) {
                bucket.computeIfAbsent(gw, k -> new ArrayList<>()).add(vs);
            }
        }
        return index;
    }

    /**
     * The VirtualServices of one snapshot resolved, merged with their delegates and in {@link CreationOrder}: the
     * public ones by gateway, the others under each namespace they name (their own and their exportTo entries), in
     * that order. Kept for the last snapshot asked about ({@link SnapshotCache}).
     */
    private static final class Resolved {
        private static final SnapshotCache<Resolved> CACHE = new SnapshotCache<>(Resolved::new);

        final Map<String, List<VirtualService>> publicByGateway = new HashMap<>();
        final Map<String, List<VirtualService>> naming = new HashMap<>();
        /** Each VirtualService as resolved (and not merged with a delegate) to the VirtualService as loaded. */
        final Map<VirtualService, VirtualService> raws = new IdentityHashMap<>();
        /**
         * The http rules of delegates and of roots that have one, and the rules merged from delegates, to the rule
         * they were written as. Every other rule is {@code http[i]} of its VirtualService as loaded: one entry a rule
         * for all of them was 44 MB at 1.1 million rules (100,000 Gateways).
         */
        final Map<HttpRoute, HttpRuleOrigin> ruleOrigins = new IdentityHashMap<>();

        private Resolved(Snapshot snapshot) {
            // Equal resolved lists (the gateways every VirtualService of a team names) are kept once, and so are
            // the names in them.
            Map<List<String>, List<String>> lists = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            UnaryOperator<List<String>> shared = l -> lists.computeIfAbsent(l, k -> k.stream()
                    .map(n -> names.computeIfAbsent(n, x -> x)).toList());
            List<VirtualService> resolved = new ArrayList<>(snapshot.virtualServices().size());
            for (VirtualService raw : snapshot.virtualServices()) {
                VirtualService r = resolve(raw, shared);
                resolved.add(r);
                raws.put(r, raw);
                if (r.hosts().isEmpty() || r.http().stream().anyMatch(h -> h.delegateName() != null)) {
                    for (int i = 0; i < r.http().size(); i++) {
                        ruleOrigins.put(r.http().get(i), new HttpRuleOrigin(raw, i, false));
                    }
                }
            }
            List<VirtualService> sorted = new ArrayList<>(Delegates.merge(resolved, (merged, sub) -> {
                HttpRuleOrigin o = ruleOrigins.get(sub);
                if (o != null) {
                    ruleOrigins.put(merged, new HttpRuleOrigin(o.virtualService(), o.httpIndex(), true));
                }
            }));
            sorted.sort(CreationOrder.of());
            for (VirtualService vs : sorted) {
                Set<String> exportTo = new LinkedHashSet<>(vs.exportTo());
                if (exportTo.isEmpty() || exportTo.contains("*")) {
                    for (String gw : new LinkedHashSet<>(vs.gateways())) {
                        publicByGateway.computeIfAbsent(gw, k -> new ArrayList<>()).add(vs);
                    }
                    continue;
                }
                if (exportTo.contains("~")) {
                    continue;
                }
                Set<String> named = new LinkedHashSet<>();
                named.add(vs.metadata().namespace());
                named.addAll(exportTo);
                for (String ns : named) {
                    naming.computeIfAbsent(ns, k -> new ArrayList<>()).add(vs);
                }
            }
        }

        static Resolved of(Snapshot snapshot) {
            return CACHE.get(snapshot);
        }
    }

    /**
     * {@code VirtualServicesForGateway(proxyNamespace, gateway)}: private, then exported-to-namespace, then public
     * VirtualServices bound to the resolved gateway name {@code ns/name} (spec §6.3).
     */
    public List<VirtualService> forGateway(String gatewayName) {
        return binding(gatewayName).all;
    }

    /**
     * The VirtualServices of {@link #forGateway} that can share a host with a server having {@code serverHosts}, in the
     * same order: every one when a server host is a wildcard, else those with an equal host or any wildcard host.
     * The others have an empty host intersection and no matching hosts (spec §7.1, §8), so skipping them changes
     * nothing but keeps the translation from comparing every server with every VirtualService.
     */
    List<VirtualService> candidates(String gatewayName, List<String> serverHosts) {
        return binding(gatewayName).candidates(serverHosts);
    }

    private Binding binding(String gatewayName) {
        return bindings.computeIfAbsent(gatewayName, gw -> {
            List<VirtualService> all = new ArrayList<>();
            all.addAll(privateByGateway.getOrDefault(gw, List.of()));
            all.addAll(exportedByGateway.getOrDefault(gw, List.of()));
            all.addAll(publicByGateway.getOrDefault(gw, List.of()));
            return new Binding(List.copyOf(all));
        });
    }

    /**
     * The rule {@code http}, rule {@code index} of {@code vs} as the translator sees it, was written as (its
     * VirtualService as loaded and its index there), or null for a rule built elsewhere.
     */
    HttpRuleOrigin ruleOrigin(VirtualService vs, int index, HttpRoute http) {
        HttpRuleOrigin o = origins.ruleOrigins.get(http);
        if (o != null) {
            return o;
        }
        VirtualService raw = origins.raws.get(vs);
        return raw == null || index >= vs.http().size() || vs.http().get(index) != http ? null
                : new HttpRuleOrigin(raw, index, false);
    }

    /**
     * Where an http rule the translator routes with was written: the VirtualService as loaded, the rule's index in
     * its {@code http[]}, and whether its matches were merged with a root's (delegate rules: match indexes differ).
     */
    record HttpRuleOrigin(VirtualService virtualService, int httpIndex, boolean delegated) {
    }

    /**
     * Where {@code VirtualServicesForGateway} puts a VirtualService for a workload in {@code namespace} (spec §6.3): 0
     * private, 1 exported to the namespace, 2 public; -1 when the workload does not see it. Within a rank the order is
     * {@link CreationOrder}.
     */
    public static int bindingRank(VirtualService vs, String namespace) {
        return switch (visibility(vs, namespace)) {
            case PRIVATE -> 0;
            case EXPORTED -> 1;
            case PUBLIC -> 2;
            case NONE -> -1;
        };
    }

    /** True when a VirtualService is visible to workloads in {@code namespace} (spec §6.2). */
    public static boolean visibleTo(VirtualService vs, String namespace) {
        return visibility(vs, namespace) != Visibility.NONE;
    }

    private Map<String, List<VirtualService>> bucketFor(VirtualService vs) {
        return switch (visibility(vs, proxyNamespace)) {
            case PRIVATE -> privateByGateway;
            case EXPORTED -> exportedByGateway;
            case PUBLIC -> publicByGateway;
            case NONE -> null;
        };
    }

    /** Which {@code initVirtualServices} bucket a VirtualService lands in for {@code namespace}. */
    private static Visibility visibility(VirtualService vs, String namespace) {
        Set<String> exportTo = new LinkedHashSet<>(vs.exportTo());
        // meshConfig defaultVirtualServiceExportTo is "*" (spec §4): no exportTo means public.
        if (exportTo.isEmpty() || exportTo.contains("*")) {
            return Visibility.PUBLIC;
        }
        if (exportTo.contains("~")) {
            return Visibility.NONE;
        }
        String own = vs.metadata().namespace();
        if (own.equals(namespace) && (exportTo.contains(".") || exportTo.contains(own))) {
            return Visibility.PRIVATE;
        }
        return exportTo.contains(namespace) ? Visibility.EXPORTED : Visibility.NONE;
    }

    private enum Visibility { PRIVATE, EXPORTED, PUBLIC, NONE }

    /**
     * {@code resolveVirtualServiceShortnames} (spec §6.1): hosts and destination hosts to FQDNs, gateway names to
     * {@code ns/name}, empty {@code gateways} to {@code [mesh]}. Origin and source positions are kept.
     */
    public static VirtualService resolve(VirtualService vs) {
        return resolve(vs, UnaryOperator.identity());
    }

    /** As {@link #resolve(VirtualService)}, the resolved host and gateway lists passed through {@code shared}. */
    private static VirtualService resolve(VirtualService vs, UnaryOperator<List<String>> shared) {
        String ns = vs.metadata().namespace();
        List<String> hosts = same(vs.hosts(), vs.hosts().stream().map(h -> Hosts.resolveShortnameToFqdn(h, ns))
                .toList());
        hosts = hosts == vs.hosts() ? hosts : shared.apply(hosts);
        List<String> gateways = vs.gateways().isEmpty() ? List.of(Hosts.MESH_GATEWAY)
                : shared.apply(gatewayNames(vs.gateways(), ns));
        List<HttpRoute> http = new ArrayList<>(vs.http().size());
        for (HttpRoute r : vs.http()) {
            List<HttpMatch> matches = new ArrayList<>(r.match().size());
            for (HttpMatch m : r.match()) {
                List<String> matchGateways = m.gateways().isEmpty() ? m.gateways() : gatewayNames(m.gateways(), ns);
                matches.add(matchGateways.equals(m.gateways()) ? m : new HttpMatch(m.name(), m.uri(), m.method(),
                        m.authority(), m.scheme(), m.headers(), m.withoutHeaders(), m.queryParams(), m.port(),
                        matchGateways, m.sourceLabels(), m.sourceNamespace(), m.ignoreUriCase()));
            }
            List<HttpMatch> resolvedMatches = same(r.match(), matches);
            List<RouteDestination> route = destinations(r.route(), ns);
            Destination mirror = destination(r.mirror(), ns);
            // Most rules need nothing resolved: then the rule itself is kept (a copy per rule doubled the heap the
            // translation needs; the rule origins are keyed by identity, and no rule is shared between two
            // VirtualServices).
            http.add(resolvedMatches == r.match() && route == r.route() && mirror == r.mirror() ? r
                    : new HttpRoute(r.name(), resolvedMatches, route, r.hasRedirect(), r.hasDirectResponse(), mirror,
                            r.delegateName(), r.delegateNamespace(), r.redirect(), r.rewrite(), r.hasFault(),
                            r.corsAllowOrigins(), r.directResponseStatus()));
        }
        List<TcpRoute> tcp = vs.tcp().stream()
                .map(t -> new TcpRoute(l4Matches(t.match(), ns), destinations(t.route(), ns))).toList();
        List<TlsRoute> tls = vs.tls().stream()
                .map(t -> new TlsRoute(l4Matches(t.match(), ns), destinations(t.route(), ns))).toList();
        return new VirtualService(vs.metadata(), vs.origin(), vs.source(), hosts, gateways, same(vs.http(), http),
                tcp, tls, vs.exportTo());
    }

    /** {@code original} when {@code resolved} holds the very same elements, else {@code resolved}. */
    private static <T> List<T> same(List<T> original, List<T> resolved) {
        if (original.size() != resolved.size()) {
            return resolved;
        }
        for (int i = 0; i < original.size(); i++) {
            if (original.get(i) != resolved.get(i)) {
                return resolved;
            }
        }
        return original;
    }

    private static List<String> gatewayNames(List<String> gateways, String ns) {
        return gateways.stream().map(g -> Hosts.resolveGatewayName(g, ns)).toList();
    }

    private static List<L4Match> l4Matches(List<L4Match> matches, String ns) {
        return matches.stream().map(m -> new L4Match(m.sniHosts(), m.port(), gatewayNames(m.gateways(), ns),
                m.sourceLabels(), m.sourceNamespace(), m.destinationSubnets())).toList();
    }

    private static List<RouteDestination> destinations(List<RouteDestination> route, String ns) {
        return same(route, route.stream().map(d -> {
            Destination resolved = destination(d.destination(), ns);
            return resolved == d.destination() ? d : new RouteDestination(resolved, d.weight(), d.weightSet());
        }).toList());
    }

    /** The destination with its host resolved; {@code d} itself when the host is already a full name. */
    private static Destination destination(Destination d, String ns) {
        if (d == null) {
            return null;
        }
        String host = Hosts.resolveShortnameToFqdn(d.host(), ns);
        return host == d.host() ? d : new Destination(host, d.subset(), d.port());
    }

    /** The VirtualServices bound to one gateway in binding order, indexed by exact host. */
    private static final class Binding {
        final List<VirtualService> all;
        private final Map<String, List<Integer>> byExactHost = new HashMap<>();
        private final List<Integer> withWildcardHost = new ArrayList<>();

        Binding(List<VirtualService> all) {
            this.all = all;
            for (int i = 0; i < all.size(); i++) {
                boolean wildcard = false;
                for (String h : new LinkedHashSet<>(all.get(i).hosts())) {
                    if (Hosts.isWildcard(h)) {
                        wildcard = true;
                    } else {
                        byExactHost.computeIfAbsent(h, k -> new ArrayList<>()).add(i);
                    }
                }
                if (wildcard) {
                    withWildcardHost.add(i);
                }
            }
        }

        List<VirtualService> candidates(List<String> serverHosts) {
            TreeSet<Integer> positions = new TreeSet<>(withWildcardHost);
            for (String h : serverHosts) {
                String name = Hosts.stripNamespace(h);
                if (Hosts.isWildcard(name)) {
                    return all;
                }
                positions.addAll(byExactHost.getOrDefault(name, List.of()));
            }
            List<VirtualService> out = new ArrayList<>(positions.size());
            for (int i : positions) {
                out.add(all.get(i));
            }
            return out;
        }
    }
}
