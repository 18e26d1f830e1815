package io.gwctl.model.trace;

import io.gwctl.model.envoy.FilterChain;
import io.gwctl.model.envoy.FilterChainMatch;
import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.NetworkFilter;
import io.gwctl.model.envoy.Redirect;
import io.gwctl.model.envoy.Route;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.envoy.RouteMatch;
import io.gwctl.model.envoy.RuleSource;
import io.gwctl.model.envoy.VirtualHost;
import io.gwctl.model.envoy.WeightedCluster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Follows one request through a gateway's listeners and route configurations as Envoy would: the listener on the
 * port the client reaches (through the gateway Service's port mapping), the filter chain (destination port, then
 * SNI: exact, longest wildcard, none; then transport protocol and ALPN; no backtracking; the default chain last), the
 * HTTP connection manager's route configuration, the virtual host ({@link VirtualHostSelector}), the first matching
 * route ({@link RouteMatcher}) and what that route does. {@code require_tls} virtual hosts redirect plaintext
 * requests to https first, as Envoy does.
 */
public final class RequestTracer {
    private final Map<String, RouteConfiguration> routeConfigs = new HashMap<>();
    private final List<Listener> listeners;
    private final TraceContext context;

    /** A tracer over one gateway's configuration; route configurations are looked up by name (the first wins). */
    public RequestTracer(List<Listener> listeners, List<RouteConfiguration> routeConfigs, TraceContext context) {
        this.listeners = List.copyOf(listeners);
        this.context = context;
        for (RouteConfiguration rc : routeConfigs) {
            this.routeConfigs.putIfAbsent(rc.name(), rc);
        }
    }

    /** Traces {@code request} with Istio's default path normalization ({@link PathNormalization#BASE}). */
    public Trace trace(TraceRequest request) {
        return trace(request, PathNormalization.BASE);
    }

    /**
     * Traces {@code request}, its path normalized as {@code normalization} says before routing; the trace keeps the
     * request as given, and a note says what the router saw when normalization changed the path.
     */
    public Trace trace(TraceRequest request, PathNormalization normalization) {
        TraceRequest routed = request.withPath(normalization.apply(request.path()));
        Run run = new Run(routed);
        if (!routed.path().equals(request.path())) {
            run.notes.add("the path is routed as " + routed.path() + " (path normalization " + normalization
                    + (normalization == PathNormalization.BASE ? ", Istio's default" : "") + ")");
        }
        Trace t = run.run();
        return new Trace(request, t.steps(), t.outcome(), t.notes(), t.virtualHost(), t.route());
    }

    /** The state of one trace. */
    private final class Run {
        final TraceRequest request;
        final List<TraceStep> steps = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        VirtualHost chosenHost;
        Route chosenRoute;

        Run(TraceRequest request) {
            this.request = request;
        }

        Trace run() {
            TraceOutcome outcome = listenerStep();
            return new Trace(request, steps, outcome, notes, chosenHost, chosenRoute);
        }

        TraceOutcome listenerStep() {
            int port = request.port();
            Integer mapped = context.portMap().get(port);
            if (mapped != null && mapped != port) {
                notes.add("port " + port + " is served on listener port " + mapped
                        + (context.portMapSource().isEmpty() ? "" : " (" + context.portMapSource() + ")"));
                port = mapped;
            }
            Listener listener = null;
            for (Listener l : listeners) {
                if (l.port() == port && (listener == null || isWildcard(l.address()) && !isWildcard(listener.address()))) {
                    listener = l;
                }
            }
            if (listener == null) {
                return withoutListener(port);
            }
            steps.add(new TraceStep(TraceStep.Kind.LISTENER, listener.name() + " (" + listener.address() + ":"
                    + listener.port() + ")", List.of()));
            return chainStep(listener);
        }

