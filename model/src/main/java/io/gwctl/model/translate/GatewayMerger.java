package io.gwctl.model.translate;

import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Protocol;
import io.gwctl.model.istio.Server;
import io.gwctl.model.istio.ServerTls;
import io.gwctl.model.istio.TlsMode;
import io.gwctl.model.translate.DroppedServer.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * istiod's {@code mergeGateways} (spec §5.2–§5.5): walks the selected Gateways' servers in order, resolves ports,
 * names route configurations and merges servers per listener key, first one winning every conflict.
 */
final class GatewayMerger {
    /** Service label that opts a Service out of Gateway port translation (spec §5.3). */
    static final String DISABLE_PORT_TRANSLATION = "experimental.istio.io/disable-gateway-port-translation";

    private final GatewayProxy proxy;
    private final Set<Integer> gatewayPorts = new HashSet<>();
    private final Map<Integer, Set<String>> nonPlainTextBinds = new HashMap<>();
    private final Map<ServerPort, MutableServers> mergedServers = new LinkedHashMap<>();
    private final List<ServerPort> serverPorts = new ArrayList<>();
    private final Map<Integer, ServerPort> plainTextServers = new HashMap<>();
    private final Map<String, List<BoundServer>> serversByRouteName = new LinkedHashMap<>();
    /** resolved port → host → (bind, server that registered it): {@code tlsHostsByPort} (spec §5.5 step 1). */
    private final Map<Integer, Map<String, BoundServer>> tlsHostsByPort = new HashMap<>();
    private final List<BoundServer> accepted = new ArrayList<>();
    private final List<DroppedServer> dropped = new ArrayList<>();

    private GatewayMerger(GatewayProxy proxy) {
        this.proxy = proxy;
    }

    /** Merges the Gateways selecting {@code proxy}, already in §5.1 order. */
    static MergedGateway merge(List<Gateway> gateways, GatewayProxy proxy) {
        GatewayMerger m = new GatewayMerger(proxy);
        for (Gateway g : gateways) {
            for (Server s : g.servers()) {
                m.add(g, s);
            }
        }
        Map<ServerPort, MergedServers> merged = new LinkedHashMap<>();
        m.mergedServers.forEach((k, v) -> merged.put(k, new MergedServers(v.servers, v.routeName)));
        Map<String, List<BoundServer>> byRoute = new LinkedHashMap<>();
        m.serversByRouteName.forEach((k, v) -> byRoute.put(k, List.copyOf(v)));
        return new MergedGateway(m.serverPorts, merged, byRoute, m.accepted, m.dropped);
    }

    private void add(Gateway g, Server s) {
        if (s.port() == null) {
            dropped.add(new DroppedServer(new BoundServer(g, s, 0, ""), Reason.NO_PORT, null, null));
            return;
        }
        int resolvedPort = resolvePort(s.port().number());
        BoundServer b = new BoundServer(g, s, resolvedPort, rdsRouteName(s, resolvedPort, g));
        String routeName = b.routeName();
        String bind = bindOf(s);
        if (s.tls() != null) {
            Map<String, BoundServer> known = tlsHostsByPort.computeIfAbsent(resolvedPort, k -> new HashMap<>());
            List<String> duplicates = new ArrayList<>();
            BoundServer first = null;
            for (String h : b.hosts()) {
                BoundServer owner = known.get(h);
                if (owner != null && bindOf(owner.server()).equals(bind)) {
                    duplicates.add(h);
                    first = first == null ? owner : first;
                }
            }
            if (!duplicates.isEmpty()) {
                dropped.add(new DroppedServer(b, Reason.DUPLICATE_TLS_HOST, first, duplicates));
                return;
            }
            for (String h : b.hosts()) {
                known.put(h, b);
            }
        }
        ServerPort sp = new ServerPort(resolvedPort, s.port().protocol(), bind);
        Protocol protocol = Protocol.parse(sp.protocol());
        if (!gatewayPorts.contains(resolvedPort)) {
            // The first server on this port (spec §5.5 step 2).
            gatewayPorts.add(resolvedPort);
            if (!isTlsServer(s)) {
                plainTextServers.put(resolvedPort, sp);
            }
            if (isHttpServer(s)) {
                serversByRouteName.put(routeName, new ArrayList<>(List.of(b)));
            }
            MutableServers ms = new MutableServers(routeName);
            ms.servers.add(b);
            mergedServers.put(sp, ms);
            serverPorts.add(sp);
            accepted.add(b);
            return;
        }
        ServerPort current = plainTextServers.get(resolvedPort);
        if (current != null) {
            // Step 3: a plaintext server owns the port.
            BoundServer owner = mergedServers.get(current).servers.get(0);
            boolean sameBind = current.bind().equals(sp.bind());
            if (!canMergeProtocols(protocol, Protocol.parse(current.protocol())) && sameBind) {
                dropped.add(new DroppedServer(b, Reason.PROTOCOL_CONFLICT, owner, null));
                return;
            }
            if (routeName.isEmpty() && sameBind) {
                dropped.add(new DroppedServer(b, Reason.NO_RDS_NAME, owner, null));
                return;
            }
            if (!sameBind) {
                MutableServers ms = mergedServers.get(sp);
                if (ms == null) {
                    ms = new MutableServers(routeName);
                    mergedServers.put(sp, ms);
                    serverPorts.add(sp);
                }
                ms.routeName = routeName;
                ms.servers.add(b);
            } else {
                mergedServers.get(current).servers.add(b);
            }
            // istiod also files TCP servers of other binds under the route name "", which no listener asks for.
            if (!routeName.isEmpty()) {
                serversByRouteName.computeIfAbsent(routeName, k -> new ArrayList<>()).add(b);
            }
            accepted.add(b);
            return;
        }
        // Step 4: only TLS servers so far on this port.
        if (!isTlsServer(s)) {
            // ≥1.29 (HTTP after HTTPS on another bind): the server becomes the port's plaintext server.
            plainTextServers.put(resolvedPort, sp);
            if (isHttpServer(s)) {
                serversByRouteName.put(routeName, new ArrayList<>(List.of(b)));
            }
            MutableServers ms = mergedServers.get(sp);
            if (ms == null) {
                ms = new MutableServers(routeName);
                mergedServers.put(sp, ms);
                serverPorts.add(sp);
            }
            ms.servers.add(b);
            accepted.add(b);
            return;
        }
        if (isHttpServer(s)) {
            if (routeName.isEmpty()) {
                dropped.add(new DroppedServer(b, Reason.NO_RDS_NAME, null, null));
                return;
            }
            List<BoundServer> existing = serversByRouteName.get(routeName);
            if (existing != null) {
                dropped.add(new DroppedServer(b, Reason.NON_UNIQUE_HTTPS_ROUTE_NAME,
                        existing.isEmpty() ? null : existing.get(0), null));
                return;
            }
            serversByRouteName.put(routeName, new ArrayList<>(List.of(b)));
        }
        boolean newBind = nonPlainTextBinds.computeIfAbsent(resolvedPort, k -> new HashSet<>()).add(sp.bind());
        if (s.tls() == null && !newBind) {
            dropped.add(new DroppedServer(b, Reason.TLS_SERVER_WITHOUT_TLS, null, null));
            return;
        }
        MutableServers ms = mergedServers.get(sp);
        if (ms == null) {
            ms = new MutableServers("");
            mergedServers.put(sp, ms);
            serverPorts.add(sp);
        }
        ms.servers.add(b);
        accepted.add(b);
    }

