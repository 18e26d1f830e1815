package io.gwctl.model.istio;

import java.util.List;

/**
 * The parts of a DestinationRule {@code trafficPolicy} gwctl reads: its {@code tls} (null when absent) and the
 * {@code portLevelSettings}, each with its port number and {@code tls}.
 */
public record TrafficPolicy(ClientTls tls, List<PortSettings> portLevelSettings) {
    public TrafficPolicy {
        portLevelSettings = List.copyOf(portLevelSettings);
    }

    /** One {@code portLevelSettings[]} entry: {@code port.number} (0 when absent) and its {@code tls} or null. */
    public record PortSettings(int port, ClientTls tls) {
    }
}