        /**
         * No listener on {@code port}. A dump of route configurations without their listeners (e.g. istioctl's
         * route-only dumps) still names the plaintext one by Istio's rule, {@code http.<port>} (spec §5.4): it is
         * used, and said so, when no listener references it.
         */
        TraceOutcome withoutListener(int port) {
            String name = "http." + port;
            RouteConfiguration rc = routeConfigs.get(name);
            if (rc == null || request.tls() || request.tcp() || referenced(name)) {
                return TraceOutcome.failure(TraceOutcome.Kind.NO_LISTENER, 0, "no listener on port " + port);
            }
            notes.add("the input has no listener on port " + port + ": route configuration " + name
                    + " taken by Istio's name for it");
            steps.add(new TraceStep(TraceStep.Kind.ROUTE_CONFIGURATION, name, context.serversForRoute(name,
                    requestHost())));
            return virtualHostStep(rc);
        }

        /** The Host header without its port, lower-cased: what server hosts and domains are compared with. */
        String requestHost() {
            return VirtualHostSelector.stripPort(request.header(":authority").toLowerCase(Locale.ROOT));
        }

        boolean referenced(String routeName) {
            for (Listener l : listeners) {
                for (FilterChain c : l.filterChains()) {
                    for (NetworkFilter f : c.filters()) {
                        if (f instanceof NetworkFilter.HttpConnectionManager h
                                && routeName.equals(h.rdsRouteConfigName())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        TraceOutcome chainStep(Listener listener) {
            FilterChain chain = FilterChains.select(listener, request);
            boolean isDefault = false;
            if (chain == null) {
                chain = listener.defaultFilterChain();
                isDefault = true;
            }
            if (chain == null) {
                String sni = request.sni() == null ? "no SNI (plaintext)" : "SNI " + request.sni();
                return TraceOutcome.failure(TraceOutcome.Kind.NO_FILTER_CHAIN, 0, "no filter chain of "
                        + listener.name() + " matches " + sni);
            }
            String match = isDefault ? "default filter chain" : describe(chain.match());
            for (NetworkFilter f : chain.filters()) {
                if (f instanceof NetworkFilter.HttpConnectionManager hcm) {
                    boolean rds = hcm.inlineRouteConfig() == null;
                    List<RuleSource> servers = rds && !request.tcp()
                            ? context.serversForRoute(hcm.rdsRouteConfigName(), requestHost()) : List.of();
                    steps.add(new TraceStep(TraceStep.Kind.FILTER_CHAIN, match + " \u2192 HTTP", servers));
                    if (request.tcp()) {
                        return TraceOutcome.failure(TraceOutcome.Kind.UNKNOWN, 0,
                                "a tcp:// request reached an HTTP filter chain; trace it with an http:// URL");
                    }
                    RouteConfiguration rc = rds ? routeConfigs.get(hcm.rdsRouteConfigName()) : hcm.inlineRouteConfig();
                    if (rc == null) {
                        return TraceOutcome.failure(TraceOutcome.Kind.UNKNOWN, 0, "route configuration "
                                + hcm.rdsRouteConfigName() + " is not in the input");
                    }
                    steps.add(new TraceStep(TraceStep.Kind.ROUTE_CONFIGURATION,
                            rds ? rc.name() : "inline route configuration", List.of()));
                    return virtualHostStep(rc);
                }
                if (f instanceof NetworkFilter.TcpProxy tcp) {
                    List<RuleSource> servers = context.serversForChain(listener.port(),
                            chain.match() == null ? List.of() : chain.match().serverNames());
                    steps.add(new TraceStep(TraceStep.Kind.FILTER_CHAIN, match + " \u2192 TCP proxy", servers));
                    TraceOutcome.Kind kind = request.tls() ? TraceOutcome.Kind.TLS_PASSTHROUGH
                            : TraceOutcome.Kind.TCP_PROXY;
                    if (tcp.blackhole()) {
                        return TraceOutcome.failure(TraceOutcome.Kind.UNKNOWN, 0, "the TCP proxy sends to "
                                + "BlackHoleCluster: the connection is closed");
                    }
                    if (tcp.cluster().isEmpty()) {
                        if (tcp.weightedClusters().isEmpty()) {
                            notes.add("the TCP proxy has weighted clusters gwctl was not given");
                        }
                        return new TraceOutcome(kind, tcp.weightedClusters(), "", 0, "");
                    }
                    return new TraceOutcome(kind, List.of(new WeightedCluster(tcp.cluster(), 0)), "", 0, "");
                }
            }
            steps.add(new TraceStep(TraceStep.Kind.FILTER_CHAIN, match, List.of()));
            return TraceOutcome.failure(TraceOutcome.Kind.UNKNOWN, 0,
                    "the filter chain has neither an HTTP connection manager nor a TCP proxy");
        }

        TraceOutcome virtualHostStep(RouteConfiguration rc) {
            String authority = request.header(":authority");
            VirtualHostSelector.Selection s = VirtualHostSelector.select(rc.virtualHosts(), authority,
                    rc.ignorePortInHostMatching());
            String host = rc.ignorePortInHostMatching() ? VirtualHostSelector.stripPort(authority) : authority;
            if (s == null) {
                return TraceOutcome.failure(TraceOutcome.Kind.NOT_FOUND, 404, "no virtual host of " + rc.name()
                        + " has a domain matching " + host);
            }
            VirtualHost vh = s.virtualHost();
            chosenHost = vh;
            steps.add(new TraceStep(TraceStep.Kind.VIRTUAL_HOST, vh.name() + " (domain " + s.domain()
                    + " matches " + host + ")", List.of()));
            if (vh.requireTls() && !request.tls()) {
                String location = "https://" + authority + request.pathAndQuery();
                return new TraceOutcome(TraceOutcome.Kind.REDIRECT, List.of(), location, 301,
                        "the virtual host requires TLS: Gateway tls.httpsRedirect");
            }
            if (vh.routes().isEmpty()) {
                return TraceOutcome.failure(TraceOutcome.Kind.NOT_FOUND, 404, "virtual host " + vh.name()
                        + " has no routes" + (vh.name().startsWith("blackhole:")
                        ? " (no VirtualService is bound to this server's hosts)" : ""));
            }
            for (int i = 0; i < vh.routes().size(); i++) {
                Route r = vh.routes().get(i);
                RouteMatcher.Result result = RouteMatcher.matches(r.match(), request);
                if (result.undecidable() != null) {
                    notes.add("route " + (i + 1) + " of " + vh.name() + " not evaluated, assumed not to match: "
                            + result.undecidable());
                }
                if (result.matched()) {
                    chosenRoute = r;
                    steps.add(new TraceStep(TraceStep.Kind.ROUTE, "#" + (i + 1) + " " + describe(r.match()),
                            routeSources(r)));
                    return outcome(r);
                }
            }
            return TraceOutcome.failure(TraceOutcome.Kind.NOT_FOUND, 404, "none of the " + vh.routes().size()
                    + " routes of " + vh.name() + " matches " + request.method() + " " + request.pathAndQuery());
        }

        TraceOutcome outcome(Route r) {
            return switch (r.action()) {
                case CLUSTER -> new TraceOutcome(TraceOutcome.Kind.CLUSTER,
                        List.of(new WeightedCluster(r.cluster(), 0)), "", 0, "");
                case WEIGHTED_CLUSTERS -> {
                    if (r.weightedClusters().isEmpty()) {
                        notes.add("the route has weighted clusters gwctl was not given");
                    }
                    yield new TraceOutcome(TraceOutcome.Kind.CLUSTER, r.weightedClusters(), "", 0, "");
                }
                case REDIRECT -> r.redirect() == null
                        ? new TraceOutcome(TraceOutcome.Kind.REDIRECT, List.of(), "", 0, "redirect target unknown")
                        : new TraceOutcome(TraceOutcome.Kind.REDIRECT, List.of(), location(r), r.redirect()
                        .responseCode(), "");
                case DIRECT_RESPONSE -> new TraceOutcome(TraceOutcome.Kind.DIRECT_RESPONSE, List.of(), "",
                        r.directResponseStatus(), r.directResponseStatus() == 0
                        ? "the directResponse has no status" : "");
                case OTHER -> TraceOutcome.failure(TraceOutcome.Kind.UNKNOWN, 0,
                        "the route's action is not a route, redirect or direct response");
            };
        }

        /** Envoy's redirect URL: each part the redirect's, or the request's. */
        String location(Route r) {
            Redirect d = r.redirect();
            String scheme = d.scheme() != null && !d.scheme().isEmpty() ? d.scheme().toLowerCase(Locale.ROOT)
                    : request.scheme();
            String authority = request.header(":authority");
            String host = VirtualHostSelector.stripPort(authority);
            String requestPort = host.length() < authority.length() ? authority.substring(host.length() + 1) : "";
            String port = requestPort;
            if (d.host() != null && !d.host().isEmpty()) {
                host = VirtualHostSelector.stripPort(d.host());
                port = host.length() < d.host().length() ? d.host().substring(host.length() + 1) : "";
            }
            if (d.port() > 0) {
                port = Integer.toString(d.port());
            } else if (d.portFromRequest()) {
                port = Integer.toString(request.port());
            } else if (!scheme.equals(request.scheme())) {
                port = "";
            }
            if (port.equals(scheme.equals("https") ? "443" : "80")) {
                port = "";
            }
            String path = request.path();
            if (d.pathRedirect() != null && !d.pathRedirect().isEmpty()) {
                path = d.pathRedirect();
            } else if (d.prefixRewrite() != null && r.match() != null && r.match().prefix() != null) {
                path = d.prefixRewrite() + path.substring(Math.min(path.length(), r.match().prefix().length()));
            }
            String query = d.stripQuery() || path.contains("?") || request.query().isEmpty() ? ""
                    : "?" + request.query();
            return scheme + "://" + host + (port.isEmpty() ? "" : ":" + port) + path + query;
        }
    }

    /** The VirtualService rule behind a route: the translator's, or the one its istio.config metadata names. */
    static List<RuleSource> routeSources(Route r) {
        if (r.source() != null) {
            return List.of(r.source());
        }
        String cfg = r.istioConfig();
        String marker = "/namespaces/";
        int i = cfg == null ? -1 : cfg.indexOf(marker);
        if (i < 0) {
            return List.of();
        }
        String[] parts = cfg.substring(i + marker.length()).split("/");
        if (parts.length != 3) {
            return List.of();
        }
        String kind = parts[1].equals("virtual-service") ? "VirtualService" : parts[1];
        return List.of(new RuleSource(kind + " " + parts[0] + "/" + parts[2], "", "", 0));
    }

    private static boolean isWildcard(String address) {
        return "0.0.0.0".equals(address) || "::".equals(address);
    }

    /**
     * The server names a chain requires ({@code SNI: a,b}) and its ALPN if any, or {@code ALL} for a chain
     * without server names (istioctl's word); gateways set no other criteria (spec §8).
     */
    static String describe(FilterChainMatch m) {
        if (m == null || m.serverNames().isEmpty() && m.applicationProtocols().isEmpty()) {
            return "ALL";
        }
        String sni = m.serverNames().isEmpty() ? "no SNI" : "SNI: " + String.join(",", m.serverNames());
        return m.applicationProtocols().isEmpty() ? sni
                : sni + " with ALPN " + String.join(",", m.applicationProtocols());
    }

    /** A route match in words: {@code prefix /api}, plus its header and query conditions. */
    public static String describe(RouteMatch m) {
        if (m == null) {
            return "no match";
        }
        StringBuilder sb = new StringBuilder();
        if (m.prefix() != null) {
            sb.append("prefix ").append(m.prefix());
        } else if (m.path() != null) {
            sb.append("path ").append(m.path());
        } else if (m.pathSeparatedPrefix() != null) {
            sb.append("path-separated prefix ").append(m.pathSeparatedPrefix());
        } else if (m.safeRegex() != null) {
            sb.append("regex ").append(m.safeRegex());
        }
        if (!m.caseSensitive()) {
            sb.append(" (case-insensitive)");
        }
        m.headers().forEach(h -> sb.append(", header ").append(h.invert() ? "not " : "").append(h.name())
                .append(' ').append(h.value().kind().name().toLowerCase(Locale.ROOT)).append(' ')
                .append(h.value().value()));
        m.queryParameters().forEach(q -> sb.append(", query ").append(q.name()).append(' ')
                .append(q.value().kind().name().toLowerCase(Locale.ROOT)).append(' ').append(q.value().value()));
        return sb.toString();
    }
}