    /**
     * {@code resolvePorts} for legacy label selection (spec §5.3): the target port of the first Service port with this
     * number (Services labelled {@value #DISABLE_PORT_TRANSLATION} skipped), else the number itself.
     */
    private int resolvePort(int number) {
        for (ServiceTarget t : proxy.serviceTargets()) {
            if (t.service().metadata().labels().containsKey(DISABLE_PORT_TRANSLATION)) {
                continue;
            }
            if (t.port().port() == number) {
                return t.targetPort();
            }
        }
        return number;
    }

    /** {@code gatewayRDSRouteName} (spec §5.4): {@code http.<resolved>[.bind]} or {@code https.<port>.<name>.<gw>.<ns>}. */
    static String rdsRouteName(Server s, int resolvedPort, Gateway g) {
        Protocol p = s.port().parsedProtocol();
        String bind = bindOf(s).isEmpty() ? "" : "." + s.bind();
        if (p.isHttp()) {
            return "http." + resolvedPort + bind;
        }
        if (p == Protocol.HTTPS && !isPassThroughServer(s)) {
            String portName = s.port().name() == null ? "" : s.port().name();
            return "https." + s.port().number() + "." + portName + "." + g.metadata().name() + "."
                    + g.metadata().namespace() + bind;
        }
        return "";
    }

    static String bindOf(Server s) {
        return s.bind() == null ? "" : s.bind();
    }

    static TlsMode modeOf(ServerTls tls) {
        return tls.mode() == null ? TlsMode.PASSTHROUGH : tls.mode();
    }

    /** {@code IsPassThroughServer}: tls set with mode PASSTHROUGH (the default) or AUTO_PASSTHROUGH. */
    static boolean isPassThroughServer(Server s) {
        return s.tls() != null && modeOf(s.tls()).isPassthrough();
    }

    /** {@code IsTLSServer}: tls set and the protocol is not HTTP-family. */
    static boolean isTlsServer(Server s) {
        return s.tls() != null && !s.port().parsedProtocol().isHttp();
    }

    /** {@code IsHTTPServer}: HTTP-family, or HTTPS that is not passthrough. */
    static boolean isHttpServer(Server s) {
        Protocol p = s.port().parsedProtocol();
        return p.isHttp() || (p == Protocol.HTTPS && !isPassThroughServer(s));
    }

    /** {@code IsHTTPSServerWithTLSTermination}: tls set, HTTPS, not passthrough. */
    static boolean isHttpsWithTlsTermination(Server s) {
        return s.tls() != null && s.port().parsedProtocol() == Protocol.HTTPS && !isPassThroughServer(s);
    }

    /** {@code canMergeProtocols(new, existing)} = (new is HTTP or equal) and existing is HTTP. */
    private static boolean canMergeProtocols(Protocol added, Protocol existing) {
        return (added.isHttp() || added == existing) && existing.isHttp();
    }

    /** The servers of one listener key while merging. */
    private static final class MutableServers {
        final List<BoundServer> servers = new ArrayList<>();
        String routeName;

        MutableServers(String routeName) {
            this.routeName = routeName;
        }
    }
}
