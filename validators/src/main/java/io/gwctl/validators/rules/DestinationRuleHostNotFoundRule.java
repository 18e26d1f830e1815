package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.DestinationRule;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import io.gwctl.validators.rules.MeshRegistry.Lookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * GW0606: a DestinationRule's host must be a host of the mesh's service registry (lint catalogue §2.2
 * SubsetSelectPodAnalyzer IST0174, §3.1 KIA0202, §5 E.4). istiod applies a DestinationRule only to traffic for a
 * registry host, so one for an unknown host (usually a typo, or a short name written in the wrong namespace) does
 * nothing. Wildcard hosts are not checked; a host the input cannot judge (a Service missing from the files without
 * a sign of a mistake, an external host without ServiceEntries in the input) is skipped, saying so, as for GW0601.
 */
public final class DestinationRuleHostNotFoundRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0606", "destination-rule-host-not-found", Severity.WARNING,
            "A DestinationRule's host is not a Service or ServiceEntry host, so the rule applies to nothing.",
            List.of("IST0174", "KIA0202"), Set.of(Kind.DESTINATION_RULE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean hasWork(RuleContext ctx) {
        return !ctx.snapshot().destinationRules().isEmpty();
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (DestinationRule dr : ctx.snapshot().destinationRules()) {
            Lookup l = lookup(ctx, dr);
            if (l == null) {
                continue;
            }
            String message = "The host " + l.fqdn() + " defined in the DestinationRule does not match any services "
                    + "in the mesh.";
            switch (l.outcome()) {
                case NOT_FOUND -> out.report(dr, "/spec/host", message + (l.fqdn().endsWith(MeshRegistry.CLUSTER_SUFFIX)
                        ? " (no such Service" + (l.why() == null ? "" : ", but " + l.why()) + ")"
                        : " (no Service or ServiceEntry in the input declares it)"),
                        "Correct the host: a name without a dot is completed in the DestinationRule's namespace ("
                                + dr.metadata().namespace() + "); write <name>.<namespace>.svc.cluster.local for a "
                                + "Service of another namespace.");
                case NOT_FQDN -> out.report(dr, "/spec/host", message + " (istiod completes only names without a dot, "
                        + "and " + l.entry().describe() + " is " + l.entry().host() + ")", "Write \""
                        + l.entry().host() + "\".");
                default -> {
                }
            }
        }
    }

    /** The lookup of a DestinationRule's non-wildcard host from its own namespace, or null for a wildcard. */
    private static Lookup lookup(RuleContext ctx, DestinationRule dr) {
        if (dr.host() == null || dr.host().isEmpty() || dr.host().startsWith("*")) {
            return null;
        }
        return ctx.registry().lookup(dr.host(), dr.metadata().namespace(), List.of("*"));
    }

    @Override
    public String partlySkipped(RuleContext ctx) {
        List<Lookup> lookups = new ArrayList<>();
        for (DestinationRule dr : ctx.snapshot().destinationRules()) {
            Lookup l = lookup(ctx, dr);
            if (l != null) {
                lookups.add(l);
            }
        }
        return MeshRegistry.skipped(lookups, "DestinationRule host");
    }
}
