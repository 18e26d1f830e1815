package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.HttpMatch;
import io.gwctl.model.istio.HttpRoute;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.translate.CreationOrder;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.Hosts;
import io.gwctl.model.translate.VirtualServiceIndex;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * GW0705: several VirtualServices bound to one gateway define the same host (lint catalogue §2.2, §2.4, §5 D.4;
 * Kiali's KIA1106 per gateway; istioctl does not check it, istio#37500). istiod merges them into one virtual host:
 * the routes of each VirtualService in turn, in {@code VirtualServicesForGateway} order (private, exported, public;
 * each by creation time, then name, then namespace; translation spec §6.3–6.4), then moves catch-all routes to the end
 * (spec §7.4). Routes of one VirtualService can therefore shadow another's.
 *
 * <ul>
 *   <li><b>Warning</b> (KIA1106): a rule of a later VirtualService is never used because routes merged before it,
 *   at least one from another VirtualService, match everything it matches — for example two catch-alls.</li>
 *   <li><b>Info</b>: the VirtualServices share the host without shadowing; the finding states the merge order.</li>
 *   <li><b>Info</b>: a host has VirtualServices of its own while others on the gateway serve a wildcard covering it
 *   ({@code *}, {@code *.example.com}): requests for the host never reach the wildcard ones' routes.</li>
 * </ul>
 * Grouped by (gateway, lower-cased FQDN host) in one pass, then ordered for the namespace the gateway's workloads run
 * in with the translator's {@link VirtualServiceIndex#bindingRank} and creation order; coverage through
 * {@link MatchCoverage}, so no pair of VirtualServices is compared outside its group and no pair of routes outside the
 * index.
 */
public final class GatewayHostSharedRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0705", "gateway-host-shared", Severity.WARNING,
            "Several VirtualServices bound to one gateway define the same host; istiod merges them in creation order.",
            List.of(), Set.of(Kind.VIRTUAL_SERVICE)).withAliases(Severity.WARNING, "KIA1106");

    /** A route of the merged virtual host: which VirtualService (position in merge order), rule and match. */
    private record Tag(int vs, int rule, int match) {
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        // (gateway, FQDN host) -> the VirtualServices bound to the gateway with that host, one pass over the input.
        // Most pairs have one VirtualService, which the map holds without a list; gateway names are kept once (a
        // list and a name per pair were the rule phase's largest structure at 100,000 Gateways, 36 MB).
        CompactMultimap<List<String>, VirtualService> groups = new CompactMultimap<>(true);
        Map<String, String> names = new HashMap<>();
        for (VirtualService vs : ctx.snapshot().virtualServices()) {
            String ns = vs.metadata().namespace();
            Set<String> hosts = new LinkedHashSet<>();
            vs.hosts().forEach(h -> hosts.add(Hosts.resolveShortnameToFqdn(h, ns).toLowerCase(Locale.ROOT)));
            Set<String> gateways = new LinkedHashSet<>();
            vs.gateways().forEach(g -> gateways.add(shared(names, Hosts.resolveGatewayName(g, ns))));
            gateways.remove(Hosts.MESH_GATEWAY);
            for (String gw : gateways) {
                for (String h : hosts) {
                    groups.add(List.of(gw, h), vs);
                }
            }
        }
        groups.forEach((key, group) -> {
            if (group.size() < 2) {
                return;
            }
            String gw = key.get(0);
            for (String ns : proxyNamespaces(ctx, gw)) {
                List<VirtualService> ordered = bindingOrder(group, ns);
                if (ordered.size() > 1) {
                    checkGroup(gw, key.get(1), ordered, out);
                    break; // one report per gateway and host, in the first namespace where they meet
                }
            }
        });
        groups.forEach((key, group) -> checkWildcardCover(ctx, key.get(0), key.get(1), group, groups, out));
    }

    private static String shared(Map<String, String> names, String name) {
        String known = names.putIfAbsent(name, name);
        return known == null ? name : known;
    }

    /**
     * A host with VirtualServices of its own on a gateway where other VirtualServices serve a wildcard covering it
     * (Kiali's KIA1106 {@code *} case): istiod gives each its own virtual host and Envoy picks the most specific domain,
     * so the wildcard VirtualServices' routes never see requests for this host. Info, on the first VirtualService of
     * the host, naming the wildcard ones.
     */
    private static void checkWildcardCover(RuleContext ctx, String gw, String host, List<VirtualService> group,
                                           CompactMultimap<List<String>, VirtualService> groups, Reporter out) {
        if (host.equals("*")) {
            return;
        }
        String ns = proxyNamespaces(ctx, gw).iterator().next();
        for (String w : MeshHostConflictRule.coveringWildcards(host)) {
            List<VirtualService> wild = w.equals(host) ? List.of() : groups.get(List.of(gw, w));
            if (wild.isEmpty()) {
                continue;
            }
            List<VirtualService> specific = bindingOrder(group, ns);
            Set<String> own = new java.util.HashSet<>();
            specific.forEach(v -> own.add(v.metadata().key()));
            List<VirtualService> covering = new ArrayList<>(bindingOrder(wild, ns));
            covering.removeIf(v -> own.contains(v.metadata().key()));
            if (specific.isEmpty() || covering.isEmpty()) {
                continue;
            }
            VirtualService first = specific.get(0);
            out.report(first, "/spec/hosts/" + hostIndex(first, host), Severity.INFO, host + " on gateway " + gw
                            + " gets a virtual host of its own from " + order(specific) + "; Envoy picks the most "
                            + "specific domain, so the routes of " + order(covering) + " (host " + w + ") do not "
                            + "apply to requests for " + host,
                    "Nothing to do if intended; otherwise repeat the " + w + " routes that " + host + " needs in "
                            + first.metadata().key() + ".");
            return;
        }
    }

    /**
     * The VirtualServices a workload in {@code namespace} sees, in {@code VirtualServicesForGateway} order (spec §6.3,
     * §6.4); a VirtualService repeated in the input counts once (GW0003 reports the copies).
     */
    private static List<VirtualService> bindingOrder(List<VirtualService> group, String namespace) {
        Map<String, VirtualService> byKey = new LinkedHashMap<>();
        for (VirtualService vs : group) {
            if (VirtualServiceIndex.bindingRank(vs, namespace) >= 0) {
                byKey.putIfAbsent(vs.metadata().key(), vs);
            }
        }
        List<VirtualService> out = new ArrayList<>(byKey.values());
        out.sort(java.util.Comparator.comparingInt((VirtualService v) -> VirtualServiceIndex.bindingRank(v, namespace))
                .thenComparing(VirtualService::metadata, CreationOrder.META));
        return out;
    }

    /** The namespaces of the workloads the gateway applies to; its own namespace when none is in the input. */
    private static Set<String> proxyNamespaces(RuleContext ctx, String gw) {
        int slash = gw.indexOf('/');
        String ns = gw.substring(0, slash);
        Set<String> out = new TreeSet<>();
        ctx.gateway(ns, gw.substring(slash + 1)).ifPresent(g -> {
            if (!ctx.defaultIngressAssumed()) {
                for (GatewayProxy p : ctx.workloadsFor(g)) {
                    out.add(p.namespace());
                }
            }
        });
        if (out.isEmpty()) {
            out.add(ns);
        }
        return out;
    }

    /** How istiod orders the VirtualServices of one gateway (spec §6.3, §6.4). */
    private static final String ORDER = "private to the gateway workload's namespace, exported to it, then public; "
            + "each by creation time, then name, then namespace";

    /** The VirtualServices (in merge order) sharing {@code host} on gateway {@code gw}. */
    private static void checkGroup(String gw, String host, List<VirtualService> ordered, Reporter out) {
        List<HttpMatch> specific = new ArrayList<>();
        List<Tag> specificTags = new ArrayList<>();
        List<HttpMatch> catchAll = new ArrayList<>();
        List<Tag> catchAllTags = new ArrayList<>();
        for (int v = 0; v < ordered.size(); v++) {
            VirtualService vs = ordered.get(v);
            String ns = vs.metadata().namespace();
            rules:
            for (int r = 0; r < vs.http().size(); r++) {
                HttpRoute rule = vs.http().get(r);
                List<HttpMatch> matches = rule.match().isEmpty() ? java.util.Collections.singletonList(null)
                        : rule.match();
                for (int j = 0; j < matches.size(); j++) {
                    HttpMatch m = matches.get(j);
                    if (m != null && !m.gateways().isEmpty() && m.gateways().stream()
                            .noneMatch(g -> Hosts.resolveGatewayName(g, ns).equals(gw))) {
                        continue; // this match does not apply on this gateway
                    }
                    boolean all = isCatchAll(m);
                    (all ? catchAll : specific).add(m);
                    (all ? catchAllTags : specificTags).add(new Tag(v, r, rule.match().isEmpty() ? -1 : j));
                    if (all) {
                        break rules; // istiod stops building this VirtualService's routes after a catch-all
                    }
                }
            }
        }
        specific.addAll(catchAll);
        specificTags.addAll(catchAllTags);
        // A VirtualService whose matches all name other gateways gives this virtual host no route (spec §7.2).
        List<VirtualService> serving = new ArrayList<>();
        specificTags.stream().map(Tag::vs).distinct().sorted().forEach(v -> serving.add(ordered.get(v)));
        if (serving.size() < 2) {
            return;
        }
        MatchCoverage<Tag> merged = new MatchCoverage<>();
        // Per later VirtualService rule: its matches, and how many are covered (at least one by another VirtualService).
        Map<List<Integer>, int[]> counts = new LinkedHashMap<>();
        Map<List<Integer>, Tag> coveredBy = new HashMap<>();
        for (int i = 0; i < specific.size(); i++) {
            Tag t = specificTags.get(i);
            List<Integer> rule = List.of(t.vs(), t.rule());
            int[] c = counts.computeIfAbsent(rule, k -> new int[3]);
            c[0]++;
            MatchCoverage.Entry<Tag> e = merged.firstCovering(specific.get(i));
            if (e != null) {
                c[1]++;
                if (e.tag().vs() != t.vs()) {
                    c[2]++;
                    coveredBy.putIfAbsent(rule, e.tag());
                }
            }
            HttpRoute r = ordered.get(t.vs()).http().get(t.rule());
            if (r.delegateName() == null) {
                merged.addHttp(specific.get(i), t);
            }
        }
        String order = order(serving);
        boolean shadowed = false;
        for (Map.Entry<List<Integer>, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            if (c[1] < c[0] || c[2] == 0) {
                continue;
            }
            shadowed = true;
            VirtualService later = ordered.get(e.getKey().get(0));
            int rule = e.getKey().get(1);
            Tag by = coveredBy.get(e.getKey());
            VirtualService earlier = ordered.get(by.vs());
            out.report(later, "/spec/http/" + rule, "More than one Virtual Service for same host: " + host
                            + " on gateway " + gw + " is served by " + order + ", merged in this order (" + ORDER
                            + "); in the merged virtual host, http["
                            + rule + "] of " + later.metadata().key() + " is never used: "
                            + describe(earlier, by) + " of " + earlier.metadata().key() + ", merged before it, matches "
                            + "everything it matches" + (isCatchAll(by, earlier) ? " (catch-all routes go last, in "
                            + "merge order)" : ""),
                    "Serve " + host + " on " + gw + " from one VirtualService, or make the routes of "
                            + earlier.metadata().key() + " and " + later.metadata().key() + " match different requests.");
        }
        if (shadowed) {
            return;
        }
        // One Info per group, on the first VirtualService merged after another: the message names them all.
        VirtualService second = serving.get(1);
        out.report(second, "/spec/hosts/" + hostIndex(second, host), Severity.INFO, host + " on gateway " + gw
                        + " is served by " + order + ": istiod merges their routes into one virtual host in this order ("
                        + ORDER + "), catch-all routes last; no route of one shadows a route of another",
                "Nothing to do if intended; a single VirtualService per host keeps the route order explicit.");
    }

    /** {@code VirtualServices a/x, b/y}, in merge order. */
    private static String order(List<VirtualService> ordered) {
        StringJoiner j = new StringJoiner(", ", "VirtualServices ", "");
        ordered.forEach(v -> j.add(v.metadata().key()));
        return j.toString();
    }

    private static String describe(VirtualService vs, Tag t) {
        HttpRoute r = vs.http().get(t.rule());
        return "http[" + t.rule() + "]" + (t.match() < 0 ? " (no match)"
                : " match " + t.match() + UnreachableRouteRule.describe(r.match().get(t.match())));
    }

    private static boolean isCatchAll(Tag t, VirtualService vs) {
        return t.match() < 0 || isCatchAll(vs.http().get(t.rule()).match().get(t.match()));
    }

    private static boolean isCatchAll(HttpMatch m) {
        return RouteShadowing.isCatchAll(m);
    }

    private static int hostIndex(VirtualService vs, String fqdn) {
        for (int i = 0; i < vs.hosts().size(); i++) {
            String h = Hosts.resolveShortnameToFqdn(vs.hosts().get(i), vs.metadata().namespace());
            if (h.equalsIgnoreCase(fqdn)) {
                return i;
            }
        }
        return 0;
    }
}
