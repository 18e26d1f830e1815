package io.gwctl.model.translate;

import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Server;
import java.util.List;

/**
 * One Gateway server as the merge saw it: the Gateway it belongs to, the server as written, the port its listener
 * binds after Service port translation (spec §5.3) and its RDS route name ({@code ""} for TCP/TLS/passthrough, §5.4).
 */
public record BoundServer(Gateway gateway, Server server, int resolvedPort, String routeName) {

    /** {@code namespace/name} of the Gateway: the name VirtualServices bind to (spec §5.2). */
    public String gatewayName() {
        return gateway.fullName();
    }

    /** The server hosts after {@code sanitizeServerHostNamespace} (spec §5.2): {@code ./h} made explicit etc. */
    public List<String> hosts() {
        return Hosts.sanitizeServerHostNamespace(server.hosts(), gateway.metadata().namespace());
    }

    /** The gateway port as written ({@code server.port.number}), used for vhost names and route matching. */
    public int gatewayPort() {
        return server.port() == null ? 0 : server.port().number();
    }
}
