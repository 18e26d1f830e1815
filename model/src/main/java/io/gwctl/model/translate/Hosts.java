package io.gwctl.model.translate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Istio's host name rules (pkg/config/host and the name resolution of pilot/pkg/model), used by the translator and by
 * validators that must agree with it: wildcard subset and overlap, intersection of server and VirtualService hosts,
 * {@code ns/host} handling and short-name resolution (spec §5.2, §6.1, §7.1, §8).
 */
public final class Hosts {
    /** The Kubernetes cluster domain istiod assumes (spec §4). */
    public static final String DEFAULT_DOMAIN = "cluster.local";
    /** The pseudo gateway name of sidecars; a VirtualService without {@code gateways} binds only to it. */
    public static final String MESH_GATEWAY = "mesh";

    /** {@code host.Names} sort order (MoreSpecific): non-wildcards first, longer first, then bytewise. */
    public static final Comparator<String> MORE_SPECIFIC_FIRST = Hosts::compareMoreSpecific;

    private Hosts() {
    }

    /** True for {@code *} and {@code *.suffix} names. */
    public static boolean isWildcard(String h) {
        return !h.isEmpty() && h.charAt(0) == '*';
    }

    /** {@code Name.SubsetOf}: every name matched by {@code n} is matched by {@code o} (spec §7.1). */
    public static boolean subsetOf(String n, String o) {
        if (isWildcard(o)) {
            if (isWildcard(n)) {
                return n.length() >= o.length() && n.substring(1).endsWith(o.substring(1));
            }
            return n.endsWith(o.substring(1));
        }
        return !isWildcard(n) && n.equals(o);
    }

    /** {@code Name.Matches}: the two names overlap, wildcards on either side (spec §8 pickMatchingGatewayHosts). */
    public static boolean matches(String n, String o) {
        boolean nw = isWildcard(n);
        boolean ow = isWildcard(o);
        if (nw) {
            if (ow) {
                return n.length() < o.length() ? o.substring(1).endsWith(n.substring(1))
                        : n.substring(1).endsWith(o.substring(1));
            }
            return o.endsWith(n.substring(1));
        }
        if (ow) {
            return n.endsWith(o.substring(1));
        }
        return n.equals(o);
    }

