package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.RouteDestination;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * GW0702: the weights of a route with several destinations do not say what they seem to (lint catalogue §5 A.2;
 * Kiali's retired weight-sum and all-weights-present checks). Istio splits traffic in proportion to the weights
 * (weight / sum), and a destination without a weight gets weight 0:
 *
 * <ul>
 *   <li><b>Warning</b>: some destinations have a weight and another has none, so it gets no traffic at all.</li>
 *   <li><b>Info</b>: the weights do not add up to 100; the split is proportional (90 and 20 is 82% / 18%).</li>
 * </ul>
 * Negative weights and a zero total are schema errors, reported by GW0514.
 */
public final class RouteWeightsRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0702", "route-weights", Severity.WARNING,
            "The weights of a route with several destinations leave one without traffic or do not add up to 100.",
            List.of(), Set.of(Kind.VIRTUAL_SERVICE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (VirtualService vs : ctx.snapshot().virtualServices()) {
            for (VsRoutes.RouteList r : VsRoutes.of(vs)) {
                List<RouteDestination> route = r.route();
                long total = WeightedRoutes.total(route);
                if (route.size() < 2 || total <= 0 || route.stream().anyMatch(d -> d.weight() < 0)) {
                    continue; // one destination: GW0701; negative or zero total: GW0514
                }
                boolean unweighted = false;
                for (int j = 0; j < route.size(); j++) {
                    if (!route.get(j).weightSet()) {
                        unweighted = true;
                        out.report(vs, r.pointer(j), r.label() + " gives weights to other destinations but none to "
                                        + WeightedRoutes.name(route.get(j)) + ", so it gets weight 0: no traffic",
                                "Give " + WeightedRoutes.name(route.get(j)) + " a weight, or write weight: 0 if it "
                                        + "should get no traffic.");
                    }
                }
                if (!unweighted && total != 100) {
                    out.report(vs, r.pointer() + "/route", Severity.INFO, "the weights of " + r.label() + " add up to "
                                    + total + ", not 100; Istio splits traffic in proportion: " + split(route, total),
                            "Nothing to do if the proportions are intended; otherwise make the weights add up to 100.");
                }
            }
        }
    }

    private static String split(List<RouteDestination> route, long total) {
        StringJoiner j = new StringJoiner(", ");
        for (RouteDestination d : route) {
            j.add(WeightedRoutes.name(d) + " " + String.format(Locale.ROOT, "%.1f%%", 100.0 * d.weight() / total));
        }
        return j.toString();
    }
}
