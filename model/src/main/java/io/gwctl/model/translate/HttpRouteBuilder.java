package io.gwctl.model.translate;

import io.gwctl.model.envoy.HeaderMatcher;
import io.gwctl.model.envoy.QueryParameterMatcher;
import io.gwctl.model.envoy.Redirect;
import io.gwctl.model.envoy.Route;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.envoy.RouteMatch;
import io.gwctl.model.envoy.RuleSource;
import io.gwctl.model.envoy.ValueMatcher;
import io.gwctl.model.envoy.VirtualHost;
import io.gwctl.model.envoy.WeightedCluster;
import io.gwctl.model.istio.Destination;
import io.gwctl.model.istio.HttpMatch;
import io.gwctl.model.istio.HttpRedirect;
import io.gwctl.model.istio.HttpRoute;
import io.gwctl.model.istio.RouteDestination;
import io.gwctl.model.istio.StringMatch;
import io.gwctl.model.istio.VirtualService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * istiod's {@code buildGatewayHTTPRouteConfig} (spec §7): one RDS route configuration from the servers behind its
 * name and the VirtualServices bound to their Gateways — host intersection, routes per VirtualService, virtual hosts
 * deduplicated by host, httpsRedirect, blackhole, route collapse and sorting.
 */
final class HttpRouteBuilder {
    /** Path prefix of {@code metadata.filter_metadata.istio.config} on every route (spec §7.2, pilot ≥1.24). */
    static final String CONFIG_PREFIX = "/apis/networking.istio.io/v1/namespaces/";

    private final GatewayProxy proxy;
    private final MergedGateway merged;
    private final VirtualServiceIndex vsIndex;
    private final Clusters clusters;
    /** Whether routes carry their rule source and weighted clusters (false: only what the route table prints). */
    private final boolean full;
    /** Counter giving every built route list its identity (istiod compares route pointers, spec §7.4). */
    private int nextRouteId;
    /**
     * What the routes of one configuration share, made once: the translated match of each (shared) Istio match, the
     * cluster of each destination and port, the weighted clusters of each destination list, the text of each rule
     * source. Hundreds of thousands of routes otherwise each held their own equal copies (a third of the heap of
     * {@code pc route} on 30,000 Gateways).
     */
    /** The match of a rule without matches. */
    private static final RouteMatch CATCH_ALL = translateMatch(null);
    private final Map<HttpMatch, RouteMatch> translatedMatches = new HashMap<>();
    private final Map<ClusterKey, String> clusterNames = new HashMap<>();
    private final Map<WeightedKey, List<WeightedCluster>> weightedClusters = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();

    private record ClusterKey(Destination destination, int port) {
    }

    private record WeightedKey(List<RouteDestination> route, int port) {
    }

    HttpRouteBuilder(GatewayProxy proxy, MergedGateway merged, VirtualServiceIndex vsIndex, Clusters clusters,
                     boolean full) {
        this.proxy = proxy;
        this.merged = merged;
        this.vsIndex = vsIndex;
        this.clusters = clusters;
        this.full = full;
    }

