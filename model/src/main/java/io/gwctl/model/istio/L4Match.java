package io.gwctl.model.istio;

import java.util.List;
import java.util.Map;

/** A {@code tcp[].match[]} or {@code tls[].match[]} entry; {@code sniHosts} is empty for tcp. */
public record L4Match(List<String> sniHosts, int port, List<String> gateways, Map<String, String> sourceLabels,
                      String sourceNamespace, List<String> destinationSubnets) {
    public L4Match {
        sniHosts = sniHosts == null ? List.of() : List.copyOf(sniHosts);
        gateways = gateways == null ? List.of() : List.copyOf(gateways);
        sourceLabels = sourceLabels == null ? Map.of() : Map.copyOf(sourceLabels);
        destinationSubnets = destinationSubnets == null ? List.of() : List.copyOf(destinationSubnets);
    }
}
