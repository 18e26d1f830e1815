package io.gwctl.model.translate;

import java.util.List;

/**
 * The servers merged onto one {@link ServerPort} in merge order, and the RDS route name of the port's HTTP chain
 * (istiod's {@code MergedServers}, spec §5.5).
 */
public record MergedServers(List<BoundServer> servers, String routeName) {
    public MergedServers {
        servers = List.copyOf(servers);
        routeName = routeName == null ? "" : routeName;
    }
}
