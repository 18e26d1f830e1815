package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.translate.Hosts;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GW0403: the hosts of a VirtualService must be exposed by the Gateways it binds to, or istiod builds no virtual
 * host for them (translation spec §7.1: an empty host intersection skips the VirtualService).
 *
 * <p>Two findings, both aliased IST0132 (lint catalogue §2.2 virtualservice.GatewayAnalyzer, §5 D.2):
 * <ul>
 *   <li>istioctl's condition: for one referenced Gateway, <em>none</em> of the VirtualService's hosts match any
 *   server host visible to the VirtualService's namespace; reported on that gateway reference with istioctl's
 *   message.</li>
 *   <li>gwctl's addition: one host matches none of the referenced Gateways while other hosts do; reported on
 *   that host. A host exposed by only some of the referenced Gateways is the usual split of hosts across
 *   Gateways (fixture virtualservice_host_not_found_gateway.yaml, test-03) and is not reported, nor are hosts of
 *   a VirtualService also bound to {@code mesh}, where short service names are expected.</li>
 * </ul>
 * Missing Gateways are GW0401's; istioctl reports them a second time as IST0132, gwctl does not.
 */
public final class VsHostNotOnGatewayRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0403", "vs-host-not-on-gateway", Severity.WARNING,
            "A VirtualService host is not exposed by the Gateway it is bound to.",
            List.of("IST0132"), Set.of(Kind.VIRTUAL_SERVICE, Kind.GATEWAY));
    private static final int HINT_HOSTS = 8;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        GatewayHosts gatewayHosts = new GatewayHosts();
        for (VirtualService vs : ctx.snapshot().virtualServices()) {
            if (!vs.hosts().isEmpty()) {
                check(ctx, gatewayHosts, vs, out);
            }
        }
    }

    /*
     * The per-VirtualService work is split so that C2 compiles a small hot path (host resolution, the index lookups)
     * and leaves the message building, which runs only for findings, in methods of their own: inlined into one
     * body it was a 0.76 s compilation of 9 KB at N=10,000 (issue 12).
     */
    private static void check(RuleContext ctx, GatewayHosts gatewayHosts, VirtualService vs, Reporter out) {
        String ns = vs.metadata().namespace();
        List<String> fqdns = fqdns(vs, ns);
        boolean[] matchedByAny = new boolean[fqdns.size()];
        boolean anyMatched = false;
        boolean mesh = vs.gateways().isEmpty();
        List<Gateway> gateways = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (GatewayRef ref : GatewayRef.all(vs)) {
            mesh |= ref.form() == GatewayRef.Form.MESH;
            Gateway g = boundGateway(ctx, ref, seen);
            if (g == null) {
                continue;
            }
            gateways.add(g);
            if (markMatches(gatewayHosts.indexFor(g, ns), fqdns, matchedByAny)) {
                anyMatched = true;
            } else {
                reportGateway(gatewayHosts, vs, ref, g, ns, fqdns, out);
            }
        }
        if (anyMatched && !mesh) {
            for (int j = 0; j < fqdns.size(); j++) {
                if (!matchedByAny[j]) {
                    reportHost(gatewayHosts, vs, gateways, ns, fqdns, j, out);
                }
            }
        }
    }

    private static List<String> fqdns(VirtualService vs, String ns) {
        List<String> fqdns = new ArrayList<>(vs.hosts().size());
        for (String h : vs.hosts()) {
            fqdns.add(Hosts.resolveShortnameToFqdn(h, ns));
        }
        return fqdns;
    }

    /** The Gateway {@code ref} names, or null when it names none that exists or one already seen. */
    private static Gateway boundGateway(RuleContext ctx, GatewayRef ref, Set<String> seen) {
        Optional<Gateway> g = ref.isGatewayResource() ? ctx.gateway(ref.namespace(), ref.name()) : Optional.empty();
        return g.isEmpty() || !seen.add(ref.resolved()) ? null : g.get();
    }

    /** Marks the hosts {@code index} matches; true when it matches any. */
    private static boolean markMatches(HostIndex index, List<String> fqdns, boolean[] matchedByAny) {
        boolean matched = false;
        for (int j = 0; j < fqdns.size(); j++) {
            if (index.matchesAny(fqdns.get(j))) {
                matchedByAny[j] = true;
                matched = true;
            }
        }
        return matched;
    }

    /** istioctl's IST0132 text: %v of the hosts as written, then the two full names. */
    private static void reportGateway(GatewayHosts gatewayHosts, VirtualService vs, GatewayRef ref, Gateway g,
            String ns, List<String> fqdns, Reporter out) {
        String message = "one or more host [" + String.join(" ", vs.hosts()) + "] defined in VirtualService "
                + vs.metadata().key() + " not found in Gateway " + g.fullName() + ".";
        out.report(vs, ref.pointer(), message, hint(gatewayHosts, List.of(g), ns, fqdns));
    }

    /** The host {@code j} no referenced Gateway exposes, while others are exposed. */
    private static void reportHost(GatewayHosts gatewayHosts, VirtualService vs, List<Gateway> gateways, String ns,
            List<String> fqdns, int j, Reporter out) {
        List<String> names = gateways.stream().map(Gateway::fullName).toList();
        String message = "host \"" + vs.hosts().get(j) + "\" defined in VirtualService " + vs.metadata().key()
                + " not found in Gateway" + (names.size() > 1 ? "s " : " ") + String.join(", ", names)
                + ": istiod builds no route for it";
        out.report(vs, "/spec/hosts/" + j, message, hint(gatewayHosts, gateways, ns, List.of(fqdns.get(j))));
    }

    /** Says what the Gateways do expose to this namespace, and which matching hosts are restricted elsewhere. */
    private static String hint(GatewayHosts gatewayHosts, List<Gateway> gateways, String ns, List<String> hosts) {
        List<String> parts = new ArrayList<>();
        for (Gateway g : gateways) {
            List<String> visible = gatewayHosts.visibleTo(g, ns);
            if (g.servers().isEmpty()) {
                parts.add("Gateway " + g.fullName() + " has no servers");
            } else {
                List<String> shown = visible.size() > HINT_HOSTS ? visible.subList(0, HINT_HOSTS) : visible;
                parts.add("Gateway " + g.fullName() + " exposes [" + String.join(" ", shown)
                        + (visible.size() > HINT_HOSTS ? " ..." : "") + "] to namespace " + ns);
            }
            for (String h : hosts) {
                for (String hidden : GatewayHosts.hiddenMatches(g, ns, h)) {
                    parts.add("its host \"" + hidden + "\" is visible only to VirtualServices in namespace "
                            + hidden.substring(0, hidden.indexOf('/')));
                }
            }
        }
        return String.join("; ", parts) + "; add the host to a server of the Gateway or remove it from the "
                + "VirtualService";
    }
}
