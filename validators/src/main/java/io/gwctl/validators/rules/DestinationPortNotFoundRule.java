package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.kube.Service;
import io.gwctl.model.kube.ServicePort;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import io.gwctl.validators.rules.MeshRegistry.DestinationUse;
import io.gwctl.validators.rules.MeshRegistry.Entry;
import java.util.List;
import java.util.Set;

/**
 * GW0602: a destination's {@code port.number} must be a port of the Service or ServiceEntry its host resolves to
 * (lint catalogue §2.2 DestinationHostAnalyzer {@code host:port}, §5 E.2). istiod builds the cluster
 * {@code outbound|<port>||<host>} only for the host's ports; a route to another port gets 503 (no cluster).
 */
public final class DestinationPortNotFoundRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0602", "destination-port-not-found", Severity.ERROR,
            "A VirtualService routes to a port that its destination Service or ServiceEntry does not have.",
            List.of("IST0101"), Set.of(Kind.VIRTUAL_SERVICE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean hasWork(RuleContext ctx) {
        return !ctx.snapshot().virtualServices().isEmpty();
    }

    /** True when {@code port} is a targetPort of the Service behind {@code e} (the usual mistake). */
    private static boolean isTargetPort(Entry e, int port) {
        if (e.resource() instanceof Service s) {
            for (ServicePort p : s.ports()) {
                if (p.targetPort() == port) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (DestinationUse u : ctx.registry().destinations()) {
            Entry e = u.lookup().entry();
            if (u.lookup().outcome() != MeshRegistry.Outcome.FOUND || u.destination().port() == 0
                    || e.ports().isEmpty() || e.ports().contains(u.destination().port())) {
                continue;
            }
            int port = u.destination().port();
            out.report(u.vs(), u.pointer() + "/port/number", "Referenced host:port not found: \"" + u.host() + ":"
                    + port + "\" (" + e.describe() + " has port" + (e.ports().size() == 1 ? " " : "s ")
                    + DestinationPorts.format(e.ports()) + ")", "Route to one of the ports of " + e.describe()
                    + (isTargetPort(e, port) ? ": " + port + " is the container's targetPort, and the proxy "
                    + "connects to the Service port." : "."));
        }
    }
}
