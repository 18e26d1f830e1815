package io.gwctl.renderers.table;

import io.gwctl.model.envoy.FilterChain;
import io.gwctl.model.envoy.FilterChainMatch;
import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.NetworkFilter;
import io.gwctl.model.envoy.Route;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.envoy.RouteMatch;
import io.gwctl.model.envoy.VirtualHost;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cell texts istioctl derives from listeners and routes ({@code istioctl/pkg/writer/envoy/configdump/listener.go}
 * and {@code route.go}), shared by the listener and route tables (spec §3.2, §3.3).
 */
public final class EnvoyDescriptions {

    private static final List<String> PLAINTEXT_HTTP_ALPNS = List.of("http/1.0", "http/1.1", "h2c");
    private static final List<String> ISTIO_HTTP_PLAINTEXT = List.of("istio", "istio-http/1.0", "istio-http/1.1",
            "istio-h2");
    private static final List<String> HTTP_TLS = List.of("http/1.0", "http/1.1", "h2c", "istio-http/1.0",
            "istio-http/1.1", "istio-h2");
    private static final List<String> TCP_TLS = List.of("istio-peer-exchange", "istio");

    private static final String ISTIO_CONFIG_PREFIX = "/apis/networking.istio.io/";

    private EnvoyDescriptions() {
    }

    /** {@code retrieveListenerAddress}: the socket address or pipe path, "" when none. */
    public static String address(Listener l) {
        return l.address() == null ? "" : l.address();
    }

    /** {@code getFilterChains}: the filter chains followed by the default filter chain if set. */
    public static List<FilterChain> filterChains(Listener l) {
        if (l.defaultFilterChain() == null) {
            return l.filterChains();
        }
        List<FilterChain> all = new ArrayList<>(l.filterChains());
        all.add(l.defaultFilterChain());
        return all;
    }

    /**
     * {@code retrieveListenerType}: {@code HTTP}, {@code HTTP+TCP}, {@code TCP} or {@code UNKNOWN} from the count of
     * HTTP connection managers and non-blackhole TCP proxies over all chains.
     */
    public static String listenerType(Listener l) {
        int nHttp = 0;
        int nTcp = 0;
        for (FilterChain chain : filterChains(l)) {
            for (NetworkFilter f : chain.filters()) {
                if (f instanceof NetworkFilter.HttpConnectionManager) {
                    nHttp++;
                } else if (f instanceof NetworkFilter.TcpProxy tcp && !tcp.blackhole()) {
                    nTcp++;
                }
            }
        }
        if (nHttp > 0) {
            return nTcp == 0 ? "HTTP" : "HTTP+TCP";
        }
        return nTcp > 0 ? "TCP" : "UNKNOWN";
    }

    /** {@code getMatches}: the MATCH cell of a filter chain ({@code ALL} for a missing or empty match). */
    public static String matches(FilterChainMatch m) {
        if (m == null) {
            return "ALL";
        }
        List<String> parts = new ArrayList<>();
        if (!m.serverNames().isEmpty()) {
            parts.add("SNI: " + String.join(",", m.serverNames()));
        }
        if (!m.transportProtocol().isEmpty()) {
            parts.add("Trans: " + m.transportProtocol());
        }
        if (!m.applicationProtocols().isEmpty()) {
            parts.add("App: " + describeAlpn(m.applicationProtocols()));
        }
        String port = m.destinationPort() != 0 ? ":" + m.destinationPort() : "";
        if (!m.prefixRanges().isEmpty()) {
            parts.add("Addr: " + String.join(",", m.prefixRanges()) + port);
        } else if (m.destinationPort() != 0) {
            parts.add("Addr: *" + port);
        }
        return parts.isEmpty() ? "ALL" : String.join("; ", parts);
    }

    private static String describeAlpn(List<String> alpn) {
        if (alpn.equals(HTTP_TLS)) {
            return "HTTP TLS";
        }
        if (alpn.equals(ISTIO_HTTP_PLAINTEXT)) {
            return "Istio HTTP Plain";
        }
        if (alpn.equals(TCP_TLS)) {
            return "TCP TLS";
        }
        if (alpn.equals(PLAINTEXT_HTTP_ALPNS)) {
            return "HTTP";
        }
        return String.join(",", alpn);
    }

    /** {@code getFilterType}: the DESTINATION cell of a filter chain; the first decisive filter wins. */
    public static String destination(List<NetworkFilter> filters) {
        for (NetworkFilter f : filters) {
            if (f instanceof NetworkFilter.HttpConnectionManager hcm) {
                if (hcm.inlineRouteConfig() != null) {
                    return describeRouteConfig(hcm.inlineRouteConfig());
                }
                if (hcm.rdsRouteConfigName() != null && !hcm.rdsRouteConfigName().isEmpty()) {
                    return "Route: " + hcm.rdsRouteConfigName();
                }
                return "HTTP";
            }
            if (f instanceof NetworkFilter.TcpProxy tcp && !tcp.blackhole()) {
                return describeCluster(tcp.cluster());
            }
        }
        return "Non-HTTP/Non-TCP";
    }

