package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.L4Match;
import io.gwctl.model.istio.TlsRoute;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.translate.Hosts;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * GW0515: a {@code tls} rule Istio's validation rejects (lint catalogue §2.2, §5 A.2; IST0106): a rule without
 * {@code match}, a match without {@code sniHosts}, or an SNI host that is not covered by one of the VirtualService's
 * hosts ({@code SNI host "x" is not a compatible subset of any of the virtual service hosts}). TLS routes are chosen
 * by SNI, so these have no traffic to route.
 */
public final class TlsRouteSniRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0515", "tls-route-sni", Severity.ERROR,
            "A tls rule has no match, a match without sniHosts, or an SNI host outside the VirtualService's hosts.",
            List.of("IST0106"), Set.of(Kind.VIRTUAL_SERVICE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (VirtualService vs : ctx.snapshot().virtualServices()) {
            String hint = "Istio's admission webhook rejects this VirtualService; ";
            for (int i = 0; i < vs.tls().size(); i++) {
                TlsRoute r = vs.tls().get(i);
                String p = "/spec/tls/" + i;
                if (r.match().isEmpty()) {
                    out.report(vs, p, "TLS route must have at least one match condition (tls[" + i + "])",
                            hint + "add a match with the sniHosts this rule serves.");
                }
                for (int j = 0; j < r.match().size(); j++) {
                    L4Match m = r.match().get(j);
                    if (m.sniHosts().isEmpty()) {
                        out.report(vs, p + "/match/" + j, "TLS match must have at least one SNI host (tls[" + i
                                + "] match " + j + ")", hint + "list the SNI names under sniHosts.");
                    }
                    for (int k = 0; k < m.sniHosts().size(); k++) {
                        String sni = m.sniHosts().get(k);
                        if (!covered(sni, vs.hosts())) {
                            out.report(vs, p + "/match/" + j + "/sniHosts/" + k, "SNI host \"" + sni + "\" is not a "
                                            + "compatible subset of any of the virtual service hosts: ["
                                            + String.join(", ", vs.hosts()) + "]",
                                    hint + "add " + sni + " to spec.hosts, or fix the SNI name.");
                        }
                    }
                }
            }
        }
    }

    private static boolean covered(String sni, List<String> hosts) {
        String name = sni.toLowerCase(Locale.ROOT);
        for (String h : hosts) {
            if (Hosts.subsetOf(name, h.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
