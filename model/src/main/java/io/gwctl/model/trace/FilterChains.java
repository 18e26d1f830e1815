package io.gwctl.model.trace;

import io.gwctl.model.envoy.FilterChain;
import io.gwctl.model.envoy.FilterChainMatch;
import io.gwctl.model.envoy.Listener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Envoy's filter chain selection for one connection, the criteria a gateway uses in Envoy's order: destination
 * port, server name (exact, then the longest {@code *.suffix}, then chains without server names), transport
 * protocol ({@code tls} or {@code raw_buffer}), application protocols (a TLS client offering {@code h2,http/1.1},
 * a plaintext one none). At each criterion the most specific group wins and Envoy never backtracks: a connection
 * whose best group fails a later criterion gets no chain.
 */
final class FilterChains {
    private static final List<String> TLS_ALPN = List.of("h2", "http/1.1");

    private FilterChains() {
    }

    /** The chain Envoy selects, or null (the listener's default chain then applies, if any). */
    static FilterChain select(Listener listener, TraceRequest request) {
        List<FilterChain> candidates = listener.filterChains();
        candidates = narrow(candidates, c -> port(c) == listener.port(), c -> port(c) == 0);
        candidates = byServerName(candidates, request.sni());
        String transport = request.tls() ? "tls" : "raw_buffer";
        candidates = narrow(candidates, c -> transport(c).equals(transport), c -> transport(c).isEmpty());
        List<String> alpn = request.tls() ? TLS_ALPN : List.of();
        candidates = narrow(candidates, c -> alpn(c).stream().anyMatch(alpn::contains), c -> alpn(c).isEmpty());
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private static List<FilterChain> byServerName(List<FilterChain> chains, String sni) {
        if (sni != null && !sni.isEmpty()) {
            List<FilterChain> exact = filter(chains, c -> names(c).contains(sni));
            if (!exact.isEmpty()) {
                return exact;
            }
            // *.b.example.com, then *.example.com, then *.com: the longest wildcard first.
            for (int dot = sni.indexOf('.'); dot >= 0; dot = sni.indexOf('.', dot + 1)) {
                String wildcard = "*" + sni.substring(dot);
                List<FilterChain> w = filter(chains, c -> names(c).contains(wildcard));
                if (!w.isEmpty()) {
                    return w;
                }
            }
        }
        return filter(chains, c -> names(c).isEmpty());
    }

    /** The chains passing {@code specific}; when none, those passing {@code unset}. */
    private static List<FilterChain> narrow(List<FilterChain> chains, Predicate<FilterChain> specific,
                                            Predicate<FilterChain> unset) {
        List<FilterChain> s = filter(chains, specific);
        return s.isEmpty() ? filter(chains, unset) : s;
    }

    private static List<FilterChain> filter(List<FilterChain> chains, Predicate<FilterChain> p) {
        List<FilterChain> out = new ArrayList<>();
        for (FilterChain c : chains) {
            if (p.test(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static int port(FilterChain c) {
        return c.match() == null ? 0 : c.match().destinationPort();
    }

    private static List<String> names(FilterChain c) {
        return c.match() == null ? List.of() : c.match().serverNames();
    }

    private static String transport(FilterChain c) {
        FilterChainMatch m = c.match();
        return m == null ? "" : m.transportProtocol();
    }

    private static List<String> alpn(FilterChain c) {
        return c.match() == null ? List.of() : c.match().applicationProtocols();
    }
}
