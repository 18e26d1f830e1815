package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Protocol;
import io.gwctl.model.istio.Server;
import io.gwctl.model.istio.TlsMode;
import io.gwctl.model.envoy.Route;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.envoy.VirtualHost;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.translate.Hosts;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.VirtualServiceIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * GW0404: a Gateway server host that no VirtualService binds, so the gateway listens for it and serves nothing:
 * HTTP requests get 404 with response flag NR, TLS/TCP connections are not forwarded (lint catalogue §5 D.6).
 *
 * <p>A VirtualService binds a server host when it names the Gateway (in {@code spec.gateways} or a route match,
 * resolved per spec §6.1), carries the route type the server serves ({@code http} for HTTP and terminated HTTPS
 * servers, {@code tls} for passthrough servers, {@code tcp} for TCP-family and terminated TLS servers), and one of
 * its hosts matches the server host; a {@code ns/host} server host binds only VirtualServices of {@code ns}
 * (spec §7.1). Servers with {@code tls.httpsRedirect} are skipped: istiod answers them with a redirect without any
 * VirtualService; so are {@code AUTO_PASSTHROUGH} servers, which route by SNI without one. A plain HTTP host that
 * another Gateway's VirtualService serves through the shared {@code http.<port>} route configuration is not
 * reported either: the translated routes decide. Only VirtualServices visible to the namespace of a gateway workload the Gateway applies to count
 * ({@code exportTo}, spec §6.2).
 */
