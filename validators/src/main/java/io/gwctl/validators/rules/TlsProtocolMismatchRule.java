package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Protocol;
import io.gwctl.model.istio.Server;
import io.gwctl.model.istio.ServerTls;
import io.gwctl.validators.Reporter;
import java.util.List;
import java.util.Set;

/**
 * GW0502: a server's {@code tls} block must fit its protocol (Istio's {@code validateServer}, lint catalogue
 * §2.2): HTTPS and TLS servers need one; plain HTTP servers may only carry {@code httpsRedirect}; other protocols
 * none. {@code httpsRedirect} on a non-HTTP server is a warning. gwctl also counts {@code credentialName(s)} on a
 * plain HTTP server as TLS settings (Istio's check only looks at the inline files), since no TLS is ever served
 * there.
 */
public final class TlsProtocolMismatchRule extends ServerRule {
    private static final RuleInfo INFO = new RuleInfo("GW0502", "tls-protocol-mismatch", Severity.ERROR,
            "A server's TLS settings do not fit its protocol.", List.of(), Set.of(Kind.GATEWAY))
            .withAliases(Severity.ERROR, "IST0106").withAliases(Severity.WARNING, "IST0133");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    void check(Gateway g, Server s, Reporter out) {
        if (s.port() == null || s.port().parsedProtocol() == Protocol.UNSUPPORTED) {
            return; // GW0504/GW0505
        }
        Protocol p = s.port().parsedProtocol();
        ServerTls tls = s.tls();
        boolean tlsProtocol = p == Protocol.HTTPS || p == Protocol.TLS;
        if (tlsProtocol && tls == null) {
            out.report(g, s.pointer() + "/port/protocol",
                    "server must have TLS settings for HTTPS/TLS protocols (server " + s.index() + ", "
                            + describePort(s) + ")",
                    "add tls with mode SIMPLE and a credentialName to terminate TLS, or mode PASSTHROUGH to route "
                            + "by SNI; istiod serves nothing on this server");
        } else if (!tlsProtocol && tls != null) {
            if (!p.isHttp()) {
                out.report(g, s.pointer() + "/tls",
                        "server cannot have TLS settings for non HTTPS/TLS ports (server " + s.index() + ", "
                                + describePort(s) + ")",
                        "remove the tls block, or change the protocol to TLS (or HTTPS) to serve TLS on this port");
            } else if (carriesTls(tls)) {
                out.report(g, s.pointer() + "/tls",
                        "server cannot have TLS settings for plain text HTTP ports (server " + s.index() + ", "
                                + describePort(s) + "; only tls.httpsRedirect is allowed)",
                        "to serve HTTPS use protocol HTTPS on its own port (usually 443); on this port keep only "
                                + "tls.httpsRedirect: true");
            }
        }
        if (tls != null && tls.httpsRedirect() && !p.isHttp()) {
            out.report(g, s.pointer() + "/tls/httpsRedirect", Severity.WARNING,
                    "tls.httpsRedirect should only be used with http servers (server " + s.index() + ", "
                            + describePort(s) + ")",
                    "move httpsRedirect: true to the plain HTTP server (port 80) of this host");
        }
    }

    /** Istio's condition for "TLS settings" on an HTTP port, plus credential names (see the class comment). */
    private static boolean carriesTls(ServerTls tls) {
        return !tls.mode().isPassthrough() || isSet(tls.caCertificates()) || isSet(tls.privateKey())
                || isSet(tls.serverCertificate()) || !tls.allCredentialNames().isEmpty();
    }
}
