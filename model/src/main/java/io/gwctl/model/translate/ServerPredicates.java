package io.gwctl.model.translate;

import io.gwctl.model.istio.Protocol;
import io.gwctl.model.istio.Server;
import io.gwctl.model.istio.ServerTls;
import io.gwctl.model.istio.TlsMode;

/**
 * istiod's server classification (spec §5.4: {@code IsTLSServer}, {@code IsHTTPServer}, {@code IsPassThroughServer},
 * {@code IsHTTPSServerWithTLSTermination}), in one place for the translator and the rules. A server without a port
 * is none of these.
 */
public final class ServerPredicates {
    private ServerPredicates() {
    }

    /** The server's bind address, {@code ""} when unset. */
    public static String bindOf(Server s) {
        return s.bind() == null ? "" : s.bind();
    }

    /** The TLS mode, PASSTHROUGH when {@code tls.mode} is unset (the API default). */
    public static TlsMode modeOf(ServerTls tls) {
        return tls.mode() == null ? TlsMode.PASSTHROUGH : tls.mode();
    }

    /** {@code IsPassThroughServer}: tls set with mode PASSTHROUGH (the default) or AUTO_PASSTHROUGH. */
    public static boolean isPassThroughServer(Server s) {
        return s.tls() != null && modeOf(s.tls()).isPassthrough();
    }

    /** {@code IsTLSServer}: tls set and the protocol is not HTTP-family; such servers are chosen by SNI. */
    public static boolean isTlsServer(Server s) {
        return s.tls() != null && s.port() != null && !s.port().parsedProtocol().isHttp();
    }

    /** {@code IsHTTPServer}: HTTP-family, or HTTPS that is not passthrough. */
    public static boolean isHttpServer(Server s) {
        if (s.port() == null) {
            return false;
        }
        Protocol p = s.port().parsedProtocol();
        return p.isHttp() || (p == Protocol.HTTPS && !isPassThroughServer(s));
    }

    /** {@code IsHTTPSServerWithTLSTermination}: tls set, HTTPS, not passthrough. */
    public static boolean isHttpsWithTlsTermination(Server s) {
        return s.tls() != null && s.port() != null && s.port().parsedProtocol() == Protocol.HTTPS
                && !isPassThroughServer(s);
    }
}
