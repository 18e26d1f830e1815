package io.gwctl.validators.rules;

import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Server;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.translate.BoundServer;
import io.gwctl.model.translate.CreationOrder;
import io.gwctl.model.translate.DroppedServer;
import io.gwctl.model.translate.Hosts;
import io.gwctl.model.translate.ServerPredicates;
import io.gwctl.model.translate.VirtualServiceIndex;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.rules.HostOverlapIndex.Entry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * GW0301's wording: turns the servers istiod drops ({@code MergedGateway.dropped}) and the overlaps that
 * {@link HostOverlapIndex} finds among the servers it keeps into findings, with the severity each deserves and the
 * reason istiod merges one Gateway first. For two HTTP servers sharing a host it also looks at the VirtualServices
 * bound to each, to say whether a route of one shadows a route of the other.
 */
final class HostPortFindings implements HostOverlapIndex.Listener {
    private final Reporter out;
    private final Supplier<VirtualServiceIndex> vsIndex;
    private final Map<String, List<VirtualService>> bound = new HashMap<>();
    private final Map<String, Optional<RouteShadowing.Shadow>> shadows = new HashMap<>();
    private final Map<String, String> shadowings = new HashMap<>();

    HostPortFindings(Reporter out, Supplier<VirtualServiceIndex> vsIndex) {
        this.out = out;
        this.vsIndex = vsIndex;
    }

    /** A server istiod drops (spec §5.5): reported on it, and on the Gateway that keeps the port or host. */
    void dropped(DroppedServer d) {
        BoundServer b = d.server();
        BoundServer other = d.conflictsWith();
        Server s = b.server();
        switch (d.reason()) {
            case DUPLICATE_TLS_HOST -> {
                int j = hostIndex(b, d.duplicateHosts());
                List<String> dups = stripped(d.duplicateHosts());
                List<String> lost = new ArrayList<>(stripped(b.hosts()));
                lost.removeAll(dups);
                String served = other == null ? "another server" : describe(other, b);
                // An HTTP server with only tls.httpsRedirect gets the same duplicate check (spec §5.5 step 1).
                String what = ServerPredicates.isTlsServer(s) ? "TLS host" : "host";
                String redirect = ServerPredicates.isTlsServer(s) ? "" : " (servers with a tls block, httpsRedirect too, may not "
                        + "repeat a host on a port)";
                String consequence = lost.isEmpty()
                        ? "requests for " + String.join(", ", dups) + " get that server's "
                                + (ServerPredicates.isTlsServer(s) ? "TLS settings" : "settings") + " and routes instead"
                        : String.join(", ", lost) + (lost.size() > 1 ? " become" : " becomes")
                                + " unreachable on port " + b.gatewayPort();
                String message = "server dropped: " + what + (dups.size() > 1 ? "s " : " ") + String.join(", ", dups)
                        + " on " + portText(b) + (dups.size() > 1 ? " are" : " is") + " already served by " + served
                        + ", which istiod merges first (" + orderReason(other, b) + ")" + redirect + "; istiod skips "
                        + "this whole server, so " + consequence;
                String hint = "Serve each host on port " + b.gatewayPort() + " from one server only: remove "
                        + String.join(", ", dups) + " from one of them, or move one server to another port or bind.";
                out.report(b.gateway(), s.pointer() + "/hosts/" + j, message, hint);
                if (other != null && other.gateway() != b.gateway()) {
                    // Both sides, as IST0145 and KIA0301 mark every Gateway of a conflict: the kept side too.
                    out.report(other.gateway(), other.server().pointer() + "/hosts/" + hostIndex(other,
                            d.duplicateHosts()), what + (dups.size() > 1 ? "s " : " ") + String.join(", ", dups)
                            + " on " + portText(other) + (dups.size() > 1 ? " are" : " is") + " also listed by "
                            + describe(b, other) + ", whose server istiod drops whole because this one is merged first ("
                            + thatOne(orderReason(other, b)) + "); this server keeps serving it"
                            + (lost.isEmpty() ? "" : ", and " + String.join(", ", lost) + " of the dropped server "
                            + (lost.size() > 1 ? "become" : "becomes") + " unreachable"), hint);
                }
            }
            case PROTOCOL_CONFLICT, NO_RDS_NAME -> {
                int j = other == null ? -1 : sharedHostIndex(b, other);
                String pointer = j >= 0 ? s.pointer() + "/hosts/" + j : s.pointer() + "/port/number";
                List<String> hosts = stripped(b.hosts());
                String message = "server dropped: " + portText(b) + " is already used by the "
                        + protocolOf(other) + " server of " + (other == null ? "another Gateway" : describe(other, b))
                        + ", which istiod merges first (" + orderReason(other, b) + "), and a " + protocolOf(b)
                        + " server cannot share a plaintext port with it; istiod skips this whole server, so "
                        + String.join(", ", hosts) + (hosts.size() > 1 ? " become" : " becomes")
                        + " unreachable on port " + b.gatewayPort();
                String hint = "Move one of the servers to another port (or bind): a port serves one plaintext "
                        + "protocol per gateway workload, and only HTTP servers merge.";
                out.report(b.gateway(), pointer, message, hint);
                if (other != null && other.gateway() != b.gateway()) {
                    int k = sharedHostIndex(other, b);
                    out.report(other.gateway(), k >= 0 ? other.server().pointer() + "/hosts/" + k
                            : other.server().pointer() + "/port/number", portText(other) + " is also used by the "
                            + protocolOf(b) + " server of " + describe(b, other) + ", which istiod drops whole: this "
                            + protocolOf(other) + " server is merged first (" + thatOne(orderReason(other, b)) + ") and a port"
                            + " serves one plaintext protocol, so " + String.join(", ", hosts)
                            + (hosts.size() > 1 ? " become" : " becomes") + " unreachable there", hint);
                }
            }
            default -> {
                // NO_PORT is GW0505's; duplicate HTTPS route names are duplicate port names within one Gateway
                // (GW0501); TLS_SERVER_WITHOUT_TLS is never produced by current istiod.
            }
        }
    }

