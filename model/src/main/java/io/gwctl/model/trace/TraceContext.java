package io.gwctl.model.trace;

import io.gwctl.model.envoy.RuleSource;
import java.util.List;
import java.util.Map;

/**
 * What the tracer knows beyond Envoy's configuration: the Service port to listener port mapping of the gateway (a
 * client connects to the Service's port 80, Envoy listens on 8080), where that mapping comes from, and the Gateway
 * servers behind route configurations and filter chains. {@link #NONE} for a bare config dump.
 */
public interface TraceContext {
    /** Nothing known: listeners are looked up by the request's port as it is. */
    TraceContext NONE = new TraceContext() {
    };

    /** Service (client) port to listener port; empty when unknown. */
    default Map<Integer, Integer> portMap() {
        return Map.of();
    }

    /** Where {@link #portMap} comes from, for the trace's note ({@code Service istio-system/istio-ingressgateway}). */
    default String portMapSource() {
        return "";
    }

    /**
     * The Gateway servers behind an RDS route configuration whose hosts cover {@code host} (the Host header without
     * its port): the ones that can have given the request its virtual host.
     */
    default List<RuleSource> serversForRoute(String routeName, String host) {
        return List.of();
    }

    /** The Gateway servers behind a TCP, TLS or passthrough filter chain on a listener port with these SNI names. */
    default List<RuleSource> serversForChain(int listenerPort, List<String> serverNames) {
        return List.of();
    }
}
