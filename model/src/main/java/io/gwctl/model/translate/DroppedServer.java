package io.gwctl.model.translate;

import java.util.List;

/**
 * A Gateway server that istiod's merge skips (spec §5.5), with why and, where there is one, the already accepted
 * server it lost against (first wins).
 *
 * @param conflictsWith  the accepted server this one conflicts with; null when the reason involves no other server
 * @param duplicateHosts the host strings already registered on the port (only for {@link Reason#DUPLICATE_TLS_HOST})
 */
public record DroppedServer(BoundServer server, Reason reason, BoundServer conflictsWith,
                            List<String> duplicateHosts) {
    public DroppedServer {
        duplicateHosts = duplicateHosts == null ? List.of() : List.copyOf(duplicateHosts);
    }

    /** Why a server was skipped; the names follow istiod's log messages. */
    public enum Reason {
        /** A server with {@code tls} repeats a host already registered on the same resolved port and bind. */
        DUPLICATE_TLS_HOST,
        /** A plaintext server already owns the port and the protocols cannot be merged (first wins). */
        PROTOCOL_CONFLICT,
        /** The port already has a server and this one has no RDS route name (TCP/TLS on a plaintext port). */
        NO_RDS_NAME,
        /** An HTTPS server whose route name is already taken (same gateway, port and port name). */
        NON_UNIQUE_HTTPS_ROUTE_NAME,
        /** A non-TLS server on a TLS-only port; kept for older istiod releases, the §5.5 rules never produce it. */
        TLS_SERVER_WITHOUT_TLS,
        /** The server has no {@code port}. */
        NO_PORT
    }
}
