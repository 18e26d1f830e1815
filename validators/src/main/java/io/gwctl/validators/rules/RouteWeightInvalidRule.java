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
 * GW0514: route weights Istio's validation rejects (lint catalogue §2.2 VirtualService, §5 A.2; IST0106): a negative
 * weight ({@code weight -5 < 0}) and, for a route with several destinations, weights that add up to 0
 * ({@code total destination weight = 0}), which would send no traffic anywhere.
 */
public final class RouteWeightInvalidRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0514", "route-weight-invalid", Severity.ERROR,
            "A route destination has a negative weight, or the weights of several destinations add up to 0.",
            List.of("IST0106"), Set.of(Kind.VIRTUAL_SERVICE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (VirtualService vs : ctx.snapshot().virtualServices()) {
            for (VsRoutes.RouteList r : VsRoutes.of(vs)) {
                boolean negative = false;
                for (int j = 0; j < r.route().size(); j++) {
                    int w = r.route().get(j).weight();
                    if (w < 0) {
                        negative = true;
                        out.report(vs, r.pointer(j) + "/weight", "weight " + w + " < 0 in " + r.label()
                                        + "; Istio's admission webhook rejects this VirtualService",
                                "Use a weight of 0 or more.");
                    }
                }
                if (!negative && r.route().size() > 1 && WeightedRoutes.total(r.route()) == 0) {
                    out.report(vs, r.pointer() + "/route", "total destination weight = 0 in " + r.label()
                                    + "; Istio's admission webhook rejects this VirtualService",
                            "Give the destinations weights that add up to 100.");
                }
            }
        }
    }
}
