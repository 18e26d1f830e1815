package io.gwctl.model.trace;

import io.gwctl.model.envoy.RuleSource;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.translate.BoundServer;
import io.gwctl.model.translate.GatewayView;
import io.gwctl.model.translate.Hosts;
import io.gwctl.model.translate.ServiceTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link TraceContext} of a translated gateway: its Services' port to target port mapping (spec §5.3) and the
 * Gateway servers (with {@code file:line}) behind each route configuration and each TCP/TLS filter chain.
 */
public final class GatewayTraceContext implements TraceContext {
    private final GatewayView view;
    private final Map<Integer, Integer> portMap = new LinkedHashMap<>();
    private final String portMapSource;

    private GatewayTraceContext(GatewayView view) {
        this.view = view;
        List<String> services = new ArrayList<>();
        for (ServiceTarget t : view.proxy().serviceTargets()) {
            if (t.targetPort() > 0) {
                portMap.putIfAbsent(t.port().port(), t.targetPort());
                String name = "Service " + t.service().metadata().namespace() + "/" + t.service().metadata().name();
                if (!services.contains(name)) {
                    services.add(name);
                }
            }
        }
        portMapSource = String.join(", ", services);
    }

    /** The context of {@code view}. */
    public static TraceContext of(GatewayView view) {
        return new GatewayTraceContext(view);
    }

    @Override
    public Map<Integer, Integer> portMap() {
        return portMap;
    }

    @Override
    public String portMapSource() {
        return portMapSource;
    }

    @Override
    public List<RuleSource> serversForRoute(String routeName, String host) {
        List<RuleSource> out = new ArrayList<>();
        for (BoundServer b : view.merged().serversByRouteName().getOrDefault(routeName, List.of())) {
            List<String> hosts = b.hosts().stream().map(Hosts::stripNamespace).toList();
            if (hosts.contains("*") || covers(hosts, host)) {
                out.add(source(b));
            }
        }
        return out;
    }

    @Override
    public List<RuleSource> serversForChain(int listenerPort, List<String> serverNames) {
        List<RuleSource> out = new ArrayList<>();
        for (BoundServer b : view.merged().accepted()) {
            if (b.resolvedPort() != listenerPort || !b.routeName().isEmpty()) {
                continue;
            }
            List<String> sni = Hosts.sniHosts(b.hosts());
            if (serverNames.isEmpty() || sni.contains("*") || serverNames.stream().anyMatch(n -> covers(sni, n))) {
                out.add(source(b));
            }
        }
        return out;
    }

    /**
     * True when a server host (possibly {@code *.x}) covers the name (an SNI name, possibly {@code *.x} itself, or a
     * request host), case-insensitively.
     */
    private static boolean covers(List<String> hosts, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String host : hosts) {
            String h = host.toLowerCase(Locale.ROOT);
            if (h.equals(n) || h.startsWith("*") && n.endsWith(h.substring(1))) {
                return true;
            }
        }
        return false;
    }

    private static RuleSource source(BoundServer b) {
        Gateway g = b.gateway();
        String part = "servers[" + b.server().index() + "]"
                + (b.server().name() == null || b.server().name().isEmpty() ? "" : " (" + b.server().name() + ")");
        int line = g.origin().hasLine() ? g.line(b.server().pointer()) : 0;
        return new RuleSource("Gateway " + g.metadata().namespace() + "/" + g.metadata().name(), part,
                g.origin().file(), line);
    }
}
