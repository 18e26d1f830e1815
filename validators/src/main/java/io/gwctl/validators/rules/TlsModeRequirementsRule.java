package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Server;
import io.gwctl.model.istio.ServerTls;
import io.gwctl.model.istio.TlsCertificate;
import io.gwctl.model.istio.TlsMode;
import io.gwctl.validators.Reporter;
import java.util.List;
import java.util.Set;

/**
 * GW0507: {@code tls.mode} must be one of Istio's modes (exact, upper case), and a terminating mode must have what
 * it needs (Istio's {@code validateTLSOptions}, lint catalogue §2.2). SIMPLE, MUTUAL and OPTIONAL_MUTUAL with a
 * {@code credentialName(s)} read everything from the Secret (GW0105 checks its CA). Without one, each server
 * certificate (the {@code tlsCertificates} entries, else the {@code serverCertificate}/{@code privateKey} pair) needs
 * both files, MUTUAL and OPTIONAL_MUTUAL need {@code caCertificates}, and more than two {@code tlsCertificates} is
 * Istio's warning (Envoy serves one RSA and one ECDSA certificate). A {@code caCrl} is rejected with a credential
 * or in SIMPLE mode, where Istio checks it.
 */
public final class TlsModeRequirementsRule extends ServerRule {
    private static final RuleInfo INFO = new RuleInfo("GW0507", "invalid-tls-mode", Severity.ERROR,
            "A server's tls.mode is unknown, or the mode lacks the certificate it needs.",
            List.of(), Set.of(Kind.GATEWAY))
            .withAliases(Severity.ERROR, "IST0106").withAliases(Severity.WARNING, "IST0133");

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
        if (tls.mode() == TlsMode.ISTIO_MUTUAL) {
            return; // GW0503 names the fields ISTIO_MUTUAL cannot have; Istio checks nothing else
        }
        boolean terminating = tls.mode() == TlsMode.SIMPLE || tls.mode() == TlsMode.MUTUAL
                || tls.mode() == TlsMode.OPTIONAL_MUTUAL;
        if (terminating && !tls.allCredentialNames().isEmpty()) {
            return; // the Secret holds certificate, key and CA; Istio returns before its CRL checks too
        }
        if (terminating) {
            checkFiles(g, s, tls, where, out);
        }
        if (isSet(tls.caCrl())) {
            if (isSet(tls.credentialName())) {
                out.report(g, tp + "/caCrl", "CRL is not supported with credentialName. CRL has to be specified in "
                        + "the credential" + where, "put the CRL into the Secret (key ca.crl) and remove tls.caCrl");
            }
            if (tls.mode() == TlsMode.SIMPLE) {
                out.report(g, tp + "/caCrl", "CRL is not supported with SIMPLE TLS" + where,
                        "a CRL checks client certificates: use mode MUTUAL, or remove tls.caCrl");
            }
        }
    }

    private static void checkFiles(Gateway g, Server s, ServerTls tls, String where, Reporter out) {
        String tp = s.pointer() + "/tls";
        String mode = tls.mode().name();
        if (tls.mode() != TlsMode.SIMPLE && !isSet(tls.caCertificates())) {
            out.report(g, tp + "/mode", mode + " TLS requires a client CA bundle" + where,
                    "set tls.caCertificates to the CA file that signs client certificates, or use a credentialName "
                            + "whose Secret carries ca.crt");
        }
        List<TlsCertificate> certs = tls.tlsCertificates();
        if (certs.size() > 2) {
            out.report(g, tp + "/tlsCertificates/2", Severity.WARNING, mode + " TLS can support up to 2 server "
                            + "certificates" + where + ": " + certs.size() + " given",
                    "keep at most two tlsCertificates (one RSA and one ECDSA certificate); Envoy serves no more");
        }
        String hint = "set tls.credentialName to a kubernetes.io/tls Secret in the gateway pod's namespace (or "
                + "serverCertificate and privateKey to files mounted in the gateway pod)";
        if (certs.isEmpty()) {
            requireFiles(g, tp + "/mode", tls.serverCertificate(), tls.privateKey(), mode, where, hint, out);
            return;
        }
        for (int i = 0; i < certs.size(); i++) {
            TlsCertificate c = certs.get(i);
            requireFiles(g, tp + "/tlsCertificates/" + i, c.serverCertificate(), c.privateKey(), mode,
                    where.substring(0, where.length() - 1) + ", tlsCertificates[" + i + "])",
                    "set both serverCertificate and privateKey of each tlsCertificates entry", out);
        }
    }

    private static void requireFiles(Gateway g, String pointer, String cert, String key, String mode, String where,
                                     String hint, Reporter out) {
        if (!isSet(cert)) {
            out.report(g, pointer, mode + " TLS requires a server certificate" + where, hint);
        }
        if (!isSet(key)) {
            out.report(g, pointer, mode + " TLS requires a private key" + where, hint);
        }
    }
}
