package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Server;
import io.gwctl.model.istio.ServerTls;
import io.gwctl.model.istio.TlsMode;
import io.gwctl.validators.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * GW0503: a server's certificate must come from exactly one source, and only where the TLS mode uses one (Istio's
 * {@code validateTLSOptions}, lint catalogue §2.2). The sources are {@code credentialName}, {@code credentialNames},
 * the {@code serverCertificate}/{@code privateKey} pair (a source only when both are set, as Istio counts it: a lone
 * {@code privateKey} next to a {@code credentialName} is accepted and ignored) and {@code tlsCertificates}.
 * ISTIO_MUTUAL uses the mesh certificate and rejects every certificate field; PASSTHROUGH and AUTO_PASSTHROUGH never
 * terminate TLS, so certificates are ignored (Istio's warning, IST0133; the usual cause is a forgotten {@code mode},
 * which defaults to PASSTHROUGH, spec §5.4). Plain HTTP servers are GW0502's.
 */
public final class ConflictingCertSourcesRule extends ServerRule {
    private static final RuleInfo INFO = new RuleInfo("GW0503", "conflicting-cert-sources", Severity.ERROR,
            "A server names more than one certificate source, or certificates its TLS mode cannot use.",
            List.of(), Set.of(Kind.GATEWAY))
            .withAliases(Severity.ERROR, "IST0106").withAliases(Severity.WARNING, "IST0133");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    void check(Gateway g, Server s, Reporter out) {
        ServerTls tls = s.tls();
        if (tls == null || tls.mode() == TlsMode.INVALID || (s.port() != null && s.port().parsedProtocol().isHttp())) {
            return;
        }
        String where = " (server " + s.index() + ", " + describePort(s) + ")";
        String tp = s.pointer() + "/tls";
        if (tls.mode() == TlsMode.ISTIO_MUTUAL) {
            for (String[] f : fields(tls)) {
                out.report(g, tp + "/" + f[0], "ISTIO_MUTUAL TLS cannot have associated " + f[1] + where,
                        "remove " + f[0] + ": ISTIO_MUTUAL uses the gateway's mesh certificate");
            }
            return;
        }
        if (tls.mode().isPassthrough() && (!fields(tls).isEmpty() || isSet(tls.caCrl()))) {
            boolean unset = tls.modeText() == null;
            out.report(g, unset ? tp : tp + "/mode", Severity.WARNING,
                    tls.mode().name() + " mode does not use certificates, they will be ignored" + where
                            + (unset ? "; tls.mode is not set and defaults to PASSTHROUGH" : ""),
                    "set tls.mode: SIMPLE (or MUTUAL) to terminate TLS with these certificates, or remove them to "
                            + "pass TLS through to the backend");
        }
        List<String> sources = sources(tls);
        if (sources.size() > 1) {
            out.report(g, tp + "/" + sources.get(1).replace("/privateKey", ""),
                    "only one of credential_name, credential_names, server_certificate/private_key, tls_certificates "
                            + "should be specified" + where + ": found " + String.join(", ", sources),
                    "keep one certificate source; credentialName (a Secret in the gateway pod's namespace) is the "
                            + "usual one");
        }
    }

    /**
     * The certificate sources Istio counts, in its order of mention: the file pair only when both files are set
     * (Istio's {@code certSourceCount}).
     */
    static List<String> sources(ServerTls tls) {
        List<String> sources = new ArrayList<>();
        if (isSet(tls.credentialName())) {
            sources.add("credentialName");
        }
        if (!tls.credentialNames().isEmpty()) {
            sources.add("credentialNames");
        }
        if (isSet(tls.serverCertificate()) && isSet(tls.privateKey())) {
            sources.add("serverCertificate/privateKey");
        }
        if (!tls.tlsCertificates().isEmpty()) {
            sources.add("tlsCertificates");
        }
        return sources;
    }

    /** The certificate fields set on {@code tls}: JSON field name and Istio's wording. */
    private static List<String[]> fields(ServerTls tls) {
        List<String[]> set = new ArrayList<>();
        if (isSet(tls.serverCertificate())) {
            set.add(new String[] {"serverCertificate", "server certificate"});
        }
        if (isSet(tls.privateKey())) {
            set.add(new String[] {"privateKey", "private key"});
        }
        if (isSet(tls.caCertificates())) {
            set.add(new String[] {"caCertificates", "CA bundle"});
        }
        if (!tls.tlsCertificates().isEmpty()) {
            set.add(new String[] {"tlsCertificates", "tlsCertificates"});
        }
        if (isSet(tls.credentialName())) {
            set.add(new String[] {"credentialName", "credentialName"});
        }
        if (!tls.credentialNames().isEmpty()) {
            set.add(new String[] {"credentialNames", "credentialNames"});
        }
        return set;
    }
}
