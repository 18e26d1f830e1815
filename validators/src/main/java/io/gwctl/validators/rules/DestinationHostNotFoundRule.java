package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.Hosts;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import io.gwctl.validators.rules.MeshRegistry.DestinationUse;
import io.gwctl.validators.rules.MeshRegistry.Lookup;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GW0601: the host of every route and mirror destination of a VirtualService must be in the mesh's service registry,
 * visible to the VirtualService (lint catalogue §2.2 DestinationHostAnalyzer, §3.1 KIA1101, §5 E.1). istiod routes
 * only to registry hosts: any other destination becomes a cluster that does not exist, and requests get 503.
 *
 * <p>A short name is completed in the VirtualService's namespace; {@code name.ns} is not completed by istiod (only
 * names without a dot are) and is reported with the FQDN to write. What the input cannot know is not reported
 * ({@link MeshRegistry}): a Service missing from files is reported only with a sign of a mistake (the name exists in
 * another namespace, or a Service of the namespace is one typo away), an external host only when the input holds
 * ServiceEntries, and then as a Warning (the ServiceEntry may live elsewhere). The check says what it skipped.
 */
public final class DestinationHostNotFoundRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0601", "destination-host-not-found", Severity.ERROR,
            "A VirtualService routes to a host that is not a Service or ServiceEntry host visible to it.",
            List.of(), Set.of(Kind.VIRTUAL_SERVICE))
            .withAliases(Severity.ERROR, "IST0101", "KIA1101").withAliases(Severity.WARNING, "KIA1101");

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
        for (DestinationUse u : ctx.registry().destinations()) {
            Lookup l = u.lookup();
            if (l.outcome() == MeshRegistry.Outcome.FOUND && l.entry().exportedToAll()) {
                continue; // the usual case, with nothing to report: no message made
            }
            String what = "Referenced " + (u.mirror() ? "mirror host" : "host") + " not found: \"" + u.host() + "\"";
            String ns = u.vs().metadata().namespace();
            switch (l.outcome()) {
                case NOT_FOUND -> {
                    if (u.host().isEmpty()) {
                        out.report(u.vs(), u.pointer(), what + " (the destination has no host)",
                                "Give the destination a host: a Service name or a ServiceEntry host.");
                    } else if (l.fqdn().endsWith(MeshRegistry.CLUSTER_SUFFIX)) {
                        out.report(u.vs(), u.pointer() + "/host", what + " (looked up Service " + l.fqdn()
                                + "; no such Service" + (l.why() == null ? "" : ", but " + l.why()) + ")",
                                "Correct the host or create the Service. A name "
                                + "without a dot is completed in the VirtualService's namespace (" + ns + "); write "
                                + "<name>.<namespace>.svc.cluster.local for a Service of another namespace.");
                    } else {
                        out.report(u.vs(), u.pointer() + "/host", Severity.WARNING, what + " (no Service or "
                                + "ServiceEntry in the input declares " + l.fqdn() + ")", "istiod routes only to "
                                + "hosts of its registry: add a ServiceEntry for " + l.fqdn() + ", or correct the "
                                + "host. Nothing to do if a ServiceEntry outside this input declares it.");
                    }
                }
                case NOT_EXPORTED -> {
                    String scope = u.vs().exportTo().isEmpty() ? "namespace " + ns : "the VirtualService's exportTo "
                            + String.join(", ", u.vs().exportTo());
                    out.report(u.vs(), u.pointer() + "/host", what + " (" + l.entry().describe() + " declares it but "
                            + "is exported only to " + exportTo(l.entry()) + ", not to " + scope + ")", "Export "
                            + l.entry().describe() + " to " + scope + " (exportTo, or the Service annotation "
                            + "networking.istio.io/exportTo), or route to a host that is exported there.");
                }
                case NOT_FQDN -> out.report(u.vs(), u.pointer() + "/host", what + " (istiod completes only names "
                        + "without a dot, and " + l.entry().describe() + " is " + l.entry().host() + ")",
                        "Write \"" + l.entry().host() + "\".");
                case FOUND -> {
                    String blind = blindGateway(ctx, u.vs(), l.entry());
                    if (blind != null) {
                        out.report(u.vs(), u.pointer() + "/host", what + " by the gateway: " + l.entry().describe()
                                + " is exported only to " + exportTo(l.entry()) + ", and " + blind + " cannot see it",
                                "A gateway routes with the Services visible to its own namespace: export "
                                        + l.entry().describe() + " to the gateway workload's namespace too (exportTo, "
                                        + "or the Service annotation networking.istio.io/exportTo).");
                    }
                }
                default -> {
                }
            }
        }
    }

    /**
     * The first gateway workload the VirtualService is bound to whose namespace the entry is not exported to, as
     * {@code gateway workload istio-system/istio-ingressgateway (Gateway istio-system/public)}; null when every one
     * sees it. istiod builds a gateway's routes with the services visible to the gateway proxy's namespace, so a
     * Service exported to its own namespace only is a missing cluster there (503), whatever the VirtualService's
     * namespace. istioctl checks the VirtualService's namespace only.
     */
    private static String blindGateway(RuleContext ctx, VirtualService vs, MeshRegistry.Entry e) {
        if (e.exportedToAll()) {
            return null;
        }
        for (String g : vs.gateways()) {
            if (g.equals(Hosts.MESH_GATEWAY)) {
                continue;
            }
            Optional<Gateway> gw = DestinationPorts.gateway(ctx, g, vs.metadata().namespace());
            if (gw.isEmpty()) {
                continue;
            }
            for (GatewayProxy p : ctx.workloadsFor(gw.get())) {
                if (!e.visibleTo(p.namespace())) {
                    return "gateway workload " + p.namespace() + "/" + p.name() + " (Gateway "
                            + gw.get().metadata().key() + ")";
                }
            }
        }
        return null;
    }

    /** The entry's exportTo as a reader reads it: {@code .} is its own namespace. */
    private static String exportTo(MeshRegistry.Entry e) {
        List<String> out = new java.util.ArrayList<>();
        for (String s : e.exportTo()) {
            out.add(s.equals(".") ? e.resource().metadata().namespace() + " (.)" : s);
        }
        return String.join(", ", out);
    }

    @Override
    public String partlySkipped(RuleContext ctx) {
        return ctx.registry().skippedDestinations();
    }
}
