package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * GW0701: a route with one destination whose weight is below 100 (Kiali's KIA1104, lint catalogue §3.1, §5 A.2).
 * Istio sends all traffic to a single destination whatever its weight, so a weight of 10 that was meant as "10% to
 * the canary" does not split anything.
 */
public final class SingleDestinationWeightRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0701", "single-destination-weight", Severity.WARNING,
            "A route has one destination with a weight below 100: it still gets all the traffic.",
            List.of("KIA1104"), Set.of(Kind.VIRTUAL_SERVICE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (VirtualService vs : ctx.snapshot().virtualServices()) {
            for (VsRoutes.RouteList r : VsRoutes.of(vs)) {
                if (r.route().size() != 1) {
                    continue;
                }
                int w = r.route().get(0).weight();
                String pointer = r.pointer(0) + "/weight";
                // An absent weight is the normal single destination; a negative one is GW0514's.
                if (!r.route().get(0).weightSet() || w < 0 || w >= 100) {
                    continue;
                }
                out.report(vs, pointer, "The weight is assumed to be 100 because there is only one route "
                                + "destination: " + r.label() + " sends all its traffic to "
                                + WeightedRoutes.name(r.route().get(0)) + ", not " + w + "%",
                        "Remove the weight, or add the destination that should get the other " + (100 - w) + "%.");
            }
        }
    }
}
