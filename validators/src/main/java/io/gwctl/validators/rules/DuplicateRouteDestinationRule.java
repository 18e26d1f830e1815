package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Destination;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.translate.Hosts;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * GW0703: the same destination (host, subset and port) twice in one route (Kiali's KIA1105, lint catalogue §3.1, §5
 * A.2). Envoy adds the weights up, so the split is not what either entry says; usually a copy-paste slip where another
 * subset was meant. Hosts are compared as FQDNs in the VirtualService's namespace ({@code reviews} and
 * {@code reviews.ns.svc.cluster.local} are the same), case-insensitively; a destination without a port differs from
 * one with a port.
 */
public final class DuplicateRouteDestinationRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0703", "duplicate-route-destination", Severity.WARNING,
            "The same host, subset and port appear twice in one route.", List.of("KIA1105"),
            Set.of(Kind.VIRTUAL_SERVICE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (VirtualService vs : ctx.snapshot().virtualServices()) {
            String ns = vs.metadata().namespace();
            for (VsRoutes.RouteList r : VsRoutes.of(vs)) {
                if (r.route().size() < 2) {
                    continue; // most routes have one destination: nothing to repeat
                }
                Map<List<Object>, Integer> first = new HashMap<>();
                for (int j = 0; j < r.route().size(); j++) {
                    Destination d = r.route().get(j).destination();
                    if (d == null || d.host() == null || d.host().isEmpty()) {
                        continue;
                    }
                    List<Object> key = List.of(Hosts.resolveShortnameToFqdn(d.host(), ns).toLowerCase(Locale.ROOT),
                            Objects.toString(d.subset(), ""), d.port());
                    Integer earlier = first.putIfAbsent(key, j);
                    if (earlier != null) {
                        String name = WeightedRoutes.name(r.route().get(j));
                        out.report(vs, r.pointer(j) + "/destination", "This host subset combination is already "
                                        + "referenced in another route destination: " + name + " is route[" + earlier
                                        + "] and route[" + j + "] of " + r.label() + "; their weights ("
                                        + r.route().get(earlier).weight() + " and " + r.route().get(j).weight()
                                        + ") add up",
                                "Merge the two entries into one with the summed weight, or fix the subset of one.");
                    }
                }
            }
        }
    }
}
