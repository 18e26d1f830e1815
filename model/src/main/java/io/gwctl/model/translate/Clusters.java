package io.gwctl.model.translate;

import io.gwctl.model.Snapshot;
import io.gwctl.model.istio.Destination;
import io.gwctl.model.kube.Service;
import java.util.HashMap;
import java.util.Map;

/**
 * Envoy cluster names for route destinations ({@code GetDestinationCluster}, {@code BuildSubsetKey},
 * {@code BuildDNSSrvSubsetKey}, spec §8), with the Services of the snapshot indexed by FQDN for the single-port rule.
 */
final class Clusters {
    private final Map<String, Service> servicesByFqdn = new HashMap<>();

    Clusters(Snapshot snapshot) {
        for (Service s : snapshot.services()) {
            servicesByFqdn.putIfAbsent(fqdn(s), s);
        }
    }

    /** {@code <name>.<namespace>.svc.cluster.local}. */
    static String fqdn(Service s) {
        return s.metadata().name() + "." + s.metadata().namespace() + ".svc." + Hosts.DEFAULT_DOMAIN;
    }

    /** The Service with this FQDN, or null. */
    Service service(String fqdn) {
        return servicesByFqdn.get(fqdn);
    }

    /**
     * {@code outbound|<port>|<subset>|<host>}: the destination port, else the only port of the destination Service,
     * else the listener's gateway port; {@code UnknownService} for an empty host.
     */
    String cluster(Destination d, int gatewayPort) {
        if (d == null || d.host() == null || d.host().isEmpty()) {
            return "UnknownService";
        }
        int port = gatewayPort;
        if (d.port() != 0) {
            port = d.port();
        } else {
            Service svc = servicesByFqdn.get(d.host());
            if (svc != null && svc.ports().size() == 1) {
                port = svc.ports().get(0).port();
            }
        }
        return subsetKey(port, d.subset(), d.host());
    }

    /** {@code BuildSubsetKey(outbound, subset, host, port)}. */
    static String subsetKey(int port, String subset, String host) {
        return "outbound|" + port + "|" + (subset == null ? "" : subset) + "|" + host;
    }

    /** {@code BuildDNSSrvSubsetKey(outbound, subset, host, port)}: {@code outbound_.<port>_.<subset>_.<host>}. */
    static String dnsSrvSubsetKey(int port, String subset, String host) {
        return "outbound_." + port + "_." + (subset == null ? "" : subset) + "_." + host;
    }
}
