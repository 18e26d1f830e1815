package io.gwctl.validators.rules;

import io.gwctl.model.istio.HttpMatch;
import io.gwctl.model.istio.HttpRoute;
import io.gwctl.model.istio.StringMatch;
import io.gwctl.model.istio.VirtualService;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether, in one merged virtual host, a route of a later VirtualService can never be reached because a route of an
 * earlier one matches every request it matches (Envoy takes the first matching route; istiod orders the
 * VirtualServices of a virtual host by creation time and moves catch-all routes last, spec §6.4, §7.4). Coverage is
 * decided conservatively: only
 * when the earlier match is plainly broader (no match, a prefix of the later path, the same exact path or regex)
 * and its other conditions (headers, query, method, authority, scheme, port, gateways) all appear in the later one.
 */
final class RouteShadowing {
    private RouteShadowing() {
    }

    /** One shadowed route: the later VirtualService and route index, and the earlier route that covers it. */
    record Shadow(VirtualService later, int laterRoute, VirtualService earlier, int earlierRoute) {
        /** {@code route http[1] of VirtualService ns/b is unreachable: route http[0] of VirtualService ns/a}. */
        String describe() {
            return "route http[" + laterRoute + "] of VirtualService " + later.metadata().key()
                    + " is unreachable: route http[" + earlierRoute + "] of VirtualService " + earlier.metadata().key();
        }
    }

    /**
     * The first route of a VirtualService in {@code ordered} (merge order) covered by a route of an earlier, different
     * VirtualService, or null when none is.
     */
    static Shadow first(List<VirtualService> ordered) {
        return first(ordered, (earlier, later) -> true);
    }

    /** As {@link #first(List)}, counting only the pairs (earlier, later) that {@code counts} accepts. */
    static Shadow first(List<VirtualService> ordered,
                        java.util.function.BiPredicate<VirtualService, VirtualService> counts) {
        for (int j = 1; j < ordered.size(); j++) {
            VirtualService later = ordered.get(j);
            for (int r = 0; r < later.http().size(); r++) {
                HttpRoute route = later.http().get(r);
                for (int i = 0; i < j; i++) {
                    VirtualService earlier = ordered.get(i);
                    if (earlier == later || !counts.test(earlier, later)) {
                        continue;
                    }
                    for (int e = 0; e < earlier.http().size(); e++) {
                        if (coversMerged(earlier.http().get(e), route)) {
                            return new Shadow(later, r, earlier, e);
                        }
                    }
                }
            }
        }
        return null;
    }

    /**
     * True when, in a virtual host merging several VirtualServices, route {@code earlier} (of a VirtualService merged
     * before) is tried before {@code later} for every request it matches and matches it: istiod moves catch-all routes
     * to the end of the virtual host ({@code SortVHostRoutes}, spec §7.4), so an earlier catch-all only comes before a
     * later catch-all.
     */
    static boolean coversMerged(HttpRoute earlier, HttpRoute later) {
        List<HttpMatch> a = earlier.match().isEmpty() ? java.util.Collections.singletonList(null) : earlier.match();
        List<HttpMatch> b = later.match().isEmpty() ? java.util.Collections.singletonList(null) : later.match();
        for (HttpMatch m : b) {
            if (a.stream().noneMatch(e -> (e == null || covers(e, m)) && (!isCatchAll(e) || isCatchAll(m)))) {
                return false;
            }
        }
        return true;
    }

    /** {@code IsCatchAllRoute} (spec §7.2): every path, and no header, query or method condition. */
    static boolean isCatchAll(HttpMatch m) {
        return m == null || (MatchCoverage.anyPath(m.uri()) && !m.hasHeaderOrQueryConditions());
    }

    /** True when every request {@code later} matches is matched by {@code earlier}. */
    static boolean covers(HttpRoute earlier, HttpRoute later) {
        if (earlier.match().isEmpty()) {
            return true;
        }
        if (later.match().isEmpty()) {
            return earlier.match().stream().anyMatch(m -> covers(m, null));
        }
        for (HttpMatch b : later.match()) {
            if (earlier.match().stream().noneMatch(a -> covers(a, b))) {
                return false;
            }
        }
        return true;
    }

    /** True when match {@code a} matches every request match {@code b} matches ({@code b} null: every request). */
    static boolean covers(HttpMatch a, HttpMatch b) {
        if (!conditionsWithin(a, b)) {
            return false;
        }
        StringMatch au = a.uri();
        if (au == null || (au.type() == StringMatch.Type.PREFIX && au.value().equals("/"))) {
            return true; // every path
        }
        StringMatch bu = b == null ? null : b.uri();
        if (bu == null || a.ignoreUriCase() != b.ignoreUriCase()) {
            return false;
        }
        return switch (au.type()) {
            case PREFIX -> bu.type() != StringMatch.Type.REGEX && bu.value().startsWith(au.value());
            case EXACT, REGEX -> bu.type() == au.type() && bu.value().equals(au.value());
        };
    }

    /** Every condition of {@code a} besides the path is also a condition of {@code b}, with the same value. */
    private static boolean conditionsWithin(HttpMatch a, HttpMatch b) {
        boolean aHasNone = a.headers().isEmpty() && a.withoutHeaders().isEmpty() && a.queryParams().isEmpty()
                && a.method() == null && a.authority() == null && a.scheme() == null && a.port() == 0
                && a.gateways().isEmpty() && a.sourceLabels().isEmpty() && a.sourceNamespace() == null;
        if (aHasNone) {
            return true;
        }
        if (b == null) {
            return false;
        }
        return within(a.headers(), b.headers()) && within(a.withoutHeaders(), b.withoutHeaders())
                && within(a.queryParams(), b.queryParams()) && same(a.method(), b.method())
                && same(a.authority(), b.authority()) && same(a.scheme(), b.scheme())
                && (a.port() == 0 || a.port() == b.port())
                && (a.gateways().isEmpty() || a.gateways().equals(b.gateways()))
                && b.sourceLabels().entrySet().containsAll(a.sourceLabels().entrySet())
                && (a.sourceNamespace() == null || a.sourceNamespace().equals(b.sourceNamespace()));
    }

    private static boolean same(StringMatch a, StringMatch b) {
        return a == null || Objects.equals(a, b);
    }

    private static <V> boolean within(Map<String, V> a, Map<String, V> b) {
        return b.entrySet().containsAll(a.entrySet());
    }
}
