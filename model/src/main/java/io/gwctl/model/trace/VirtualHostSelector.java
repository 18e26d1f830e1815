package io.gwctl.model.trace;

import io.gwctl.model.envoy.VirtualHost;
import java.util.List;
import java.util.Locale;

/**
 * Envoy's virtual host selection ({@code RouteMatcher::findVirtualHost}): the Host header lower-cased, its port
 * removed when the route configuration sets {@code ignore_port_in_host_matching} (every istiod ≥1.18 gateway route
 * configuration, spec §7.3; older ones list {@code host:port} domains instead), then the first of: an exact domain;
 * the longest suffix wildcard ({@code *.example.com}, {@code *-bar.example.com}); the longest prefix wildcard
 * ({@code www.*}); {@code *}. A wildcard stands for at least one character. Equal domains: the first virtual host.
 */
public final class VirtualHostSelector {
    private VirtualHostSelector() {
    }

    /** The chosen virtual host and the domain that matched, or null for none. */
    public record Selection(VirtualHost virtualHost, String domain) {
    }

    /** The virtual host Envoy picks for {@code hostHeader}; null when none matches. */
    public static Selection select(List<VirtualHost> vhosts, String hostHeader, boolean ignorePort) {
        String host = hostHeader.toLowerCase(Locale.ROOT);
        if (ignorePort) {
            host = stripPort(host);
        }
        Selection exact = null;
        Selection suffix = null;
        Selection prefix = null;
        Selection any = null;
        for (VirtualHost vh : vhosts) {
            for (String d : vh.domains()) {
                String domain = d.toLowerCase(Locale.ROOT);
                if (domain.equals("*")) {
                    if (any == null) {
                        any = new Selection(vh, d);
                    }
                } else if (domain.startsWith("*")) {
                    String s = domain.substring(1);
                    if (host.length() > s.length() && host.endsWith(s)
                            && (suffix == null || s.length() > suffix.domain().length() - 1)) {
                        suffix = new Selection(vh, d);
                    }
                } else if (domain.endsWith("*")) {
                    String p = domain.substring(0, domain.length() - 1);
                    if (host.length() > p.length() && host.startsWith(p)
                            && (prefix == null || p.length() > prefix.domain().length() - 1)) {
                        prefix = new Selection(vh, d);
                    }
                } else if (domain.equals(host) && exact == null) {
                    exact = new Selection(vh, d);
                }
            }
        }
        if (exact != null) {
            return exact;
        }
        if (suffix != null) {
            return suffix;
        }
        return prefix != null ? prefix : any;
    }

    /** {@code host:port} without {@code :port} ({@code [v6]:port} keeps its brackets); other values as they are. */
    public static String stripPort(String host) {
        int colon = host.lastIndexOf(':');
        if (colon < 0 || (host.startsWith("[") && colon < host.lastIndexOf(']'))) {
            return host;
        }
        if (!host.startsWith("[") && host.indexOf(':') != colon) {
            return host; // a bare IPv6 address
        }
        String port = host.substring(colon + 1);
        if (port.isEmpty() || !port.chars().allMatch(Character::isDigit)) {
            return host;
        }
        return host.substring(0, colon);
    }
}