    // ---- overlapping hosts of servers istiod keeps ---------------------------------------------------------

    @Override
    public void repeatedInServer(BoundServer b, int index, int earlier) {
        // Kiali's KIA0301 compares the hosts of one server too: a repeat is dead configuration.
        List<String> hosts = b.server().hosts();
        out.report(b.gateway(), b.server().pointer() + "/hosts/" + index, Severity.INFO, "host \"" + hosts.get(index)
                        + "\" repeats \"" + hosts.get(earlier) + "\" of the same server (hosts are compared"
                        + " case-insensitively, with ./ and the Gateway's namespace resolved)",
                "Remove the repeated host.");
    }

    @Override
    public void coveredInServer(BoundServer b, int index, int wildcard) {
        List<String> hosts = b.server().hosts();
        out.report(b.gateway(), b.server().pointer() + "/hosts/" + index, Severity.INFO, "host \""
                        + hosts.get(index) + "\" is already covered by \"" + hosts.get(wildcard) + "\" of the same"
                        + " server", "Remove \"" + hosts.get(index) + "\", or list the hosts one by one.");
    }

    @Override
    public void listedTwiceInGateway(Entry later, Entry first) {
        out.report(later.gateway(), later.pointer(), Severity.INFO, later.host() + " on "
                        + portText(later.server()) + " is also listed by " + describe(first.server(), later.server())
                        + "; the servers merge, so one of the entries is redundant",
                "List " + later.host() + " in one server of the Gateway.");
    }

    @Override
    public void wildcardOverHosts(Entry e, Entry other, int n) {
        out.report(e.gateway(), e.pointer(), Severity.INFO,
                e.host() + " on " + portText(e.server()) + " also matches " + other.host() + " of "
                        + describe(other.server(), e.server()) + (n > 1 ? " and " + (n - 1) + " more host"
                        + (n > 2 ? "s" : "") + " on this port" : "") + "; the more specific host wins, so "
                        + e.host() + " only serves the names no other server lists",
                "Nothing to do if intended; otherwise list the hosts this server should serve.");
    }

    @Override
    public void hostUnderWildcard(Entry e, Entry w) {
        out.report(e.gateway(), e.pointer(), Severity.INFO,
                e.host() + " on " + portText(e.server()) + " is also matched by " + w.host() + " of "
                        + describe(w.server(), e.server()) + "; the more specific host wins, so this server "
                        + "serves " + e.host() + " and " + w.host() + " the rest",
                "Nothing to do if intended; otherwise remove " + e.host() + " from one of the Gateways.");
    }

    @Override
    public void starOverHosts(Entry star, int hosts, int gateways, Entry example) {
        out.report(star.gateway(), star.pointer(), Severity.INFO,
                "* on " + portText(star.server()) + " also matches " + hosts + " host"
                        + (hosts > 1 ? "s" : "") + " of " + gateways + " other Gateway"
                        + (gateways > 1 ? "s" : "") + " on the same listener (e.g. " + example.host()
                        + " of " + describe(example.server(), star.server()) + "); the more specific hosts win, "
                        + "so * only serves the names no other server lists",
                "Nothing to do if * is a catch-all by design (health checks, redirects).");
    }

