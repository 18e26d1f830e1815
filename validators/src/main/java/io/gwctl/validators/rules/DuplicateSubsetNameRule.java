package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.DestinationRule;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GW0607: the subsets of one DestinationRule need distinct names (lint catalogue §5 A.3; Istio's admission webhook
 * rejects the rule with {@code duplicate subset names}, which istioctl reports as IST0106). Applied without the
 * webhook, istiod keeps the first subset of each name and the second one's labels and policy are silently unused.
 */
public final class DuplicateSubsetNameRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0607", "duplicate-subset-name", Severity.ERROR,
            "Two subsets of one DestinationRule have the same name.", List.of("IST0106"),
            Set.of(Kind.DESTINATION_RULE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (DestinationRule dr : ctx.snapshot().destinationRules()) {
            Map<String, Integer> first = new HashMap<>();
            for (int i = 0; i < dr.subsets().size(); i++) {
                String name = dr.subsets().get(i).name();
                if (name == null || name.isEmpty()) {
                    continue;
                }
                Integer earlier = first.putIfAbsent(name, i);
                if (earlier != null) {
                    out.report(dr, "/spec/subsets/" + i + "/name", "duplicate subset names: " + name + " (subsets["
                            + earlier + "] has the same name)", "Rename or remove one of the two subsets; istiod "
                            + "uses only the first subset of a name.");
                }
            }
        }
    }
}