    /** Builds the route configuration {@code routeName}; empty when no server carries that name. */
    RouteConfiguration build(String routeName) {
        List<BoundServer> servers = merged.serversByRouteName().get(routeName);
        if (servers == null || servers.isEmpty()) {
            return new RouteConfiguration(routeName, List.of(), true);
        }
        Map<String, RouteList> routesByGatewayAndVs = new HashMap<>();
        Map<String, VHost> vhosts = new HashMap<>();
        for (BoundServer server : servers) {
            String gatewayName = server.gatewayName();
            int port = server.gatewayPort();
            boolean redirect = server.server().tls() != null && server.server().tls().httpsRedirect();
            List<String> serverHosts = server.hosts();
            for (VirtualService vs : vsIndex.candidates(gatewayName, serverHosts)) {
                List<String> intersecting = Hosts.intersection(
                        Hosts.namesForNamespace(serverHosts, vs.metadata().namespace()), vs.hosts());
                if (intersecting.isEmpty()) {
                    continue;
                }
                // Routes are computed once per (gateway, VirtualService) with the first server's port (spec §7.2);
                // a VirtualService without routes is retried for the next server, as istiod does not cache errors.
                String key = gatewayName + "\u0000" + vs.metadata().name() + "/" + vs.metadata().namespace();
                RouteList routes = routesByGatewayAndVs.get(key);
                if (routes == null) {
                    List<Route> built = buildRoutes(vs, port, gatewayName);
                    if (built.isEmpty()) {
                        continue;
                    }
                    routes = new RouteList(nextRouteId++, built);
                    routesByGatewayAndVs.put(key, routes);
                }
                for (String h : intersecting) {
                    String hostname = h.toLowerCase(java.util.Locale.ROOT);
                    VHost vh = vhosts.get(hostname);
                    if (vh == null) {
                        vh = new VHost(Hosts.domainName(hostname, port), hostname);
                        vhosts.put(hostname, vh);
                    }
                    vh.append(routes);
                    if (redirect) {
                        vh.requireTls = true;
                    }
                }
            }
            if (redirect) {
                // httpsRedirect hosts without any VirtualService still answer (with a 301): spec §7.3.
                for (String h : serverHosts) {
                    String hostname = h.toLowerCase(java.util.Locale.ROOT);
                    VHost vh = vhosts.computeIfAbsent(hostname, k -> new VHost(Hosts.domainName(k, port), k));
                    vh.requireTls = true;
                }
            }
        }
        List<VirtualHost> out = new ArrayList<>();
        if (vhosts.isEmpty()) {
            out.add(new VirtualHost(Hosts.domainName("blackhole", servers.get(0).gatewayPort()), List.of("*"),
                    List.of(), false));
        } else {
            for (VHost vh : collapse(vhosts)) {
                out.add(new VirtualHost(vh.name, vh.domains, sortRoutes(vh.routes()), vh.requireTls));
            }
            out.sort((a, b) -> GoStrings.compare(a.name(), b.name()));
        }
        return new RouteConfiguration(routeName, out, true);
    }

    /**
     * {@code collapseDuplicateRoutes} (spec §7.4): in host-specificity order, a virtual host whose route list is the
     * same sequence of route lists (and the same requireTls) as an earlier one gives its domains to that one. istiod
     * compares the routes' identities one by one; comparing the identities of the lists they were appended from is
     * the same test, as no list is empty and a list's length is fixed.
     */
    private static List<VHost> collapse(Map<String, VHost> vhosts) {
        List<String> keys = new ArrayList<>(vhosts.keySet());
        keys.sort(Hosts.MORE_SPECIFIC_FIRST);
        Map<VHost.Lists, VHost> known = new HashMap<>();
        List<VHost> out = new ArrayList<>();
        for (String k : keys) {
            VHost vh = vhosts.get(k);
            VHost.Lists lists = new VHost.Lists(vh.lists);
            VHost primary = known.get(lists);
            if (primary != null && primary.requireTls == vh.requireTls) {
                primary.domains.addAll(vh.domains);
            } else {
                known.put(lists, vh);
                out.add(vh);
            }
        }
        return out;
    }

    /** {@code SortVHostRoutes}: catch-all routes moved to the end, the others keep their order. */
    static List<Route> sortRoutes(List<Route> routes) {
        List<Route> out = new ArrayList<>(routes.size());
        List<Route> catchAll = new ArrayList<>();
        for (Route r : routes) {
            (isCatchAll(r.match()) ? catchAll : out).add(r);
        }
        out.addAll(catchAll);
        return out;
    }

    /** {@code IsCatchAllRoute}: prefix or path-separated prefix {@code /}, or regex {@code .*}, and nothing else. */
    static boolean isCatchAll(RouteMatch m) {
        boolean all = "/".equals(m.prefix()) || "/".equals(m.pathSeparatedPrefix()) || ".*".equals(m.safeRegex());
        return all && !m.hasHeaders() && !m.hasQueryParameters();
    }