    /** A finding's severity and words. */
    private record Worded(Severity severity, String message, String hint) {
    }

    /**
     * Same host on the same key in two Gateways, both kept by istiod: reported on both, at one severity; the first
     * Gateway's finding points at the later one's.
     */
    @Override
    public void sameHost(Entry later, Entry first, boolean tls) {
        Worded w = sameHostWording(later, first, tls);
        out.report(later.gateway(), later.pointer(), w.severity(), w.message(), w.hint());
        out.report(first.gateway(), first.pointer(), w.severity(), first.host() + " on " + portText(first.server())
                + " is also served by " + describe(later.server(), first.server()) + ", which istiod merges after"
                + " this one (" + thatOne(orderReason(first.server(), later.server())) + "); see the finding on that"
                + " Gateway: " + w.message().substring(w.message().indexOf("; ") + 2), w.hint());
    }

    private Worded sameHostWording(Entry later, Entry first, boolean tls) {
        String on = later.host() + " on " + portText(later.server()) + " is also served by "
                + describe(first.server(), later.server()) + ", which istiod merges first ("
                + orderReason(first.server(), later.server()) + ")";
        if (tls) {
            // istiod's duplicate check compares exact strings: Foo.com vs foo.com, or ns1/ vs ns2/ prefixes, pass.
            return new Worded(Severity.WARNING, on + "; the host strings differ ("
                    + first.server().server().hosts().get(first.index()) + " vs "
                    + later.server().server().hosts().get(later.index()) + "), so istiod keeps both servers "
                    + "and two TLS filter chains match the same SNI name",
                    "Serve " + later.host() + " from one server only.");
        }
        RouteShadowing.Shadow shadow = shadow(first, later);
        if (shadow == null) {
            // Merging is how istiod serves one host from two Gateways (istio#17560): only a shadowed route harms.
            return new Worded(Severity.INFO, on + "; the HTTP servers merge into one virtual "
                    + "host " + later.host() + " on route " + later.server().routeName() + ", "
                    + shadowing(first, later) + "; no route of one shadows a route of the other",
                    "Nothing to do if both Gateways are meant to serve " + later.host() + ".");
        }
        return new Worded(Severity.WARNING, on + "; the HTTP servers merge into one virtual host "
                + later.host() + " on route " + later.server().routeName() + ", where " + shadow.describe()
                + ", merged first, which matches every request it matches",
                "Serve " + later.host() + " from one Gateway, or make sure the VirtualServices bound to both do not "
                        + "match the same requests.");
    }

    /**
     * The first route of a VirtualService bound to one of the two Gateways that a route of an earlier
     * VirtualService bound only to the other makes unreachable, or null. The answer depends only on the two Gateways'
     * names and the host, so it is worked out once per such key: inputs that repeat a Gateway (copies of a directory)
     * report many pairs with the same key.
     */
    private RouteShadowing.Shadow shadow(Entry first, Entry later) {
        return shadows.computeIfAbsent(pairKey(first, later), k -> {
            List<VirtualService> a = boundWithHost(first.server(), first.host());
            List<VirtualService> b = boundWithHost(later.server(), later.host());
            if (a.isEmpty() || b.isEmpty()) {
                return Optional.empty();
            }
            Set<VirtualService> inA = identitySet(a);
            Set<VirtualService> inB = identitySet(b);
            return Optional.ofNullable(RouteShadowing.first(mergeOrder(a, b), (earlier, l) ->
                    inA.contains(earlier) != inA.contains(l) || inB.contains(earlier) != inB.contains(l)));
        }).orElse(null);
    }

    /** Which VirtualServices' routes end up first in the merged virtual host (spec §6.4, §7.4). */
    private String shadowing(Entry first, Entry later) {
        return shadowings.computeIfAbsent(pairKey(first, later), k -> {
            List<VirtualService> a = boundWithHost(first.server(), first.host());
            List<VirtualService> b = boundWithHost(later.server(), later.host());
            if (a.isEmpty() && b.isEmpty()) {
                return "so VirtualServices bound to either Gateway for this host share it";
            }
            Set<VirtualService> inA = identitySet(a);
            List<VirtualService> all = mergeOrder(a, b);
            List<String> names = new ArrayList<>();
            for (VirtualService v : all) {
                names.add(v.metadata().key() + " (bound to " + (inA.contains(v) ? first.gateway().fullName()
                        : later.gateway().fullName()) + ")");
            }
            String j = Listing.join(names, ", ");
            return all.size() == 1 ? "where the routes of VirtualService " + j + " serve requests for both"
                    : "so the routes of VirtualServices " + j + " are merged in this order and earlier routes shadow "
                    + "later ones that match the same requests";
        });
    }