public final class GatewayHostUnboundRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0404", "gateway-host-unbound", Severity.INFO,
            "A Gateway server host has no VirtualService bound to it.",
            List.of(), Set.of(Kind.GATEWAY, Kind.VIRTUAL_SERVICE));

    /** The VirtualService route list a server needs. */
    private enum RouteKind {
        HTTP("http", "requests for it get 404 (NR)"),
        TLS("tls", "TLS connections with that SNI are not forwarded"),
        TCP("tcp", "connections to it are not forwarded");

        private final String field;
        private final String effect;

        RouteKind(String field, String effect) {
            this.field = field;
            this.effect = effect;
        }
    }

    /**
     * The VirtualServices bound to one Gateway key, as they come: their hosts are indexed only while that Gateway is
     * checked ({@link Binder}). An index kept per key (two enum maps, a map per namespace and a host index per route
     * kind) was some 50 MB at 100,000 Gateways, the largest structure of the rule phase.
     */
    private static final class Bound {
        final List<VirtualService> services = new ArrayList<>(2);
    }

    private static final RouteKind[] KINDS = RouteKind.values();

    /**
     * The hosts of the VirtualServices of some {@link Bound}s, per route kind: overall, and per namespace only when a
     * server host names one.
     */
    private static final class Binder {
        private final List<Bound> bound;
        private HostIndex[] all;
        private List<Map<String, HostIndex>> byNamespace;

        Binder(List<Bound> bound) {
            this.bound = bound;
        }

        boolean binds(RouteKind kind, String sanitizedHost) {
            int slash = sanitizedHost.indexOf('/');
            if (slash < 0) {
                if (all == null) {
                    indexAll();
                }
                HostIndex idx = all[kind.ordinal()];
                return idx != null && idx.matchesAny(sanitizedHost);
            }
            if (byNamespace == null) {
                indexByNamespace(); // only for ns/host server hosts, which few Gateways have
            }
            HostIndex idx = byNamespace.get(kind.ordinal()).get(sanitizedHost.substring(0, slash));
            return idx != null && idx.matchesAny(sanitizedHost.substring(slash + 1));
        }

        private void indexAll() {
            all = new HostIndex[KINDS.length];
            forEachHost((kind, ns, host) -> {
                if (all[kind.ordinal()] == null) {
                    all[kind.ordinal()] = new HostIndex();
                }
                all[kind.ordinal()].add(host);
            });
        }

        private void indexByNamespace() {
            byNamespace = new ArrayList<>();
            for (int k = 0; k < KINDS.length; k++) {
                byNamespace.add(new HashMap<>());
            }
            forEachHost((kind, ns, host) ->
                    byNamespace.get(kind.ordinal()).computeIfAbsent(ns, n -> new HostIndex()).add(host));
        }

        /** A host (resolved to an FQDN) with its VirtualService's namespace and each route kind it has. */
        private interface HostSink {
            void accept(RouteKind kind, String namespace, String host);
        }

        private void forEachHost(HostSink sink) {
            for (Bound b : bound) {
                for (VirtualService vs : b.services) {
                    String ns = vs.metadata().namespace();
                    for (String h : vs.hosts()) {
                        String fqdn = Hosts.resolveShortnameToFqdn(h, ns);
                        if (!vs.http().isEmpty()) {
                            sink.accept(RouteKind.HTTP, ns, fqdn);
                        }
                        if (!vs.tls().isEmpty()) {
                            sink.accept(RouteKind.TLS, ns, fqdn);
                        }
                        if (!vs.tcp().isEmpty()) {
                            sink.accept(RouteKind.TCP, ns, fqdn);
                        }
                    }
                }
            }
        }
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        Set<String> scoped = new HashSet<>();
        Map<String, Bound> byGateway = index(ctx.snapshot().virtualServices(), scoped);
        for (Gateway g : ctx.snapshot().gateways()) {
            List<Bound> found = new ArrayList<>();
            addIfPresent(found, byGateway.get(g.fullName()));
            // Workloads are resolved only for Gateways that non-public VirtualServices bind: the common all-public
            // case never pays for finding the gateway pods.
            if (scoped.contains(g.fullName())) {
                for (String ns : new TreeSet<>(ctx.workloadsFor(g).stream().map(GatewayProxy::namespace).toList())) {
                    addIfPresent(found, byGateway.get(g.fullName() + "\n" + ns));
                }
            }
            Binder bound = new Binder(found);
            for (Server s : g.servers()) {
                RouteKind kind = routeKind(s);
                if (kind == null) {
                    continue;
                }
                for (int j = 0; j < s.hosts().size(); j++) {
                    String raw = s.hosts().get(j);
                    List<String> sanitized = Hosts.sanitizeServerHostNamespace(List.of(raw), g.metadata().namespace());
                    if (sanitized.isEmpty() || bound.binds(kind, sanitized.get(0))
                            || servedByMergedHttpRoutes(ctx, g, s, kind, Hosts.stripNamespace(sanitized.get(0)))) {
                        continue;
                    }
                    String message = "Gateway server host \"" + raw + "\" (port " + s.port().number() + " "
                            + s.port().protocol() + ") is not bound by any VirtualService with " + kind.field
                            + " routes: " + kind.effect;
                    String hint = "bind a VirtualService with gateways: [" + g.fullName() + "], a host matching \""
                            + raw + "\" and " + kind.field + " routes, or remove the host from the server";
                    out.report(g, s.pointer() + "/hosts/" + j, message, hint);
                }
            }
        }
    }

    /**
     * True when the host is served anyway through the route configuration its server shares: plain HTTP servers of
     * every Gateway on one port merge into one route configuration {@code http.<port>} (spec §7), so a virtual host
     * that another Gateway's VirtualService builds there with a domain covering this host answers its requests
     * (two {@code *} Gateways, one with a VirtualService, as kubeflow ships them). Decided on the translated view of
     * each gateway workload the Gateway applies to, so GW0404 agrees with {@code proxy-config route}.
     */
    private static boolean servedByMergedHttpRoutes(RuleContext ctx, Gateway g, Server s, RouteKind kind,
                                                    String host) {
        if (kind != RouteKind.HTTP || s.tls() != null) {
            return false; // terminated HTTPS servers have route configurations of their own
        }
        List<GatewayProxy> workloads = ctx.workloadsFor(g);
        if (workloads.isEmpty()) {
            return false;
        }
        String suffix = ":" + s.port().number();
        for (GatewayProxy p : workloads) {
            boolean served = false;
            for (RouteConfiguration rc : ctx.view(p).routeConfigs()) {
                if (!rc.name().startsWith("http.")) {
                    continue;
                }
                for (VirtualHost vh : rc.virtualHosts()) {
                    if (vh.name().endsWith(suffix) && servesVirtualServiceRoutes(vh)
                            && vh.domains().stream().anyMatch(d -> Hosts.subsetOf(host, stripPort(d)))) {
                        served = true;
                        break;
                    }
                }
                if (served) {
                    break;
                }
            }
            if (!served) {
                return false;
            }
        }
        return true;
    }

    private static boolean servesVirtualServiceRoutes(VirtualHost vh) {
        for (Route r : vh.routes()) {
            if (r.istioConfig() != null && !r.istioConfig().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static String stripPort(String domain) {
        int colon = domain.lastIndexOf(':');
        return colon > 0 && domain.indexOf(']') < colon && domain.substring(colon + 1).chars().allMatch(Character::isDigit)
                ? domain.substring(0, colon) : domain;
    }

    private static void addIfPresent(List<Bound> list, Bound b) {
        if (b != null) {
            list.add(b);
        }
    }

    /**
     * VirtualService hosts (resolved to FQDNs) by the {@code ns/name} of every Gateway they bind to: public
     * VirtualServices under {@code ns/name}, the others under {@code ns/name} + newline + each namespace they are
     * visible to, so that a Gateway looks up only what its workloads' namespaces see. The Gateways that such
     * non-public VirtualServices bind go to {@code scoped}.
     */
    private static Map<String, Bound> index(List<VirtualService> virtualServices, Set<String> scoped) {
        Map<String, Bound> byGateway = new HashMap<>();
        for (VirtualService vs : virtualServices) {
            List<String> scopes = scopes(vs);
            Set<String> seen = new HashSet<>();
            for (GatewayRef ref : GatewayRef.all(vs)) {
                if (!ref.isGatewayResource() || !seen.add(ref.resolved())) {
                    continue;
                }
                for (String scope : scopes) {
                    byGateway.computeIfAbsent(ref.resolved() + scope, k -> new Bound()).services.add(vs);
                    if (!scope.isEmpty()) {
                        scoped.add(ref.resolved());
                    }
                }
            }
        }
        return byGateway;
    }

    /** {@code ""} for a public VirtualService, else newline + each namespace it is visible to (none for {@code ~}). */
    private static List<String> scopes(VirtualService vs) {
        String own = vs.metadata().namespace();
        if (vs.exportTo().isEmpty() || vs.exportTo().contains("*")) { // public, spec §6.2
            return List.of("");
        }
        Set<String> candidates = new TreeSet<>(vs.exportTo());
        candidates.add(own);
        List<String> scopes = new ArrayList<>();
        for (String ns : candidates) {
            if (VirtualServiceIndex.visibleTo(vs, ns)) {
                scopes.add("\n" + ns);
            }
        }
        return scopes;
    }

    /** The routes a server serves (spec §5.4 server classification), or null when it needs none or is invalid. */
    private static RouteKind routeKind(Server s) {
        if (s.port() == null) {
            return null;
        }
        Protocol p = s.port().parsedProtocol();
        if (s.tls() != null && s.tls().mode() == TlsMode.AUTO_PASSTHROUGH) {
            return null; // routed by SNI to the cluster's services without any VirtualService (east-west gateways)
        }
        boolean passthrough = s.tls() == null || s.tls().mode().isPassthrough();
        if (p.isHttp()) {
            return s.tls() != null && s.tls().httpsRedirect() ? null : RouteKind.HTTP;
        }
        if (p == Protocol.HTTPS || p == Protocol.TLS) {
            if (s.tls() == null) {
                return null; // GW0502: istiod cannot serve it at all
            }
            if (passthrough) {
                return RouteKind.TLS;
            }
            return p == Protocol.HTTPS ? RouteKind.HTTP : RouteKind.TCP;
        }
        return p.isTcp() ? RouteKind.TCP : null;
    }
}
