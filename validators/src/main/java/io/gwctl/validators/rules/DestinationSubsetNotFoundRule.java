package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.DestinationRule;
import io.gwctl.model.istio.DestinationRule.Subset;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.Hosts;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import io.gwctl.validators.rules.MeshRegistry.DestinationUse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * GW0604: a destination {@code subset} must be defined by a DestinationRule for that host which the VirtualService's
 * namespace can see (lint catalogue §2.2 virtualservice.DestinationRuleAnalyzer, §3.1 KIA1107, §5 E.3). istiod
 * builds the cluster {@code outbound|<port>|<subset>|<host>} only for defined subsets; a route to another subset gets
 * 503 (no cluster). Unlike istioctl, DestinationRule {@code exportTo} and wildcard DestinationRule hosts are honoured
 * (as Kiali does). For a VirtualService bound to Gateways, the DestinationRule must also be visible to each gateway
 * workload's namespace, where istiod builds the gateway's clusters. A destination whose host is not found is left to
 * GW0601.
 */
public final class DestinationSubsetNotFoundRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0604", "destination-subset-not-found", Severity.ERROR,
            "A VirtualService routes to a subset that no DestinationRule visible to it defines for the host.",
            List.of("IST0101", "KIA1107"), Set.of(Kind.VIRTUAL_SERVICE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean hasWork(RuleContext ctx) {
        return !ctx.snapshot().virtualServices().isEmpty();
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (ctx.snapshot().destinationRules().isEmpty()) {
            return; // said by partlySkipped
        }
        // Whether namespace NS sees a DestinationRule for FQDN defining SUBSET, by FQDN, NS and SUBSET: the gateway
        // workloads' namespaces are asked again for every route to the same host and subset.
        Map<Seen, Boolean> seen = new HashMap<>();
        // The gateway workloads the VirtualService is bound to, found once per VirtualService, not per route: the
        // destinations come VirtualService by VirtualService, so only the current one's are kept.
        VirtualService boundOf = null;
        List<Bound> bound = List.of();
        for (DestinationUse u : ctx.registry().destinations()) {
            String subset = u.destination() == null ? null : u.destination().subset();
            if (subset == null || subset.isEmpty() || u.host().isEmpty()
                    || u.lookup().outcome() == MeshRegistry.Outcome.NOT_FOUND
                    || u.lookup().outcome() == MeshRegistry.Outcome.NOT_FQDN) {
                continue;
            }
            String ns = u.vs().metadata().namespace();
            List<DestinationRule> rules = ctx.registry().rulesFor(u.lookup().fqdn(), ns);
            if (defines(rules, subset)) {
                if (u.vs() != boundOf) {
                    boundOf = u.vs();
                    bound = boundWorkloads(ctx, boundOf);
                }
                String blind = blindGateway(ctx, u, subset, seen, bound);
                if (blind != null) {
                    out.report(u.vs(), u.pointer() + "/subset", "Referenced " + (u.mirror() ? "mirror" : "host")
                            + "+subset in destinationrule not found by the gateway: \"" + u.host() + "+" + subset
                            + "\" (" + blind + " sees no DestinationRule defining it: exportTo)", "A gateway uses the "
                            + "DestinationRules visible to its own namespace: export the DestinationRule to the "
                            + "gateway workload's namespace too.");
                }
                continue;
            }
            String message = "Referenced " + (u.mirror() ? "mirror" : "host") + "+subset in destinationrule not found: \""
                    + u.host() + "+" + subset + "\" (" + describe(ctx, rules, u.lookup().fqdn(), ns) + ")";
            out.report(u.vs(), u.pointer() + "/subset", message, rules.isEmpty()
                    ? "Define subset " + subset + " in a DestinationRule for " + u.lookup().fqdn()
                    + " that namespace " + ns + " can see (exportTo)."
                    : "Correct the subset name, or add subset " + subset + " to "
                    + rules.get(0).ref().friendlyName() + ".");
        }
    }

    private static boolean defines(List<DestinationRule> rules, String subset) {
        for (DestinationRule dr : rules) {
            for (Subset s : dr.subsets()) {
                if (subset.equals(s.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A gateway workload a VirtualService is bound to, and the Gateway that binds it. */
    private record Bound(GatewayProxy proxy, Gateway gateway) {
    }

    /** Memo entries past which {@link #blindGateway} starts again (one per destination was 10 MB at N=100,000). */
    private static final int MAX_SEEN = 16_384;

    /** Whether namespace {@code ns} sees a DestinationRule for {@code fqdn} defining {@code subset}: a memo key. */
    private record Seen(String fqdn, String ns, String subset) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Seen k && Objects.equals(fqdn, k.fqdn) && Objects.equals(ns, k.ns)
                    && Objects.equals(subset, k.subset);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Objects.hashCode(fqdn) + Objects.hashCode(ns)) + Objects.hashCode(subset);
        }
    }

    /** The gateway workloads of the Gateways {@code vs} is bound to (not the mesh), in order. */
    private static List<Bound> boundWorkloads(RuleContext ctx, VirtualService vs) {
        List<Bound> out = new ArrayList<>();
        for (String g : vs.gateways()) {
            if (g.equals(Hosts.MESH_GATEWAY)) {
                continue;
            }
            Optional<Gateway> gw = DestinationPorts.gateway(ctx, g, vs.metadata().namespace());
            if (gw.isPresent()) {
                for (GatewayProxy p : ctx.workloadsFor(gw.get())) {
                    out.add(new Bound(p, gw.get()));
                }
            }
        }
        return out;
    }

    /**
     * The first gateway workload the VirtualService is bound to whose namespace sees no DestinationRule defining the
     * subset, as {@code gateway workload istio-system/istio-ingressgateway}; null when every one sees one. istiod
     * builds a gateway's clusters with the DestinationRules visible to the gateway proxy's namespace.
     */
    private static String blindGateway(RuleContext ctx, DestinationUse u, String subset, Map<Seen, Boolean> seen,
                                       List<Bound> bound) {
        String fqdn = u.lookup().fqdn();
        for (Bound b : bound) {
            String ns = b.proxy().namespace();
            Seen key = new Seen(fqdn, ns, subset);
            Boolean sees = seen.get(key);
            if (sees == null) {
                sees = defines(ctx.registry().rulesFor(fqdn, ns), subset);
                if (seen.size() >= MAX_SEEN) {
                    seen.clear(); // a memo: the destinations of one VirtualService ask about the same few keys
                }
                seen.put(key, sees);
            }
            if (!sees) {
                return "gateway workload " + ns + "/" + b.proxy().name() + " (Gateway "
                        + b.gateway().metadata().key() + ")";
            }
        }
        return null;
    }

    private static String describe(RuleContext ctx, List<DestinationRule> rules, String fqdn, String ns) {
        if (rules.isEmpty()) {
            List<DestinationRule> hidden = ctx.registry().rulesWithHost(fqdn);
            return hidden.isEmpty() ? "no DestinationRule in the input has host " + fqdn
                    : hidden.get(0).ref().friendlyName() + " has host " + fqdn + " but is not exported to namespace "
                    + ns;
        }
        StringJoiner j = new StringJoiner("; ");
        for (DestinationRule dr : rules) {
            StringJoiner names = new StringJoiner(", ");
            dr.subsets().forEach(s -> names.add(s.name()));
            j.add(dr.ref().friendlyName() + (dr.subsets().isEmpty() ? " defines no subsets"
                    : " defines " + names));
        }
        return j.toString();
    }

    @Override
    public String partlySkipped(RuleContext ctx) {
        if (!ctx.snapshot().destinationRules().isEmpty()) {
            return null;
        }
        for (DestinationUse u : ctx.registry().destinations()) {
            if (u.destination() != null && u.destination().subset() != null && !u.destination().subset().isEmpty()) {
                return "for the destinations with a subset: no DestinationRules in the input";
            }
        }
        return null;
    }
}