    /**
     * {@code BuildHTTPRoutesForVirtualService} (spec §7.2): routes of {@code http[]} in order, a match-less rule or a
     * catch-all route ends the list; matches for another port or source are skipped.
     */
    private List<Route> buildRoutes(VirtualService vs, int listenPort, String gatewayName) {
        List<Route> out = new ArrayList<>();
        String config = CONFIG_PREFIX + vs.metadata().namespace() + "/virtual-service/" + vs.metadata().name();
        for (int i = 0; i < vs.http().size(); i++) {
            HttpRoute http = vs.http().get(i);
            if (http.delegateName() != null) {
                continue; // a delegate that was missing or not exported to the root (Delegates)
            }
            if (http.match().isEmpty()) {
                out.add(route(vs, i, http, null, listenPort, config));
                break;
            }
            boolean catchAll = false;
            for (HttpMatch m : http.match()) {
                if (m.port() != 0 && m.port() != listenPort) {
                    continue;
                }
                if (!sourceMatches(m, gatewayName)) {
                    continue;
                }
                Route r = route(vs, i, http, m, listenPort, config);
                out.add(r);
                if (isCatchAll(r.match())) {
                    catchAll = true;
                    break;
                }
            }
            if (catchAll) {
                break;
            }
        }
        return out;
    }

    /** {@code sourceMatchHTTP}: match gateways name this gateway, else source labels and namespace match the pod. */
    private boolean sourceMatches(HttpMatch m, String gatewayName) {
        if (!m.gateways().isEmpty()) {
            return m.gateways().contains(gatewayName);
        }
        if (GatewayWorkloads.subsetOf(m.sourceLabels(), proxy.labels())) {
            return m.sourceNamespace() == null || m.sourceNamespace().isEmpty()
                    || m.sourceNamespace().equals(proxy.namespace());
        }
        return false;
    }

    private Route route(VirtualService vs, int index, HttpRoute http, HttpMatch m, int listenPort, String config) {
        RouteMatch match = m == null ? CATCH_ALL
                : translatedMatches.computeIfAbsent(m, HttpRouteBuilder::translateMatch);
        RuleSource source = full ? source(vs, index, http, m) : null;
        if (http.hasRedirect()) {
            return new Route(match, Route.Action.REDIRECT, "", config, List.of(), redirect(http.redirect()), 0,
                    source);
        }
        if (http.hasDirectResponse()) {
            return new Route(match, Route.Action.DIRECT_RESPONSE, "", config, List.of(), null,
                    http.directResponseStatus(), source);
        }
        if (http.route().size() == 1) {
            Destination d = http.route().get(0).destination();
            return new Route(match, Route.Action.CLUSTER, cluster(d, listenPort), config, List.of(), null,
                    0, source);
        }
        if (!full) {
            return new Route(match, Route.Action.WEIGHTED_CLUSTERS, "", config, List.of(), null, 0, null);
        }
        List<WeightedCluster> weighted = weightedClusters.computeIfAbsent(new WeightedKey(http.route(), listenPort),
                k -> {
                    List<WeightedCluster> out = new ArrayList<>(k.route().size());
                    for (RouteDestination d : k.route()) {
                        out.add(new WeightedCluster(cluster(d.destination(), k.port()), d.weight()));
                    }
                    return List.copyOf(out);
                });
        return new Route(match, Route.Action.WEIGHTED_CLUSTERS, "", config, weighted, null, 0, source);
    }

    private String cluster(Destination d, int listenPort) {
        return clusterNames.computeIfAbsent(new ClusterKey(d, listenPort), k -> clusters.cluster(d, listenPort));
    }

    /** One copy of each equal text of the rule sources. */
    private String text(String s) {
        String shared = texts.putIfAbsent(s, s);
        return shared == null ? s : shared;
    }

    /**
     * The VirtualService rule behind a route: {@code http[i].match[j]} with its line, or only {@code http[i]} for a
     * rule merged from a delegate (its matches were combined with the root's); null when unknown.
     */
    private RuleSource source(VirtualService routes, int index, HttpRoute http, HttpMatch m) {
        VirtualServiceIndex.HttpRuleOrigin o = vsIndex.ruleOrigin(routes, index, http);
        if (o == null) {
            return null;
        }
        VirtualService vs = o.virtualService();
        String pointer = "/spec/http/" + o.httpIndex();
        String part = "http[" + o.httpIndex() + "]";
        int j = m == null || o.delegated() ? -1 : http.match().indexOf(m);
        if (j >= 0) {
            pointer += "/match/" + j;
            part += ".match[" + j + "]";
        }
        return new RuleSource(text("VirtualService " + vs.metadata().namespace() + "/" + vs.metadata().name()),
                text(part),
                vs.origin().file(), vs.origin().hasLine() ? vs.line(pointer) : 0);
    }

