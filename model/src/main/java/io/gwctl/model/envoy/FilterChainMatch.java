package io.gwctl.model.envoy;

import java.util.List;

/**
 * The parts of Envoy's filter_chain_match that istioctl prints. {@code destinationPort} is 0 when unset;
 * prefix ranges are kept as {@code addr/len} strings.
 */
public record FilterChainMatch(List<String> serverNames, String transportProtocol,
                               List<String> applicationProtocols, List<String> prefixRanges, int destinationPort) {
    public FilterChainMatch {
        serverNames = List.copyOf(serverNames);
        transportProtocol = transportProtocol == null ? "" : transportProtocol;
        applicationProtocols = List.copyOf(applicationProtocols);
        prefixRanges = List.copyOf(prefixRanges);
    }

    public static FilterChainMatch sni(List<String> serverNames) {
        return new FilterChainMatch(serverNames, "", List.of(), List.of(), 0);
    }
}
