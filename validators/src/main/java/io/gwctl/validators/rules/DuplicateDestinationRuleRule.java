package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.DestinationRule;
import io.gwctl.model.translate.CreationOrder;
import io.gwctl.model.translate.Hosts;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GW0609: several DestinationRules for the same host in one namespace whose parts collide (lint catalogue §3.1
 * KIA0201, §5 E.5). istiod merges DestinationRules without workloadSelector that share a host and a namespace, in
 * creation order (then input order): a later rule's subset whose name an earlier rule already defines is dropped, and
 * its top-level {@code trafficPolicy} is dropped when an earlier rule has one. The dropped part is reported on the
 * later rule. Rules in different namespaces are not merged (each proxy picks its own namespace's, else the host's),
 * and rules that add distinct subsets merge cleanly: neither is reported, unlike Kiali.
 */
public final class DuplicateDestinationRuleRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0609", "duplicate-destination-rule", Severity.WARNING,
            "A DestinationRule repeats a subset or traffic policy that an earlier rule for the same host defines.",
            List.of("KIA0201"), Set.of(Kind.DESTINATION_RULE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        Map<String, List<DestinationRule>> groups = new LinkedHashMap<>();
        for (DestinationRule dr : ctx.snapshot().destinationRules()) {
            if (dr.host() == null || dr.host().isEmpty() || dr.workloadSelector() != null) {
                continue;
            }
            String ns = dr.metadata().namespace();
            groups.computeIfAbsent(ns + "|" + Hosts.resolveShortnameToFqdn(dr.host(), ns), k -> new ArrayList<>())
                    .add(dr);
        }
        for (List<DestinationRule> group : groups.values()) {
            if (group.size() > 1) {
                checkGroup(group, out);
            }
        }
    }

    private static void checkGroup(List<DestinationRule> group, Reporter out) {
        List<DestinationRule> ordered = new ArrayList<>(group);
        // istiod orders configs by creation time, then name, then namespace (sortConfigByCreationTime).
        ordered.sort(CreationOrder.of());
        Map<String, DestinationRule> subsetOwner = new HashMap<>();
        DestinationRule policyOwner = null;
        for (DestinationRule dr : ordered) {
            for (int i = 0; i < dr.subsets().size(); i++) {
                String name = dr.subsets().get(i).name();
                DestinationRule owner = subsetOwner.putIfAbsent(name, dr);
                if (owner != null && owner != dr) {
                    out.report(dr, "/spec/subsets/" + i, "Subset " + name + " of host " + dr.host() + " is also "
                            + "defined by " + owner.ref().friendlyName() + ", which istiod merges "
                            + "first: this definition is ignored", "Keep one definition of subset " + name
                            + ": merge the two DestinationRules, or remove the subset from this one.");
                }
            }
            if (dr.trafficPolicy() != null) {
                if (policyOwner == null) {
                    policyOwner = dr;
                } else {
                    out.report(dr, "/spec/trafficPolicy", "The trafficPolicy of host " + dr.host() + " is also set "
                            + "by " + policyOwner.ref().friendlyName() + ", which istiod merges "
                            + "first: this trafficPolicy is ignored", "Keep one DestinationRule per host and "
                            + "namespace, or move this policy into " + policyOwner.ref().friendlyName() + ".");
                }
            }
        }
    }
}
