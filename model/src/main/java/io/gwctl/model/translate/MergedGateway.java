package io.gwctl.model.translate;

import java.util.List;
import java.util.Map;

/**
 * All Gateways selecting one workload merged into one logical gateway (istiod's {@code MergedGateway}, spec §5):
 * listener keys in merge order, the servers of each key, the servers behind each RDS route name, and every server
 * accepted or dropped with its reason.
 *
 * @param serversByRouteName RDS route name to servers, in insertion order (routes of one HTTP port share a name)
 */
public record MergedGateway(List<ServerPort> serverPorts, Map<ServerPort, MergedServers> mergedServers,
                            Map<String, List<BoundServer>> serversByRouteName, List<BoundServer> accepted,
                            List<DroppedServer> dropped) {
    public MergedGateway {
        serverPorts = List.copyOf(serverPorts);
        mergedServers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mergedServers));
        serversByRouteName = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(serversByRouteName));
        accepted = List.copyOf(accepted);
        dropped = List.copyOf(dropped);
    }

    /** True when no Gateway selected the workload, or none of their servers survived. */
    public boolean isEmpty() {
        return serverPorts.isEmpty();
    }
}
