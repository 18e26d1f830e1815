package io.gwctl.validators.rules;

import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Server;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.translate.Hosts;
import io.gwctl.validators.RuleContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * The ports a VirtualService's requests arrive on, which istiod uses for a destination without {@code port}
 * ({@code GetDestinationCluster}: the destination's only port, else the port of the listener the route is on):
 * the server ports of the Gateways it binds, and for the mesh the ports of its own hosts' Services.
 */
final class DestinationPorts {
    private DestinationPorts() {
    }

    /** {@code [80 443]}, as istioctl prints a port list. */
    static String format(List<Integer> ports) {
        StringJoiner j = new StringJoiner(" ", "[", "]");
        ports.forEach(p -> j.add(Integer.toString(p)));
        return j.toString();
    }

    /** The Gateway a {@code spec.gateways} entry of a VirtualService in {@code vsNamespace} names, if in the input. */
    static Optional<Gateway> gateway(RuleContext ctx, String ref, String vsNamespace) {
        String key = Hosts.resolveGatewayName(ref, vsNamespace);
        int slash = key.indexOf('/');
        return slash < 0 ? Optional.empty() : ctx.gateway(key.substring(0, slash), key.substring(slash + 1));
    }

    /**
     * Every port a request to {@code vs} can arrive on, or empty when the input cannot tell (a bound Gateway or, for
     * the mesh, one of the VirtualService's hosts is not in it).
     */
    static Optional<Set<Integer>> arrivalPorts(RuleContext ctx, VirtualService vs) {
        Set<Integer> out = new TreeSet<>();
        String ns = vs.metadata().namespace();
        List<String> gateways = vs.gateways().isEmpty() ? List.of(Hosts.MESH_GATEWAY) : vs.gateways();
        for (String g : gateways) {
            if (g.equals(Hosts.MESH_GATEWAY)) {
                if (vs.hosts().isEmpty()) {
                    return Optional.empty();
                }
                for (String h : vs.hosts()) {
                    MeshRegistry.Lookup l = ctx.registry().lookup(h, ns, vs.exportTo());
                    if (l.outcome() != MeshRegistry.Outcome.FOUND || l.entry().ports().isEmpty()) {
                        return Optional.empty();
                    }
                    out.addAll(l.entry().ports());
                }
                continue;
            }
            Optional<Gateway> gw = gateway(ctx, g, ns);
            if (gw.isEmpty()) {
                return Optional.empty();
            }
            for (Server s : gw.get().servers()) {
                if (s.port() != null) {
                    out.add(s.port().number());
                }
            }
        }
        return Optional.of(out);
    }
}
