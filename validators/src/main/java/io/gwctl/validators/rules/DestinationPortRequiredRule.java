package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import io.gwctl.validators.rules.MeshRegistry.DestinationUse;
import io.gwctl.validators.rules.MeshRegistry.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GW0603: a destination without {@code port} whose Service or ServiceEntry has several ports (lint catalogue §2.2
 * IST0112, §5 E.2). istiod then uses the port the request arrived on (the Gateway server's port, or the Service port
 * the client called), so the route works only while that port is also a port of the destination. istioctl reports
 * every such destination; gwctl reports it when an arrival port is not a destination port, or when the input cannot
 * tell the arrival ports (a bound Gateway or the VirtualService's own host is not in it).
 */
public final class DestinationPortRequiredRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0603", "destination-port-required", Severity.ERROR,
            "A VirtualService routes without a port to a Service or ServiceEntry that has several ports.",
            List.of("IST0112"), Set.of(Kind.VIRTUAL_SERVICE));

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
            Entry e = u.lookup().entry();
            if (u.lookup().outcome() != MeshRegistry.Outcome.FOUND || u.destination().port() != 0
                    || e.ports().size() < 2) {
                continue;
            }
            Optional<Set<Integer>> arrival = DestinationPorts.arrivalPorts(ctx, u.vs());
            String ports = DestinationPorts.format(e.ports());
            String message = "This VirtualService routes to a service \"" + u.host() + "\" that exposes multiple "
                    + "ports " + ports + ". Specifying a port in the destination is required to disambiguate.";
            if (arrival.isEmpty()) {
                out.report(u.vs(), u.pointer(), message, "Add port.number: istiod otherwise uses the port the "
                        + "request arrived on, which must then also be a port of " + e.describe() + ".");
                continue;
            }
            List<Integer> missing = new ArrayList<>();
            for (int p : arrival.get()) {
                if (!e.ports().contains(p)) {
                    missing.add(p);
                }
            }
            if (!missing.isEmpty()) {
                out.report(u.vs(), u.pointer(), message + " Requests arriving on port"
                        + (missing.size() == 1 ? " " : "s ") + DestinationPorts.format(missing) + " go to that port of "
                        + e.describe() + ", which it does not have.", "Add port.number with one of " + ports + ".");
            }
        }
    }
}