    private static String pairKey(Entry first, Entry later) {
        return first.server().gatewayName() + '\0' + later.server().gatewayName() + '\0' + first.host() + '\0'
                + later.host();
    }

    /** The VirtualServices bound to the server's Gateway with a host matching {@code host}, once per (Gateway, host). */
    private List<VirtualService> boundWithHost(BoundServer b, String host) {
        return bound.computeIfAbsent(b.gatewayName() + '\0' + host, k -> {
            List<VirtualService> out = new ArrayList<>();
            for (VirtualService v : vsIndex.get().forGateway(b.gatewayName())) {
                for (String h : v.hosts()) {
                    if (Hosts.matches(h.toLowerCase(Locale.ROOT), host)) {
                        out.add(v);
                        break;
                    }
                }
            }
            return out;
        });
    }

    /** Both lists without repeats (by identity), in istiod's merge order. */
    private static List<VirtualService> mergeOrder(List<VirtualService> a, List<VirtualService> b) {
        Set<VirtualService> seen = identitySet(List.of());
        List<VirtualService> all = new ArrayList<>();
        for (VirtualService v : concat(a, b)) {
            if (seen.add(v)) {
                all.add(v);
            }
        }
        all.sort(CreationOrder.of());
        return all;
    }

    private static Set<VirtualService> identitySet(List<VirtualService> items) {
        Set<VirtualService> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(items);
        return set;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    // ---- wording ---------------------------------------------------------------------------------------------

    /** {@link #orderReason} worded from the first Gateway's side: the later one is "that one". */
    static String thatOne(String reason) {
        return reason.replace(", this one ", ", that one ");
    }

    /** Why {@code first} is merged before {@code later} (spec §5.1). */
    static String orderReason(BoundServer first, BoundServer later) {
        if (first == null) {
            return "merge order";
        }
        if (first.gateway() == later.gateway()) {
            return "it comes earlier in the same Gateway";
        }
        return CreationOrder.reason(first.gateway().metadata(), later.gateway().metadata());
    }

    /**
     * {@code Gateway ns/name}, or {@code server 0 of the same Gateway}; with the other server's gateway port when it
     * differs from this one's (two ports translated to one listener port).
     */
    private static String describe(BoundServer other, BoundServer self) {
        String port = other.gatewayPort() != self.gatewayPort() ? " (port " + other.gatewayPort() + ")" : "";
        if (other.gateway() == self.gateway()) {
            return "server " + other.server().index() + " of the same Gateway" + port;
        }
        return "Gateway " + other.gatewayName() + port;
    }

    /** {@code port 80}, {@code port 80 (listener port 8080)}, with the bind when there is one. */
    static String portText(BoundServer b) {
        String text = "port " + b.gatewayPort();
        if (b.resolvedPort() != b.gatewayPort()) {
            text += " (listener port " + b.resolvedPort() + ")";
        }
        String bind = b.server().bind();
        return bind == null || bind.isEmpty() ? text : text + " bind " + bind;
    }

    private static String protocolOf(BoundServer b) {
        if (b == null || b.server().port() == null) {
            return "existing";
        }
        String p = b.server().port().protocol();
        return p == null ? "unnamed-protocol" : p.toUpperCase(Locale.ROOT);
    }

    private static List<String> stripped(List<String> hosts) {
        Set<String> out = new LinkedHashSet<>();
        for (String h : hosts) {
            out.add(Hosts.stripNamespace(h));
        }
        return new ArrayList<>(out);
    }

    /** The index in {@code spec.servers[i].hosts} of the first host whose sanitized form is listed. */
    private static int hostIndex(BoundServer b, List<String> sanitizedHosts) {
        List<String> raw = b.server().hosts();
        for (int j = 0; j < raw.size(); j++) {
            List<String> one = Hosts.sanitizeServerHostNamespace(List.of(raw.get(j)),
                    b.gateway().metadata().namespace());
            if (sanitizedHosts.contains(one.get(0))) {
                return j;
            }
        }
        return 0;
    }

    /** The index of the first host of {@code b} that overlaps a host of {@code other}, or -1. */
    private static int sharedHostIndex(BoundServer b, BoundServer other) {
        List<String> theirs = new ArrayList<>();
        for (String h : other.server().hosts()) {
            theirs.add(HostOverlapIndex.normalise(other, h));
        }
        List<String> raw = b.server().hosts();
        for (int j = 0; j < raw.size(); j++) {
            String h = HostOverlapIndex.normalise(b, raw.get(j));
            for (String t : theirs) {
                if (Hosts.matches(h, t)) {
                    return j;
                }
            }
        }
        return -1;
    }
}
