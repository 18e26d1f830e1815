package io.gwctl.model.translate;

import static io.gwctl.model.translate.ServerPredicates.bindOf;
import static io.gwctl.model.translate.ServerPredicates.isHttpServer;
import static io.gwctl.model.translate.ServerPredicates.isPassThroughServer;
import static io.gwctl.model.translate.ServerPredicates.isTlsServer;

import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Protocol;
import io.gwctl.model.istio.Server;
import io.gwctl.model.translate.DroppedServer.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    /** One server through §5.5: the duplicate TLS host check, then steps 2, 3 or 4 by what the port holds. */
    private void add(Gateway g, Server s) {
        if (s.port() == null) {
            dropped.add(new DroppedServer(new BoundServer(g, s, 0, ""), Reason.NO_PORT, null, null));
            return;
        }
        int resolvedPort = resolvePort(s.port().number());
        BoundServer b = new BoundServer(g, s, resolvedPort, rdsRouteName(s, resolvedPort, g));
        if (s.tls() != null && !registerTlsHosts(b)) {
            return;
        }
        ServerPort sp = new ServerPort(resolvedPort, s.port().protocol(), bindOf(s));
        if (gatewayPorts.add(resolvedPort)) {
            addFirstOnPort(b, sp);
        } else if (plainTextServers.containsKey(resolvedPort)) {
            addBesidePlainText(b, sp, plainTextServers.get(resolvedPort));
        } else {
            addBesideTls(b, sp);
        }
    }

    /**
     * Step 1, for servers with a {@code tls} block (httpsRedirect too): a host string already registered on this
     * resolved port with the same bind drops the whole server; otherwise its hosts are registered. False when dropped.
     */
    private boolean registerTlsHosts(BoundServer b) {
        String bind = bindOf(b.server());
        Map<String, BoundServer> known = tlsHostsByPort.computeIfAbsent(b.resolvedPort(), k -> new HashMap<>());
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
            return false;
        }
        for (String h : b.hosts()) {
            known.put(h, b);
        }
        return true;
    }

    /** Step 2 ({@code addPlainTextServer}): the first server on its resolved port. */
    private void addFirstOnPort(BoundServer b, ServerPort sp) {
        if (!isTlsServer(b.server())) {
            plainTextServers.put(sp.number(), sp);
        }
        if (isHttpServer(b.server())) {
            serversByRouteName.put(b.routeName(), new ArrayList<>(List.of(b)));
        }
        MutableServers ms = new MutableServers(b.routeName());
        ms.servers.add(b);
        mergedServers.put(sp, ms);
        serverPorts.add(sp);
        accepted.add(b);
    }

    /** Step 3: a plaintext server ({@code current}) already owns the port. */
    private void addBesidePlainText(BoundServer b, ServerPort sp, ServerPort current) {
        String routeName = b.routeName();
        BoundServer owner = mergedServers.get(current).servers.get(0);
        boolean sameBind = current.bind().equals(sp.bind());
        if (sameBind && !canMergeProtocols(Protocol.parse(sp.protocol()), Protocol.parse(current.protocol()))) {
            dropped.add(new DroppedServer(b, Reason.PROTOCOL_CONFLICT, owner, null));
            return;
        }
        if (sameBind && routeName.isEmpty()) {
            dropped.add(new DroppedServer(b, Reason.NO_RDS_NAME, owner, null));
            return;
        }
        if (sameBind) {
            mergedServers.get(current).servers.add(b);
        } else {
            MutableServers ms = serversOf(sp, routeName);
            ms.routeName = routeName;
            ms.servers.add(b);
        }
        // istiod also files TCP servers of other binds under the route name "", which no listener asks for.
        if (!routeName.isEmpty()) {
            serversByRouteName.computeIfAbsent(routeName, k -> new ArrayList<>()).add(b);
        }
        accepted.add(b);
    }

    /** Step 4: only TLS servers so far on this port. */
    private void addBesideTls(BoundServer b, ServerPort sp) {
        Server s = b.server();
        String routeName = b.routeName();
        if (!isTlsServer(s)) {
            // ≥1.29 (HTTP after HTTPS on another bind): the server becomes the port's plaintext server.
            plainTextServers.put(sp.number(), sp);
            if (isHttpServer(s)) {
                serversByRouteName.put(routeName, new ArrayList<>(List.of(b)));
            }
            serversOf(sp, routeName).servers.add(b);
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
        boolean newBind = nonPlainTextBinds.computeIfAbsent(sp.number(), k -> new HashSet<>()).add(sp.bind());
        if (s.tls() == null && !newBind) {
            dropped.add(new DroppedServer(b, Reason.TLS_SERVER_WITHOUT_TLS, null, null));
            return;
        }
        serversOf(sp, "").servers.add(b);
        accepted.add(b);
    }

    /** The servers of listener key {@code sp}, created (with {@code routeName}) and listed when new. */
    private MutableServers serversOf(ServerPort sp, String routeName) {
        MutableServers ms = mergedServers.get(sp);
        if (ms == null) {
            ms = new MutableServers(routeName);
            mergedServers.put(sp, ms);
            serverPorts.add(sp);
        }
        return ms;
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
    /**
     * {@code http.<port>}, one string per port: every plain-text server of a repository has one of a few (100,000
     * copies of {@code http.8080}, 4 MB, at 100,000 Gateways). Bounded by the port numbers.
     */
    private static final Map<Integer, String> HTTP_ROUTE_NAMES = new ConcurrentHashMap<>();

    private static String httpRouteName(int port) {
        String name = HTTP_ROUTE_NAMES.get(port);
        if (name == null) {
            name = "http." + port;
            String known = HTTP_ROUTE_NAMES.putIfAbsent(port, name);
            name = known == null ? name : known;
        }
        return name;
    }

    static String rdsRouteName(Server s, int resolvedPort, Gateway g) {
        Protocol p = s.port().parsedProtocol();
        String bind = bindOf(s).isEmpty() ? "" : "." + s.bind();
        if (p.isHttp()) {
            return bind.isEmpty() ? httpRouteName(resolvedPort) : "http." + resolvedPort + bind;
        }
        if (p == Protocol.HTTPS && !isPassThroughServer(s)) {
            String portName = s.port().name() == null ? "" : s.port().name();
            return "https." + s.port().number() + "." + portName + "." + g.metadata().name() + "."
                    + g.metadata().namespace() + bind;
        }
        return "";
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