    private static String describeCluster(String cluster) {
        String c = cluster == null ? "" : cluster;
        return c.contains("Cluster") ? c : "Cluster: " + c;
    }

    /** {@code describeRouteConfig}: an inline route config as a cluster or {@code Inline Route: ...}. */
    public static String describeRouteConfig(RouteConfiguration rc) {
        String cluster = matchAllCluster(rc);
        if (cluster != null) {
            return cluster;
        }
        List<String> vhosts = new ArrayList<>();
        for (VirtualHost vh : rc.virtualHosts()) {
            List<String> routes = new ArrayList<>();
            for (Route r : vh.routes()) {
                routes.add(routeMatch(r.match()));
            }
            String described = String.join(", ", routes);
            String domains = vh.domains().equals(List.of("*")) ? "" : String.join("/", vh.domains());
            vhosts.add(domains.isEmpty() ? described : domains + " " + described);
        }
        return "Inline Route: " + String.join("; ", vhosts);
    }

    /** {@code getMatchAllCluster}: one vhost {@code ["*"]}, one route prefix {@code /} to a cluster; else null. */
    private static String matchAllCluster(RouteConfiguration rc) {
        if (rc.virtualHosts().size() != 1) {
            return null;
        }
        VirtualHost vh = rc.virtualHosts().get(0);
        if (!vh.domains().equals(List.of("*")) || vh.routes().size() != 1) {
            return null;
        }
        Route r = vh.routes().get(0);
        if (r.match() == null || !"/".equals(r.match().prefix()) || r.action() != Route.Action.CLUSTER) {
            return null;
        }
        return describeCluster(r.cluster());
    }

    /** {@code describeMatch}: prefix {@code p*}, {@code PathPrefix:p}, path, {@code regex r}; headers ignored. */
    public static String routeMatch(RouteMatch m) {
        if (m == null) {
            return "";
        }
        List<String> conds = new ArrayList<>(1);
        if (nonEmpty(m.prefix())) {
            conds.add(m.prefix() + "*");
        }
        if (nonEmpty(m.pathSeparatedPrefix())) {
            conds.add("PathPrefix:" + m.pathSeparatedPrefix());
        }
        if (nonEmpty(m.path())) {
            conds.add(m.path());
        }
        if (m.safeRegex() != null) {
            conds.add("regex " + m.safeRegex());
        }
        return String.join(" ", conds);
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    /** {@code describeRouteDomains}: one domain verbatim; several without ports, unexpanded, {@code + N more...}. */
    public static String routeDomains(List<String> domains) {
        if (domains.isEmpty()) {
            return "";
        }
        if (domains.size() == 1) {
            return domains.get(0);
        }
        List<String> withoutPort = new ArrayList<>();
        for (String d : domains) {
            if (!d.contains(":") || (d.chars().filter(c -> c == ':').count() > 2 && d.endsWith("]"))) {
                withoutPort.add(d);
            }
        }
        withoutPort = unexpandDomains(withoutPort);
        if (withoutPort.size() > 2) {
            return withoutPort.get(0) + ", " + withoutPort.get(1) + " + " + (withoutPort.size() - 2) + " more...";
        }
        return String.join(", ", withoutPort);
    }

    /** {@code unexpandDomains}: drops {@code X.svc.cluster.local} and {@code X.svc} when {@code X} is present. */
    static List<String> unexpandDomains(List<String> domains) {
        Set<String> unique = new HashSet<>(domains);
        List<String> kept = new ArrayList<>(domains.size());
        for (String h : domains) {
            if (!(expandedFormOf(h, ".svc.cluster.local", unique) || expandedFormOf(h, ".svc", unique))) {
                kept.add(h);
            }
        }
        return kept;
    }

    private static boolean expandedFormOf(String host, String suffix, Set<String> unique) {
        return host.endsWith(suffix) && unique.contains(host.substring(0, host.length() - suffix.length()));
    }

    /**
     * {@code describeManagement}/{@code renderConfig}: {@code <name>.<namespace>} for an Istio config path of exactly
     * 8 segments, "" for other Istio paths or no metadata, {@code <unknown>} for anything not under
     * {@code /apis/networking.istio.io/}.
     */
    public static String management(String istioConfig) {
        if (istioConfig == null) {
            return "";
        }
        if (istioConfig.startsWith(ISTIO_CONFIG_PREFIX)) {
            String[] pieces = istioConfig.split("/", -1);
            return pieces.length == 8 ? pieces[7] + "." + pieces[5] : "";
        }
        return "<unknown>";
    }
}
