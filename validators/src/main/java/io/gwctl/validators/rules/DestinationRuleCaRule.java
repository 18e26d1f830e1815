package io.gwctl.validators.rules;

import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.ClientTls;
import io.gwctl.model.istio.DestinationRule;
import io.gwctl.model.istio.TrafficPolicy;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;

/**
 * What GW0610 (destination level) and GW0611 (port level) share: istioctl's destinationrule.CaCertificateAnalyzer
 * (lint catalogue §2.2, §5 A.3). A SIMPLE or MUTUAL {@code tls} without {@code caCertificates} does not verify the
 * server with a CA of the user's choice. The traffic policies of the subsets are checked too (istioctl does not).
 *
 * <p>The credentialName nuance: istioctl exempts a {@code credentialName} only together with a
 * {@code workloadSelector} (issue 42005). gwctl follows istiod: with a workloadSelector the selected proxies read
 * the CA from the Secret, so nothing is reported; without one, gateways read it from the Secret but sidecars ignore
 * {@code credentialName}, which gwctl says as Info. {@code insecureSkipVerify: true} states that verification is off
 * on purpose and is not reported.
 */
abstract class DestinationRuleCaRule implements Rule {
    /** True for the port-level rule: checks {@code portLevelSettings[].tls}, else the policy's own {@code tls}. */
    abstract boolean portLevel();

    @Override
    public final void check(RuleContext ctx, Reporter out) {
        for (DestinationRule dr : ctx.snapshot().destinationRules()) {
            checkPolicy(dr, dr.trafficPolicy(), "/spec/trafficPolicy", "", out);
            for (int i = 0; i < dr.subsets().size(); i++) {
                DestinationRule.Subset s = dr.subsets().get(i);
                checkPolicy(dr, s.trafficPolicy(), "/spec/subsets/" + i + "/trafficPolicy", " (subset " + s.name()
                        + ")", out);
            }
        }
    }

    private void checkPolicy(DestinationRule dr, TrafficPolicy tp, String p, String where, Reporter out) {
        if (tp == null) {
            return;
        }
        if (!portLevel()) {
            checkTls(dr, tp.tls(), p + "/tls", where, null, out);
            return;
        }
        for (int i = 0; i < tp.portLevelSettings().size(); i++) {
            TrafficPolicy.PortSettings s = tp.portLevelSettings().get(i);
            checkTls(dr, s.tls(), p + "/portLevelSettings/" + i + "/tls", where, s.port(), out);
        }
    }

    private static void checkTls(DestinationRule dr, ClientTls tls, String p, String where, Integer port,
                                 Reporter out) {
        if (tls == null || !tls.originatesTls() || !isBlank(tls.caCertificates()) || tls.insecureSkipVerify()) {
            return;
        }
        boolean credential = !isBlank(tls.credentialName());
        if (credential && dr.workloadSelector() != null) {
            return;
        }
        String message = "DestinationRule " + dr.metadata().name() + " in namespace " + dr.metadata().namespace()
                + " has TLS mode set to " + tls.mode() + " but no caCertificates are set to validate server identity "
                + "for host: " + dr.host() + (port == null ? "" : " at port " + port) + where;
        if (credential) {
            out.report(dr, p + "/credentialName", Severity.INFO, message + "; gateways read the CA from Secret "
                    + tls.credentialName() + ", sidecars ignore credentialName without a workloadSelector",
                    "Nothing to do for gateways if Secret " + tls.credentialName() + " holds ca.crt (or a "
                            + tls.credentialName() + "-cacert Secret exists); for sidecars set caCertificates, or a "
                            + "workloadSelector.");
            return;
        }
        out.report(dr, p + "/mode", message, "Set caCertificates (a CA file mounted in the proxy) or credentialName "
                + "(a Secret with ca.crt) so that the proxy verifies the server; insecureSkipVerify: true if not "
                + "verifying is intended.");
    }

    private static boolean isBlank(String s) {
        return s == null || s.isEmpty();
    }
}
