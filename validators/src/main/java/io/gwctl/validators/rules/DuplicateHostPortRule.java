package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Resource;
import io.gwctl.model.Snapshot;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Protocol;
import io.gwctl.model.istio.Server;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.translate.BoundServer;
import io.gwctl.model.translate.DroppedServer;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.GatewayTranslator;
import io.gwctl.model.translate.GoStrings;
import io.gwctl.model.translate.Hosts;
import io.gwctl.model.translate.MergedGateway;
import io.gwctl.model.translate.VirtualServiceIndex;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * GW0301: Gateways that apply to the same gateway workload and serve the same host on the same resolved port and
 * bind (lint-catalogue §2.4, §3.3, §5 B5–B6; istioctl's IST0145, Kiali's KIA0301), reported by what istiod does:
 *
 * <ul>
 *   <li><b>Error</b>: istiod drops the later server — a TLS host already registered on the port, or a plaintext
 *   protocol it cannot merge (TCP vs HTTP). Taken from the translator's merge ({@code MergedGateway.dropped}, spec
 *   §5.5), so the order (creation time, then name, then namespace) and port resolution are istiod's.</li>
 *   <li><b>Warning</b>: two HTTP servers of different Gateways with the same host merge into one virtual host: the
 *   VirtualServices bound to either share it, the earlier ones shadowing the later.</li>
 *   <li><b>Info</b>: a wildcard ({@code *}, {@code *.a.com}) of one Gateway also matches hosts of another; the more
 *   specific host wins, so this is often intended (kiali#5711, istio#52413).</li>
 * </ul>
 *
 * Hosts are compared case-insensitively without their {@code ns/} prefix, indexed per (workload, resolved port,
 * bind, TLS or plaintext): exact hosts in a map, wildcards by suffix, {@code *} once per key — never all pairs.
 * Findings go on the later Gateway, at the host (or the port when no host is shared).
 *
 * <p>Gateways whose selector matches no gateway workload of the input (the gateway comes from a Helm release or an
 * install not in the repository) are grouped by identical selector, as Kiali groups them for KIA0301, and each group
 * is merged as istiod would merge it for a workload with exactly those labels (ports unresolved, no Service); those
 * findings say so.
 */
public final class DuplicateHostPortRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0301", "duplicate-host-port", Severity.ERROR,
            "Gateways on the same gateway workload serve the same host on the same port: istiod drops or merges "
                    + "servers.", List.of("KIA0301", "IST0145"), Set.of(Kind.GATEWAY));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (ctx.snapshot().gateways().isEmpty()) {
            return;
        }
        Map<String, VirtualServiceIndex> vsIndexes = new HashMap<>();
        Set<List<Object>> seen = new HashSet<>();
        for (GatewayProxy p : ctx.gatewayWorkloads()) {
            // Replicas (a Deployment and its Pods) merge identically: look at each distinct proxy once.
            if (!seen.add(List.of(p.labels(), p.namespace(), p.serviceTargets()))) {
                continue;
            }
            MergedGateway merged = ctx.merged(p);
            for (DroppedServer d : merged.dropped()) {
                reportDropped(out, d);
            }
            Overlaps overlaps = new Overlaps(out, () -> vsIndexes.computeIfAbsent(p.namespace(),
                    ns -> VirtualServiceIndex.build(ctx.snapshot(), ns)));
            for (BoundServer b : merged.accepted()) {
                overlaps.add(b);
            }
            overlaps.reportWildcardStars();
        }
        checkUnservedGroups(ctx, out, vsIndexes);
    }

    /** Gateways whose selector matches no known workload, compared within each group of identical selectors. */
    private static void checkUnservedGroups(RuleContext ctx, Reporter out, Map<String, VirtualServiceIndex> vsIndexes) {
        Map<Map<String, String>, List<Gateway>> groups = new LinkedHashMap<>();
        for (Gateway g : ctx.snapshot().gateways()) {
            Map<String, String> sel = g.selector();
            if (sel != null && !sel.isEmpty() && ctx.workloadsFor(g).isEmpty()) {
                groups.computeIfAbsent(sel, k -> new ArrayList<>()).add(g);
            }
        }
        Snapshot s = ctx.snapshot();
        for (Map.Entry<Map<String, String>, List<Gateway>> e : groups.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            Snapshot group = new Snapshot(e.getValue(), s.virtualServices(), s.destinationRules(), s.services(),
                    s.pods(), s.deployments(), s.secrets(), s.namespaces(), s.coverage());
            String ns = e.getValue().get(0).metadata().namespace();
            String sel = Labels.format(e.getKey());
            GatewayProxy assumed = new GatewayProxy("selector", sel, ns, e.getKey(), false, List.of(), List.of(),
                    false);
            Reporter r = new NotingReporter(out, "; no workload in the input matches selector {" + sel + "}; "
                    + "Gateways with this selector were compared with each other");
            MergedGateway merged = GatewayTranslator.merge(group, assumed);
            for (DroppedServer d : merged.dropped()) {
                reportDropped(r, d);
            }
            Overlaps overlaps = new Overlaps(r, () -> vsIndexes.computeIfAbsent(ns,
                    n -> VirtualServiceIndex.build(s, n)));
            for (BoundServer b : merged.accepted()) {
                overlaps.add(b);
            }
            overlaps.reportWildcardStars();
        }
    }

    /** Adds a sentence to every message: how the Gateways were grouped. */
    private record NotingReporter(Reporter out, String note) implements Reporter {
        @Override
        public void report(Finding f) {
            out.report(new Finding(f.code(), f.severity(), f.aliases(), f.resource(), f.location(),
                    f.message() + note, f.hint()));
        }

        @Override
        public void report(Resource r, String pointer, String message, String hint) {
            out.report(r, pointer, message + note, hint);
        }

        @Override
        public void report(Resource r, String pointer, Severity severity, String message, String hint) {
            out.report(r, pointer, severity, message + note, hint);
        }
    }

    // ---- servers istiod drops ------------------------------------------------------------------------------

    private static void reportDropped(Reporter out, DroppedServer d) {
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
                String what = isTlsServer(s) ? "TLS host" : "host";
                String redirect = isTlsServer(s) ? "" : " (servers with a tls block, httpsRedirect too, may not "
                        + "repeat a host on a port)";
                String consequence = lost.isEmpty()
                        ? "requests for " + String.join(", ", dups) + " get that server's "
                                + (isTlsServer(s) ? "TLS settings" : "settings") + " and routes instead"
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

    /** One host entry of an accepted server. */
    private record Entry(BoundServer server, int index, String host) {
        Gateway gateway() {
            return server.gateway();
        }
    }

    /** The hosts of one (resolved port, bind, TLS or plaintext) key of one workload, indexed as they arrive. */
    private static final class Key {
        final Map<String, Entry> exact = new HashMap<>();
        /** {@code *.a.com} by its suffix {@code .a.com}: the first wildcard of that suffix. */
        final Map<String, Entry> wildcards = new HashMap<>();
        /** Exact hosts by each of their suffixes: the first host and the first host of another Gateway. */
        final Map<String, Entry[]> bySuffix = new HashMap<>();
        final Map<String, Integer> countBySuffix = new HashMap<>();
        final List<Entry> entries = new ArrayList<>();
        Entry star;
    }

    /** Indexes accepted servers in merge order and reports each overlap once, on the later server. */
    private static final class Overlaps {
        private final Reporter out;
        private final java.util.function.Supplier<VirtualServiceIndex> vsIndex;
        private final Map<List<Object>, Key> keys = new LinkedHashMap<>();

        Overlaps(Reporter out, java.util.function.Supplier<VirtualServiceIndex> vsIndex) {
            this.out = out;
            this.vsIndex = vsIndex;
        }

        void add(BoundServer b) {
            Server s = b.server();
            boolean tls = isTlsServer(s);
            Key key = keys.computeIfAbsent(List.of(b.resolvedPort(), s.bind() == null ? "" : s.bind(), tls),
                    k -> new Key());
            reportCoveredWithinServer(b);
            Map<String, Integer> own = new HashMap<>();
            for (int j = 0; j < s.hosts().size(); j++) {
                String host = normalise(b, s.hosts().get(j));
                Integer earlier = own.putIfAbsent(host, j);
                if (earlier != null) {
                    // Kiali's KIA0301 compares the hosts of one server too: a repeat is dead configuration.
                    out.report(b.gateway(), s.pointer() + "/hosts/" + j, Severity.INFO, "host \"" + s.hosts().get(j)
                                    + "\" repeats \"" + s.hosts().get(earlier) + "\" of the same server (hosts are"
                                    + " compared case-insensitively, with ./ and the Gateway's namespace resolved)",
                            "Remove the repeated host.");
                    continue;
                }
                Entry e = new Entry(b, j, host);
                key.entries.add(e);
                Entry same = key.exact.putIfAbsent(host, e);
                if (same != null) {
                    if (same.gateway() != b.gateway()) {
                        reportSameHost(e, same, tls);
                    } else if (same.server != b) {
                        out.report(b.gateway(), s.pointer() + "/hosts/" + j, Severity.INFO, host + " on "
                                        + portText(b) + " is also listed by " + describe(same.server, b)
                                        + "; the servers merge, so one of the entries is redundant",
                                "List " + host + " in one server of the Gateway.");
                    }
                    continue;
                }
                if (host.equals("*")) {
                    if (key.star == null) {
                        key.star = e;
                    }
                } else if (host.startsWith("*.")) {
                    addWildcard(key, e);
                } else {
                    addExact(key, e);
                }
            }
        }

        /** A host of a server that a wildcard of the same server already covers ({@code *.a.com}, {@code x.a.com}). */
        private void reportCoveredWithinServer(BoundServer b) {
            List<String> hosts = b.server().hosts();
            for (int j = 0; j < hosts.size(); j++) {
                String h = normalise(b, hosts.get(j));
                if (Hosts.isWildcard(h)) {
                    continue;
                }
                for (int w = 0; w < hosts.size(); w++) {
                    String wild = normalise(b, hosts.get(w));
                    if (w != j && Hosts.isWildcard(wild) && Hosts.subsetOf(h, wild)) {
                        out.report(b.gateway(), b.server().pointer() + "/hosts/" + j, Severity.INFO, "host \""
                                        + hosts.get(j) + "\" is already covered by \"" + hosts.get(w) + "\" of the same"
                                        + " server", "Remove \"" + hosts.get(j) + "\", or list the hosts one by one.");
                        break;
                    }
                }
            }
        }

        private void addWildcard(Key key, Entry e) {
            String suffix = e.host.substring(1);
            key.wildcards.putIfAbsent(suffix, e);
            Entry[] covered = key.bySuffix.get(suffix);
            Entry other = covered == null ? null : covered[0].gateway() != e.gateway() ? covered[0] : covered[1];
            if (other != null) {
                int n = key.countBySuffix.get(suffix);
                out.report(e.gateway(), e.server.server().pointer() + "/hosts/" + e.index, Severity.INFO,
                        e.host + " on " + portText(e.server) + " also matches " + other.host + " of "
                                + describe(other.server, e.server) + (n > 1 ? " and " + (n - 1) + " more host"
                                + (n > 2 ? "s" : "") + " on this port" : "") + "; the more specific host wins, so "
                                + e.host + " only serves the names no other server lists",
                        "Nothing to do if intended; otherwise list the hosts this server should serve.");
            }
        }

        private void addExact(Key key, Entry e) {
            int dot = e.host.indexOf('.');
            boolean reported = false;
            while (dot >= 0) {
                String suffix = e.host.substring(dot);
                Entry w = key.wildcards.get(suffix);
                if (!reported && w != null && w.gateway() != e.gateway()) {
                    // The most specific earlier wildcard of another Gateway (suffixes are tried longest first).
                    out.report(e.gateway(), e.server.server().pointer() + "/hosts/" + e.index, Severity.INFO,
                            e.host + " on " + portText(e.server) + " is also matched by " + w.host + " of "
                                    + describe(w.server, e.server) + "; the more specific host wins, so this server "
                                    + "serves " + e.host + " and " + w.host + " the rest",
                            "Nothing to do if intended; otherwise remove " + e.host + " from one of the Gateways.");
                    reported = true;
                }
                Entry[] firsts = key.bySuffix.computeIfAbsent(suffix, k -> new Entry[2]);
                if (firsts[0] == null) {
                    firsts[0] = e;
                } else if (firsts[1] == null && firsts[0].gateway() != e.gateway()) {
                    firsts[1] = e;
                }
                key.countBySuffix.merge(suffix, 1, Integer::sum);
                dot = e.host.indexOf('.', dot + 1);
            }
        }

        /** A {@code *} overlaps every host of its key: one Info per key, on the first {@code *}. */
        void reportWildcardStars() {
            for (Key key : keys.values()) {
                if (key.star == null) {
                    continue;
                }
                Entry star = key.star;
                Entry example = null;
                Set<String> hosts = new HashSet<>();
                Set<Gateway> gateways = new HashSet<>();
                for (Entry e : key.entries) {
                    if (e.gateway() != star.gateway() && !e.host.equals("*")) {
                        hosts.add(e.host);
                        gateways.add(e.gateway());
                        example = example == null ? e : example;
                    }
                }
                if (example == null) {
                    continue;
                }
                out.report(star.gateway(), star.server.server().pointer() + "/hosts/" + star.index, Severity.INFO,
                        "* on " + portText(star.server) + " also matches " + hosts.size() + " host"
                                + (hosts.size() > 1 ? "s" : "") + " of " + gateways.size() + " other Gateway"
                                + (gateways.size() > 1 ? "s" : "") + " on the same listener (e.g. " + example.host
                                + " of " + describe(example.server, star.server) + "); the more specific hosts win, "
                                + "so * only serves the names no other server lists",
                        "Nothing to do if * is a catch-all by design (health checks, redirects).");
            }
        }

        /** Same host on the same key in two Gateways, both kept by istiod: reported on both, at one severity. */
        private void reportSameHost(Entry later, Entry first, boolean tls) {
            Reporter both = new Reporter() {
                @Override
                public void report(io.gwctl.model.finding.Finding f) {
                    out.report(f);
                }

                @Override
                public void report(io.gwctl.model.Resource r, String pointer, String message, String hint) {
                    report(r, pointer, Severity.ERROR, message, hint);
                }

                @Override
                public void report(io.gwctl.model.Resource r, String pointer, Severity severity, String message,
                                   String hint) {
                    out.report(r, pointer, severity, message, hint);
                    out.report(first.gateway(), first.server.server().pointer() + "/hosts/" + first.index, severity,
                            first.host + " on " + portText(first.server) + " is also served by "
                                    + describe(later.server, first.server) + ", which istiod merges after this one ("
                                    + thatOne(orderReason(first.server, later.server)) + "); see the finding on that"
                                    + " Gateway: "
                                    + message.substring(message.indexOf("; ") + 2), hint);
                }
            };
            reportSameHost(later, first, tls, both);
        }

        private void reportSameHost(Entry later, Entry first, boolean tls, Reporter out) {
            String pointer = later.server.server().pointer() + "/hosts/" + later.index;
            String on = later.host + " on " + portText(later.server) + " is also served by "
                    + describe(first.server, later.server) + ", which istiod merges first ("
                    + orderReason(first.server, later.server) + ")";
            if (tls) {
                // istiod's duplicate check compares exact strings: Foo.com vs foo.com, or ns1/ vs ns2/ prefixes, pass.
                out.report(later.gateway(), pointer, Severity.WARNING, on + "; the host strings differ ("
                                + first.server.server().hosts().get(first.index) + " vs "
                                + later.server.server().hosts().get(later.index) + "), so istiod keeps both servers "
                                + "and two TLS filter chains match the same SNI name",
                        "Serve " + later.host + " from one server only.");
                return;
            }
            RouteShadowing.Shadow shadow = shadow(first, later);
            if (shadow == null) {
                // Merging is how istiod serves one host from two Gateways (istio#17560): only a shadowed route harms.
                out.report(later.gateway(), pointer, Severity.INFO, on + "; the HTTP servers merge into one virtual "
                                + "host " + later.host + " on route " + later.server.routeName() + ", "
                                + shadowing(first, later) + "; no route of one shadows a route of the other",
                        "Nothing to do if both Gateways are meant to serve " + later.host + ".");
                return;
            }
            out.report(later.gateway(), pointer, Severity.WARNING, on + "; the HTTP servers merge into one virtual host "
                            + later.host + " on route " + later.server.routeName() + ", where " + shadow.describe()
                            + ", merged first, which matches every request it matches",
                    "Serve " + later.host + " from one Gateway, or make sure the VirtualServices bound to both do not "
                            + "match the same requests.");
        }

        /**
         * The first route of a VirtualService bound to one of the two Gateways that a route of an earlier
         * VirtualService bound only to the other makes unreachable, or null.
         */
        private RouteShadowing.Shadow shadow(Entry first, Entry later) {
            VirtualServiceIndex idx = vsIndex.get();
            List<VirtualService> a = boundWithHost(idx, first.server, first.host);
            List<VirtualService> b = boundWithHost(idx, later.server, later.host);
            if (a.isEmpty() || b.isEmpty()) {
                return null;
            }
            List<VirtualService> all = new ArrayList<>(new LinkedHashSet<VirtualService>(concat(a, b)));
            all.sort(Comparator.comparing(VirtualService::metadata, CREATION_ORDER));
            return RouteShadowing.first(all, (earlier, l) -> a.contains(earlier) != a.contains(l)
                    || b.contains(earlier) != b.contains(l));
        }

        /** Which VirtualServices' routes end up first in the merged virtual host (spec §6.4, §7.4). */
        private String shadowing(Entry first, Entry later) {
            VirtualServiceIndex idx = vsIndex.get();
            List<VirtualService> a = boundWithHost(idx, first.server, first.host);
            List<VirtualService> b = boundWithHost(idx, later.server, later.host);
            if (a.isEmpty() && b.isEmpty()) {
                return "so VirtualServices bound to either Gateway for this host share it";
            }
            List<VirtualService> all = new ArrayList<>(new LinkedHashSet<VirtualService>(concat(a, b)));
            all.sort(Comparator.comparing(VirtualService::metadata, CREATION_ORDER));
            StringJoiner j = new StringJoiner(", ");
            for (VirtualService v : all) {
                j.add(v.metadata().key() + " (bound to " + (a.contains(v) ? first.gateway().fullName()
                        : later.gateway().fullName()) + ")");
            }
            return all.size() == 1 ? "where the routes of VirtualService " + j + " serve requests for both"
                    : "so the routes of VirtualServices " + j + " are merged in this order and earlier routes shadow "
                    + "later ones that match the same requests";
        }

        private static List<VirtualService> boundWithHost(VirtualServiceIndex idx, BoundServer b, String host) {
            List<VirtualService> out = new ArrayList<>();
            for (VirtualService v : idx.forGateway(b.gatewayName())) {
                for (String h : v.hosts()) {
                    if (Hosts.matches(h.toLowerCase(Locale.ROOT), host)) {
                        out.add(v);
                        break;
                    }
                }
            }
            return out;
        }

        private static <T> List<T> concat(List<T> a, List<T> b) {
            List<T> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }
    }

    /** istiod's VirtualService and Gateway order: creation time (absent first), then name, then namespace. */
    private static final Comparator<ObjectMeta> CREATION_ORDER = Comparator
            .comparing(ObjectMeta::creationTimestamp, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ObjectMeta::name, GoStrings.ORDER)
            .thenComparing(ObjectMeta::namespace, GoStrings.ORDER);

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
        ObjectMeta a = first.gateway().metadata();
        ObjectMeta b = later.gateway().metadata();
        if (!Objects.equals(a.creationTimestamp(), b.creationTimestamp())) {
            return a.creationTimestamp() == null ? "by creation time: it has no creationTimestamp"
                    : "by creation time: created " + a.creationTimestamp() + (b.creationTimestamp() == null ? ""
                    : ", this one " + b.creationTimestamp());
        }
        return !a.name().equals(b.name()) ? "by name" : "by namespace";
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

    /** The host without {@code ns/}, lower-cased: the name clients send. */
    private static String normalise(BoundServer b, String raw) {
        List<String> sanitized = Hosts.sanitizeServerHostNamespace(List.of(raw), b.gateway().metadata().namespace());
        return Hosts.stripNamespace(sanitized.get(0)).toLowerCase(Locale.ROOT);
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
            theirs.add(normalise(other, h));
        }
        List<String> raw = b.server().hosts();
        for (int j = 0; j < raw.size(); j++) {
            String h = normalise(b, raw.get(j));
            for (String t : theirs) {
                if (Hosts.matches(h, t)) {
                    return j;
                }
            }
        }
        return -1;
    }

    /** {@code IsTLSServer} (spec §5.4): TLS settings on a non-HTTP protocol; such servers are chosen by SNI. */
    private static boolean isTlsServer(Server s) {
        return s.tls() != null && s.port() != null && !Protocol.parse(s.port().protocol()).isHttp();
    }
}