    /** {@code translateRedirect}: Istio's redirect block as Envoy's (the code defaults to 301). */
    private static Redirect redirect(HttpRedirect r) {
        if (r == null) {
            return null;
        }
        boolean fromRequest = "FROM_REQUEST_PORT".equals(r.derivePort());
        return new Redirect(r.scheme(), r.authority(), r.port(), r.uri(), null,
                r.redirectCode() == 0 ? 301 : r.redirectCode(), false, fromRequest);
    }

    /**
     * {@code TranslateRouteMatch}: the path specifier, {@code ignoreUriCase} as {@code case_sensitive: false}, and the
     * header ({@code headers}, {@code withoutHeaders} inverted, {@code method}, {@code authority}, {@code scheme} as
     * pseudo-headers) and query-parameter matchers.
     */
    static RouteMatch translateMatch(HttpMatch m) {
        if (m == null) {
            return RouteMatch.prefix("/");
        }
        List<HeaderMatcher> headers = new ArrayList<>();
        m.headers().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> headers.add(new HeaderMatcher(e.getKey(), value(e.getValue()), false)));
        m.withoutHeaders().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> headers.add(new HeaderMatcher(e.getKey(), value(e.getValue()), true)));
        if (m.method() != null) {
            headers.add(new HeaderMatcher(":method", value(m.method()), false));
        }
        if (m.authority() != null) {
            headers.add(new HeaderMatcher(":authority", value(m.authority()), false));
        }
        if (m.scheme() != null) {
            headers.add(new HeaderMatcher(":scheme", value(m.scheme()), false));
        }
        List<QueryParameterMatcher> query = new ArrayList<>();
        m.queryParams().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> query.add(new QueryParameterMatcher(e.getKey(), value(e.getValue()))));
        boolean hasHeaders = !headers.isEmpty();
        boolean hasQuery = !query.isEmpty();
        boolean caseSensitive = !m.ignoreUriCase();
        StringMatch uri = m.uri();
        if (uri == null) {
            return new RouteMatch("/", null, null, null, hasHeaders, hasQuery, headers, query, caseSensitive);
        }
        return switch (uri.type()) {
            case EXACT -> new RouteMatch(null, uri.value(), null, null, hasHeaders, hasQuery, headers, query,
                    caseSensitive);
            case PREFIX -> new RouteMatch(uri.value(), null, null, null, hasHeaders, hasQuery, headers, query,
                    caseSensitive);
            case REGEX -> new RouteMatch(null, null, null, uri.value(), hasHeaders, hasQuery, headers, query,
                    caseSensitive);
        };
    }

    private static ValueMatcher value(StringMatch s) {
        return switch (s.type()) {
            case EXACT -> ValueMatcher.of(ValueMatcher.Kind.EXACT, s.value());
            case PREFIX -> ValueMatcher.of(ValueMatcher.Kind.PREFIX, s.value());
            case REGEX -> ValueMatcher.of(ValueMatcher.Kind.REGEX, s.value());
        };
    }

    /** A route list built for one (gateway, VirtualService): its identity and its routes. */
    private record RouteList(int id, List<Route> routes) {
    }

    /**
     * A virtual host under construction: the route lists appended to it, in order. Its routes are the lists' routes
     * one after the other, made only when the host is built (a host's routes held one by one, with a boxed identity
     * each, were a tenth of the heap of {@code pc route} on 100,000 Gateways).
     */
    private static final class VHost {
        final String name;
        final List<String> domains = new ArrayList<>();
        final List<RouteList> lists = new ArrayList<>(2);
        boolean requireTls;

        VHost(String name, String domain) {
            this.name = name;
            this.domains.add(domain);
        }

        void append(RouteList list) {
            lists.add(list);
        }

        List<Route> routes() {
            int n = 0;
            for (RouteList l : lists) {
                n += l.routes().size();
            }
            List<Route> out = new ArrayList<>(n);
            for (RouteList l : lists) {
                out.addAll(l.routes());
            }
            return out;
        }

        /** The identities of a host's route lists in order: equal when two hosts have the same routes (collapse). */
        record Lists(int[] ids) {
            Lists(List<RouteList> lists) {
                this(lists.stream().mapToInt(RouteList::id).toArray());
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Lists other && java.util.Arrays.equals(ids, other.ids);
            }

            @Override
            public int hashCode() {
                return java.util.Arrays.hashCode(ids);
            }

            @Override
            public String toString() {
                return java.util.Arrays.toString(ids);
            }
        }
    }
}
