package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.DestinationRule;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * GW0608: a DestinationRule subset without labels (lint catalogue §3.1 KIA0209, §5 A.3). It selects every endpoint of
 * the host, the same as routing without a subset, which is rarely what was meant (usually forgotten labels). A
 * subset without labels but with its own {@code trafficPolicy} is a deliberate way to give some routes another
 * policy, and is not reported (Kiali reports it too).
 */
public final class SubsetWithoutLabelsRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0608", "subset-without-labels", Severity.WARNING,
            "A DestinationRule subset has no labels, so it selects every endpoint of the host.",
            List.of("KIA0209"), Set.of(Kind.DESTINATION_RULE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (DestinationRule dr : ctx.snapshot().destinationRules()) {
            for (int i = 0; i < dr.subsets().size(); i++) {
                DestinationRule.Subset s = dr.subsets().get(i);
                if (s.labels().isEmpty() && s.trafficPolicy() == null) {
                    out.report(dr, "/spec/subsets/" + i, "Subset " + s.name() + " has no labels and no "
                            + "trafficPolicy: it selects every endpoint of " + dr.host()
                            + ", the same as routing without a subset", "Add the labels that select the subset's "
                            + "pods (e.g. version: " + s.name() + "), or remove the subset.");
                }
            }
        }
    }
}
