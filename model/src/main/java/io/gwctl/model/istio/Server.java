package io.gwctl.model.istio;

import java.util.List;

/**
 * One {@code spec.servers[]} entry. {@code port} and {@code tls} may be null (absent); {@code bind} and
 * {@code name} may be null. {@code index} is the position in {@code spec.servers}, used for field lines.
 */
public record Server(int index, Port port, String bind, List<String> hosts, ServerTls tls, String name) {
    public Server {
        hosts = List.copyOf(hosts);
    }

    /** The JSON pointer of this server inside its Gateway. */
    public String pointer() {
        return "/spec/servers/" + index;
    }
}
