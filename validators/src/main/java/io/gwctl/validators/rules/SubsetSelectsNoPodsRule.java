package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.DestinationRule;
import io.gwctl.model.translate.Hosts;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import io.gwctl.validators.rules.MeshRegistry.DestinationUse;
import io.gwctl.validators.rules.MeshRegistry.Entry;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * GW0605: a DestinationRule subset must select pods: a workload in the Service's namespace whose labels include the
 * Service selector <em>and</em> the subset labels (lint catalogue §2.2 SubsetSelectPodAnalyzer, §3.1 KIA0203, §5
 * E.4). A subset's endpoints are the Service's endpoints with the subset labels; none means 503 UH
 * (NoHealthyUpstream). istioctl ignores the Service selector (a pod of another app with {@code version: v1} satisfies
 * it); Kiali ANDs it, as istiod does. A ServiceEntry's {@code workloadSelector} plays the Service selector's part.
 *
 * <p>An Error when a VirtualService of the input routes to the subset; Info (Kiali's {@code unknown}) when nothing
 * does yet. Node topology labels ({@code topology.kubernetes.io/zone} …) are not on pods in the input; they are left
 * out of the match. Skipped, saying so, for Services whose namespace has no workload in the input.
 */
public final class SubsetSelectsNoPodsRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0605", "subset-selects-no-pods", Severity.ERROR,
            "A DestinationRule subset selects no pod of its Service (Service selector and subset labels).",
            List.of(), Set.of(Kind.DESTINATION_RULE))
            .withAliases(Severity.ERROR, "IST0173", "KIA0203").withAliases(Severity.INFO, "KIA0203");
    /** Labels istiod adds to endpoints from the pod's Node, which the input's pods do not carry. */
    private static final Set<String> TOPOLOGY_LABELS = Set.of("topology.kubernetes.io/region",
            "topology.kubernetes.io/zone", "topology.istio.io/subzone", "kubernetes.io/hostname",
            "failure-domain.beta.kubernetes.io/region", "failure-domain.beta.kubernetes.io/zone",
            "topology.istio.io/cluster", "topology.istio.io/network");

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
        Set<Use> referenced = null; // made at the first subset that selects nothing: most runs have none
        for (DestinationRule dr : ctx.snapshot().destinationRules()) {
            Entry e = backing(ctx, dr);
            if (e == null || !ctx.registry().knowsWorkloadsOf(e.resource().metadata().namespace())) {
                continue;
            }
            String fqdn = Hosts.resolveShortnameToFqdn(dr.host(), dr.metadata().namespace());
            for (int i = 0; i < dr.subsets().size(); i++) {
                DestinationRule.Subset s = dr.subsets().get(i);
                Map<String, String> selector = new LinkedHashMap<>(e.selector());
                boolean emptyTopology = false;
                for (Map.Entry<String, String> l : s.labels().entrySet()) {
                    if (!TOPOLOGY_LABELS.contains(l.getKey())) {
                        selector.put(l.getKey(), l.getValue());
                    } else if (l.getValue().isEmpty()) {
                        // istiod gives an endpoint no topology label with an empty value: nothing matches "".
                        emptyTopology = true;
                        selector.put(l.getKey(), l.getValue());
                    }
                }
                if (s.labels().isEmpty() || !emptyTopology && !ctx.registry().workloadsMatching(
                        e.resource().metadata().namespace(), selector).isEmpty()) {
                    continue;
                }
                if (referenced == null) {
                    referenced = referencedSubsets(ctx);
                }
                boolean used = referenced.contains(new Use(fqdn, s.name()));
                String message = "The Subset " + s.name() + " defined in the DestinationRule does not select any "
                        + "pods. Which may lead to 503 UH (NoHealthyUpstream). (no workload in namespace "
                        + e.resource().metadata().namespace() + " has the labels " + Labels.format(selector)
                        + ": the selector of " + e.describe() + " and the subset's labels)";
                String hint = "Correct the subset labels so that they match the pods of " + e.describe()
                        + " (their labels must include " + Labels.format(e.selector()) + " too)"
                        + (used ? "." : "; no VirtualService of the input routes to this subset yet.");
                out.report(dr, "/spec/subsets/" + i, used ? Severity.ERROR : Severity.INFO, message, hint);
            }
        }
    }

    /** The host and subset of every route and mirror destination that names a subset. */
    private static Set<Use> referencedSubsets(RuleContext ctx) {
        Set<Use> referenced = new HashSet<>();
        for (DestinationUse u : ctx.registry().destinations()) {
            if (u.destination() != null && u.destination().subset() != null) {
                referenced.add(new Use(u.lookup().fqdn(), u.destination().subset()));
            }
        }
        return referenced;
    }

    /**
     * A destination's host (FQDN) and subset, holding the strings the model has: a {@code host|subset} string per
     * destination was 32 MB at 100,000 Gateways, the rule phase's peak. Written out: a record's methods cost start-up.
     */
    private static final class Use {
        private final String fqdn;
        private final String subset;
        private final int hash;

        Use(String fqdn, String subset) {
            this.fqdn = fqdn;
            this.subset = subset;
            this.hash = Objects.hashCode(fqdn) * 31 + Objects.hashCode(subset);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Use u && hash == u.hash && Objects.equals(fqdn, u.fqdn)
                    && Objects.equals(subset, u.subset);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The Service or ServiceEntry whose pods the subsets of {@code dr} select, or null when none is known. */
    private static Entry backing(RuleContext ctx, DestinationRule dr) {
        if (dr.host() == null || dr.host().startsWith("*")) {
            return null;
        }
        MeshRegistry.Lookup l = ctx.registry().lookup(dr.host(), dr.metadata().namespace(), List.of("*"));
        Entry e = l.outcome() == MeshRegistry.Outcome.FOUND || l.outcome() == MeshRegistry.Outcome.NOT_EXPORTED
                ? l.entry() : null;
        return e == null || e.selector() == null || e.selector().isEmpty() ? null : e;
    }

    @Override
    public String partlySkipped(RuleContext ctx) {
        Set<String> namespaces = new TreeSet<>();
        for (DestinationRule dr : ctx.snapshot().destinationRules()) {
            Entry e = backing(ctx, dr);
            if (e != null && !dr.subsets().isEmpty()
                    && !ctx.registry().knowsWorkloadsOf(e.resource().metadata().namespace())) {
                namespaces.add(e.resource().metadata().namespace());
            }
        }
        return namespaces.isEmpty() ? null : "for the subsets of Services in namespace"
                + (namespaces.size() == 1 ? " " : "s ") + String.join(", ", namespaces)
                + ": no Pods or Deployments of " + (namespaces.size() == 1 ? "that namespace" : "those namespaces")
                + " in the input";
    }
}
