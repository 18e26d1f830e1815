package io.gwctl.validators.rules;

import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Server;
import io.gwctl.model.translate.Hosts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hosts of Gateways as VirtualServices of one namespace see them, indexed for matching and cached per
 * (Gateway, namespace) for one rule run: server hosts sanitised ({@code ./h}, {@code *}{@code /h}, spec §5.2) and
 * filtered by {@code NamesForNamespace} (spec §7.1), as istioctl's GatewayAnalyzer and istiod do. The caches
 * start again past {@link #MAX_CACHED} entries: VirtualServices mostly name the Gateways of their own namespace, so
 * a bounded cache hits as often, and one entry per (Gateway, namespace) was 23 MB at 100,000 Gateways.
 */
final class GatewayHosts {
    static final int MAX_CACHED = 4096;
    private final Map<String, HostIndex> indexes = new HashMap<>();
    private final Map<String, List<String>> visible = new HashMap<>();

    /** The server hosts of {@code g} visible to VirtualServices in {@code namespace}, in server order, distinct. */
    List<String> visibleTo(Gateway g, String namespace) {
        if (visible.size() >= MAX_CACHED) {
            visible.clear();
        }
        return visible.computeIfAbsent(g.fullName() + "\n" + namespace, k -> {
            Set<String> all = new LinkedHashSet<>();
            for (Server s : g.servers()) {
                all.addAll(Hosts.namesForNamespace(sanitized(g, s), namespace));
            }
            return List.copyOf(all);
        });
    }

    /** An index of {@link #visibleTo}. */
    HostIndex indexFor(Gateway g, String namespace) {
        if (indexes.size() >= MAX_CACHED) {
            indexes.clear();
        }
        return indexes.computeIfAbsent(g.fullName() + "\n" + namespace, k -> {
            HostIndex idx = new HostIndex();
            visibleTo(g, namespace).forEach(idx::add);
            return idx;
        });
    }

    /** A server's hosts after {@code sanitizeServerHostNamespace}: {@code ns/h} or a bare {@code h}. */
    static List<String> sanitized(Gateway g, Server s) {
        return Hosts.sanitizeServerHostNamespace(s.hosts(), g.metadata().namespace());
    }

    /**
     * The sanitised server hosts of {@code g} that would match {@code host} but are restricted to a namespace
     * other than {@code namespace}, written as {@code ns/h}: why a host that looks exposed is not (istio#34653).
     */
    static List<String> hiddenMatches(Gateway g, String namespace, String host) {
        List<String> hidden = new ArrayList<>();
        for (Server s : g.servers()) {
            for (String h : sanitized(g, s)) {
                int slash = h.indexOf('/');
                if (slash > 0 && !h.substring(0, slash).equals(namespace)
                        && Hosts.matches(h.substring(slash + 1), host) && !hidden.contains(h)) {
                    hidden.add(h);
                }
            }
        }
        return hidden;
    }
}