    /**
     * {@code Names.Intersection}: for each host of {@code a} in order and each of {@code b}, the more specific of the
     * two when one covers the other, without duplicates (spec §7.1).
     */
    public static List<String> intersection(List<String> a, List<String> b) {
        Set<String> out = new LinkedHashSet<>();
        for (String x : a) {
            for (String y : b) {
                if (subsetOf(x, y)) {
                    out.add(x);
                } else if (subsetOf(y, x)) {
                    out.add(y);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * {@code host.NamesForNamespace}: server hosts as seen from a VirtualService namespace; {@code ns/h} is kept
     * (stripped) only when {@code ns} is that namespace or {@code *}, bare hosts always.
     */
    public static List<String> namesForNamespace(List<String> serverHosts, String namespace) {
        List<String> out = new ArrayList<>(serverHosts.size());
        for (String h : serverHosts) {
            int slash = h.indexOf('/');
            if (slash >= 0) {
                String ns = h.substring(0, slash);
                if (!ns.equals(namespace) && !ns.equals("*")) {
                    continue;
                }
                h = secondPart(h);
            }
            out.add(h);
        }
        return out;
    }

    /**
     * {@code sanitizeServerHostNamespace} (spec §5.2): {@code ./h} becomes {@code <gatewayNamespace>/h}, {@code *}/h
     * becomes {@code h}, {@code *}/{@code *} turns the whole list into {@code ["*"]}; {@code ns/h} is kept.
     */
    public static List<String> sanitizeServerHostNamespace(List<String> hosts, String gatewayNamespace) {
        List<String> out = new ArrayList<>(hosts.size());
        for (String h : hosts) {
            int slash = h.indexOf('/');
            if (slash < 0) {
                out.add(h);
                continue;
            }
            String ns = h.substring(0, slash);
            String name = secondPart(h);
            if (ns.equals(".")) {
                out.add(gatewayNamespace + "/" + name);
            } else if (ns.equals("*")) {
                if (name.equals("*")) {
                    return List.of("*");
                }
                out.add(name);
            } else {
                out.add(h);
            }
        }
        return out;
    }

    /** The host part of {@code ns/host} (Go's {@code strings.Split(h, "/")[1]}), or the host itself. */
    public static String stripNamespace(String h) {
        return h.indexOf('/') < 0 ? h : secondPart(h);
    }

    /** {@code GetSNIHostsForServer}: hosts without {@code ns/}, deduplicated and sorted bytewise (spec §5.5). */
    public static List<String> sniHosts(List<String> sanitizedHosts) {
        List<String> out = new ArrayList<>(new LinkedHashSet<>(sanitizedHosts.stream().map(Hosts::stripNamespace)
                .toList()));
        out.sort(GoStrings.ORDER);
        return out;
    }

    /**
     * {@code ResolveShortnameToFQDN} (spec §6.1): {@code *}, IP literals and names containing a dot are kept;
     * otherwise {@code h.<namespace>.svc.<domain>}.
     */
    public static String resolveShortnameToFqdn(String h, String namespace, String domain) {
        if (h == null || h.isEmpty() || h.equals("*") || h.indexOf('.') >= 0 || isIpLiteral(h)) {
            return h == null ? "" : h;
        }
        String out = h;
        if (namespace != null && !namespace.isEmpty()) {
            out = out + "." + namespace;
        }
        if (domain != null && !domain.isEmpty()) {
            out = out + ".svc." + domain;
        }
        return out;
    }

    /** {@link #resolveShortnameToFqdn(String, String, String)} with the default cluster domain. */
    public static String resolveShortnameToFqdn(String h, String namespace) {
        return resolveShortnameToFqdn(h, namespace, DEFAULT_DOMAIN);
    }

    /**
     * {@code resolveGatewayName} (spec §6.1): {@code name} → {@code vsNamespace/name}; legacy
     * {@code name.ns[.svc.cluster.local]} → {@code ns/name}; {@code ./name} → {@code vsNamespace/name}; {@code ns/name}
     * and {@code mesh} unchanged.
     */
    public static String resolveGatewayName(String gw, String vsNamespace) {
        if (gw.equals(MESH_GATEWAY)) {
            return gw;
        }
        int slash = gw.indexOf('/');
        if (slash < 0) {
            int dot = gw.indexOf('.');
            if (dot < 0) {
                return vsNamespace + "/" + gw;
            }
            String rest = gw.substring(dot + 1);
            int next = rest.indexOf('.');
            String ns = next < 0 ? rest : rest.substring(0, next);
            return ns + "/" + gw.substring(0, dot);
        }
        if (gw.substring(0, slash).equals(".")) {
            return vsNamespace + "/" + gw.substring(slash + 1);
        }
        return gw;
    }

    /** {@code util.DomainName}: {@code net.JoinHostPort(host, port)}; IPv6 literals get brackets. */
    public static String domainName(String host, int port) {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }

    /** Orders host names as {@code sort.Sort(host.Names)}: more specific first (spec §7.4). */
    public static int compareMoreSpecific(String a, String b) {
        boolean aw = isWildcard(a);
        boolean bw = isWildcard(b);
        if (aw != bw) {
            return aw ? 1 : -1;
        }
        if (a.length() != b.length()) {
            return Integer.compare(b.length(), a.length());
        }
        return GoStrings.compare(a, b);
    }

    /** True for IPv4 dotted quads and IPv6 literals (Go's {@code netutil.IsValidIPAddress}). */
    public static boolean isIpLiteral(String h) {
        if (h.indexOf(':') >= 0) {
            for (int i = 0; i < h.length(); i++) {
                char c = h.charAt(i);
                if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                    return false;
                }
            }
            return true;
        }
        // Four dot-separated parts of one to three digits, each at most 255 (a loop: this runs for every host).
        int parts = 0;
        int digits = 0;
        int value = 0;
        for (int i = 0; i <= h.length(); i++) {
            char c = i == h.length() ? '.' : h.charAt(i);
            if (c == '.') {
                if (digits == 0 || value > 255 || ++parts > 4) {
                    return false;
                }
                digits = 0;
                value = 0;
            } else if (Character.isDigit(c) && ++digits <= 3) {
                value = value * 10 + Character.digit(c, 10);
            } else {
                return false;
            }
        }
        return parts == 4;
    }

    private static String secondPart(String h) {
        // Go's strings.Split(h, "/")[1]: the text between the first and the second slash.
        int first = h.indexOf('/');
        int second = h.indexOf('/', first + 1);
        return second < 0 ? h.substring(first + 1) : h.substring(first + 1, second);
    }
}
