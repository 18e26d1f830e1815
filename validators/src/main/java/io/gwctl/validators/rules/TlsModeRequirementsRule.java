package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Server;
import io.gwctl.model.istio.ServerTls;
import io.gwctl.model.istio.TlsMode;
import io.gwctl.validators.Reporter;
import java.util.List;
import java.util.Set;

/**
 * GW0507: {@code tls.mode} must be one of Istio's modes (exact, upper case), and a terminating mode must have what
 * it needs (Istio's {@code validateTLSOptions}, lint catalogue §2.2): SIMPLE, MUTUAL and OPTIONAL_MUTUAL need a
 * {@code credentialName(s)} or both {@code serverCertificate} and {@code privateKey}; MUTUAL and OPTIONAL_MUTUAL
 * without a credential also need {@code caCertificates} (with a credential, the CA comes from the Secret, which
 * GW0105 checks).
 */
public final class TlsModeRequirementsRule extends ServerRule {
    private static final RuleInfo INFO = new RuleInfo("GW0507", "invalid-tls-mode", Severity.ERROR,
            "A server's tls.mode is unknown, or the mode lacks the certificate it needs.",
            List.of("IST0106"), Set.of(Kind.GATEWAY));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    void check(Gateway g, Server s, Reporter out) {
        ServerTls tls = s.tls();
        if (tls == null) {
            return;
        }
        String tp = s.pointer() + "/tls";
        String where = " (server " + s.index() + ", " + describePort(s) + ")";
        if (tls.mode() == TlsMode.INVALID) {
            out.report(g, tp + "/mode", "invalid tls.mode \"" + tls.modeText() + "\"" + where
                            + ": must be one of PASSTHROUGH, SIMPLE, MUTUAL, AUTO_PASSTHROUGH, ISTIO_MUTUAL, "
                            + "OPTIONAL_MUTUAL",
                    "the modes are upper case; Istio rejects any other value");
            return;
        }
        boolean terminating = tls.mode() == TlsMode.SIMPLE || tls.mode() == TlsMode.MUTUAL
                || tls.mode() == TlsMode.OPTIONAL_MUTUAL;
        if (!terminating || !tls.allCredentialNames().isEmpty()) {
            return;
        }
        String mode = tls.mode().name();
        String hint = "set tls.credentialName to a kubernetes.io/tls Secret in the gateway pod's namespace (or "
                + "serverCertificate and privateKey to files mounted in the gateway pod)";
        if (!isSet(tls.serverCertificate())) {
            out.report(g, tp + "/mode", mode + " TLS requires a server certificate" + where, hint);
        }
        if (!isSet(tls.privateKey())) {
            out.report(g, tp + "/mode", mode + " TLS requires a private key" + where, hint);
        }
        if (tls.mode() != TlsMode.SIMPLE && !isSet(tls.caCertificates())) {
            out.report(g, tp + "/mode", mode + " TLS requires a client CA bundle" + where,
                    "set tls.caCertificates to the CA file that signs client certificates, or use a credentialName "
                            + "whose Secret carries ca.crt");
        }
    }
}
