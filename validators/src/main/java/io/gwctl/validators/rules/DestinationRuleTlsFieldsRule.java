package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.ClientTls;
import io.gwctl.model.istio.DestinationRule;
import io.gwctl.model.istio.TrafficPolicy;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * GW0516: a DestinationRule {@code tls} with mode MUTUAL names the client certificate and private key the proxy
 * presents, unless {@code credentialName} gives both (Istio's validation of ClientTLSSettings, reported by istioctl as
 * IST0106: {@code client certificate required for mutual tls}, {@code private key required for mutual tls}). The
 * traffic policy's own {@code tls}, its {@code portLevelSettings} and those of every subset are checked.
 */
public final class DestinationRuleTlsFieldsRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0516", "destination-rule-tls-fields", Severity.ERROR,
            "A DestinationRule's MUTUAL tls lacks the client certificate or private key and has no credentialName.",
            List.of("IST0106"), Set.of(Kind.DESTINATION_RULE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (DestinationRule dr : ctx.snapshot().destinationRules()) {
            policy(dr, dr.trafficPolicy(), "/spec/trafficPolicy", out);
            for (int i = 0; i < dr.subsets().size(); i++) {
                policy(dr, dr.subsets().get(i).trafficPolicy(), "/spec/subsets/" + i + "/trafficPolicy", out);
            }
        }
    }

    private static void policy(DestinationRule dr, TrafficPolicy tp, String p, Reporter out) {
        if (tp == null) {
            return;
        }
        tls(dr, tp.tls(), p + "/tls", out);
        for (int i = 0; i < tp.portLevelSettings().size(); i++) {
            tls(dr, tp.portLevelSettings().get(i).tls(), p + "/portLevelSettings/" + i + "/tls", out);
        }
    }

    private static void tls(DestinationRule dr, ClientTls tls, String p, Reporter out) {
        if (tls == null || !"MUTUAL".equals(tls.mode()) || !blank(tls.credentialName())) {
            return;
        }
        String hint = "set clientCertificate and privateKey (files mounted in the proxy), or credentialName (a Secret "
                + "with tls.crt and tls.key); mode SIMPLE if the server does not ask for a client certificate";
        if (blank(tls.clientCertificate())) {
            out.report(dr, p + "/mode", "client certificate required for mutual tls (" + p.substring(1)
                    .replace('/', '.') + ")", hint);
        }
        if (blank(tls.privateKey())) {
            out.report(dr, p + "/mode", "private key required for mutual tls (" + p.substring(1).replace('/', '.')
                    + ")", hint);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }
}
