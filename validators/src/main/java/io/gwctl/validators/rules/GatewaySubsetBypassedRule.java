package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Destination;
import io.gwctl.model.istio.HttpRoute;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.translate.Hosts;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * GW0707: a gateway VirtualService routes to a service without a subset while the service's own mesh VirtualService
 * splits it by subset (lint catalogue §2.2 DestinationHostAnalyzer IST0140, §5 E.6). Requests entering through the
 * gateway go straight to the destination the gateway VirtualService names: the mesh VirtualService's subset routing
 * (a canary split, a pinned version) does not apply to them.
 *
 * <p>Compared to istioctl: hosts are compared as FQDNs (short names resolved in each VirtualService's namespace)
 * rather than as written; the VirtualService with the subsets must apply to the mesh (no {@code gateways}, or
 * {@code mesh}), since only those route in-mesh traffic for the service; a VirtualService is never reported against
 * itself. Indexed by FQDN.
 */
public final class GatewaySubsetBypassedRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0707", "gateway-subset-bypassed", Severity.WARNING,
            "A gateway VirtualService routes to a service without the subsets its mesh VirtualService uses.",
            List.of("IST0140"), Set.of(Kind.VIRTUAL_SERVICE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        // FQDN of a service -> the first mesh VirtualService for it that routes it by subset, and the subsets.
        Map<String, VirtualService> subsetRouted = new HashMap<>();
        Map<String, Set<String>> subsets = new HashMap<>();
        for (VirtualService vs : ctx.snapshot().virtualServices()) {
            if (!vs.gateways().isEmpty() && !vs.gateways().contains(Hosts.MESH_GATEWAY)) {
                continue;
            }
            String ns = vs.metadata().namespace();
            Set<String> own = new java.util.HashSet<>();
            vs.hosts().forEach(h -> own.add(fqdn(h, ns)));
            for (HttpRoute r : vs.http()) {
                r.route().forEach(d -> {
                    Destination dest = d.destination();
                    if (dest != null && dest.host() != null && dest.subset() != null && !dest.subset().isEmpty()
                            && own.contains(fqdn(dest.host(), ns))) {
                        subsetRouted.putIfAbsent(fqdn(dest.host(), ns), vs);
                        if (subsetRouted.get(fqdn(dest.host(), ns)) == vs) {
                            subsets.computeIfAbsent(fqdn(dest.host(), ns), k -> new java.util.TreeSet<>())
                                    .add(dest.subset());
                        }
                    }
                });
            }
        }
        if (subsetRouted.isEmpty()) {
            return;
        }
        for (VirtualService vs : ctx.snapshot().virtualServices()) {
            if (vs.gateways().stream().allMatch(Hosts.MESH_GATEWAY::equals)) {
                continue; // not bound to a gateway
            }
            String ns = vs.metadata().namespace();
            Map<String, Boolean> reported = new LinkedHashMap<>();
            for (int i = 0; i < vs.http().size(); i++) {
                List<io.gwctl.model.istio.RouteDestination> route = vs.http().get(i).route();
                for (int j = 0; j < route.size(); j++) {
                    Destination d = route.get(j).destination();
                    if (d == null || d.host() == null || (d.subset() != null && !d.subset().isEmpty())) {
                        continue;
                    }
                    String host = fqdn(d.host(), ns);
                    VirtualService mesh = subsetRouted.get(host);
                    if (mesh == null || mesh.metadata().key().equals(vs.metadata().key())
                            || reported.put(host + "#" + i, Boolean.TRUE) != null) {
                        continue;
                    }
                    out.report(vs, "/spec/http/" + i + "/route/" + j + "/destination", "Subset in virtual service "
                                    + mesh.metadata().key() + " has no effect on ingress gateway "
                                    + vs.metadata().key() + " requests: http[" + i + "] sends them to " + d.host()
                                    + " without a subset, while " + mesh.metadata().key() + " routes " + d.host()
                                    + " to subsets " + subsets.get(host) + " for in-mesh traffic only",
                            "Route to the subset(s) here too (or delegate to the same rules), if gateway traffic "
                                    + "should follow the same split.");
                }
            }
        }
    }

    private static String fqdn(String host, String ns) {
        return Hosts.resolveShortnameToFqdn(host, ns).toLowerCase(Locale.ROOT);
    }
}
