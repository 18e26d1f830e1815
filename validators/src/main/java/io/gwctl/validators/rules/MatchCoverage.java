package io.gwctl.validators.rules;

import io.gwctl.model.istio.HttpMatch;
import io.gwctl.model.istio.L4Match;
import io.gwctl.model.istio.StringMatch;
import io.gwctl.model.translate.Hosts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which earlier match of a route list already matches every request a later one matches (Envoy takes the first
 * matching route). Matches are added in route order; {@link #firstCovering} finds the earliest added match that covers
 * a new one, decided by {@link RouteShadowing#covers(HttpMatch, HttpMatch)} for HTTP and {@link #covers(L4Match,
 * L4Match, boolean)} for TCP/TLS.
 *
 * <p>Only possible coverers are compared, found through an index rather than by scanning every earlier match: matches
 * without a path condition (or with prefix {@code /}) in one list; prefixes in a map probed with the later path's
 * prefixes of the lengths present; exact paths and regexes by equal value; TCP/TLS matches by port. At most
 * {@link #MAX_COMPARED} candidates of one bucket are compared per match, so a route list of n matches costs
 * O(n · (path length + 64)) whatever it holds; beyond that many same-prefix matches with different conditions, a
 * covering match can be missed (never reported wrongly).
 *
 * @param <T> what a caller attaches to each match (its rule, its VirtualService)
 */
final class MatchCoverage<T> {
    /** Candidates compared per bucket and match: bounds the work on pathological inputs. */
    static final int MAX_COMPARED = 64;

    /** An added match with the caller's tag; {@code match} null stands for a rule without {@code match}. */
    record Entry<T>(int order, T tag, HttpMatch http, L4Match l4) {
    }

    private int added;
    private final List<Entry<T>> anyPath = new ArrayList<>();
    private final Map<Boolean, Map<String, List<Entry<T>>>> prefixes = new HashMap<>();
    private final Map<Boolean, TreeSet<Integer>> prefixLengths = new HashMap<>();
    private final Map<String, List<Entry<T>>> exactOrRegex = new HashMap<>();
    private final Map<Integer, List<Entry<T>>> byPort = new HashMap<>();

    /** Adds an HTTP match ({@code null}: a rule without matches, which matches every request). */
    void addHttp(HttpMatch m, T tag) {
        Entry<T> e = new Entry<>(added++, tag, m, null);
        StringMatch uri = m == null ? null : m.uri();
        if (anyPath(uri)) {
            anyPath.add(e);
        } else if (uri.type() == StringMatch.Type.PREFIX) {
            prefixes.computeIfAbsent(m.ignoreUriCase(), k -> new HashMap<>())
                    .computeIfAbsent(uri.value(), k -> new ArrayList<>()).add(e);
            prefixLengths.computeIfAbsent(m.ignoreUriCase(), k -> new TreeSet<>()).add(uri.value().length());
        } else {
            exactOrRegex.computeIfAbsent(key(uri, m.ignoreUriCase()), k -> new ArrayList<>()).add(e);
        }
    }

    /** Adds a TCP or TLS match ({@code null}: a rule without matches). */
    void addL4(L4Match m, T tag) {
        Entry<T> e = new Entry<>(added++, tag, null, m);
        byPort.computeIfAbsent(m == null ? 0 : m.port(), k -> new ArrayList<>()).add(e);
    }

    /** The earliest added HTTP match covering {@code b} ({@code null}: every request), or null. */
    Entry<T> firstCovering(HttpMatch b) {
        Entry<T> best = first(anyPath, b, null);
        StringMatch uri = b == null ? null : b.uri();
        if (uri == null) {
            return best;
        }
        if (uri.type() != StringMatch.Type.REGEX) {
            Map<String, List<Entry<T>>> byPrefix = prefixes.getOrDefault(b.ignoreUriCase(), Map.of());
            for (int len : prefixLengths.getOrDefault(b.ignoreUriCase(), new TreeSet<>())) {
                if (len > uri.value().length()) {
                    break;
                }
                best = first(byPrefix.getOrDefault(uri.value().substring(0, len), List.of()), b, best);
            }
        }
        if (uri.type() != StringMatch.Type.PREFIX) {
            best = first(exactOrRegex.getOrDefault(key(uri, b.ignoreUriCase()), List.of()), b, best);
        }
        return best;
    }

    /** The earliest added TCP/TLS match covering {@code b} ({@code null}: every connection), or null. */
    Entry<T> firstCovering(L4Match b, boolean tls) {
        Entry<T> best = firstL4(byPort.getOrDefault(0, List.of()), b, tls, null);
        if (b != null && b.port() != 0) {
            best = firstL4(byPort.getOrDefault(b.port(), List.of()), b, tls, best);
        }
        return best;
    }

    private Entry<T> first(List<Entry<T>> bucket, HttpMatch b, Entry<T> best) {
        int n = Math.min(bucket.size(), MAX_COMPARED);
        for (int i = 0; i < n; i++) {
            Entry<T> e = bucket.get(i);
            if (best != null && e.order() > best.order()) {
                break; // buckets are in insertion order: nothing later can be earlier than best
            }
            if (e.http() == null || RouteShadowing.covers(e.http(), b)) {
                return best == null || e.order() < best.order() ? e : best;
            }
        }
        return best;
    }

    private Entry<T> firstL4(List<Entry<T>> bucket, L4Match b, boolean tls, Entry<T> best) {
        int n = Math.min(bucket.size(), MAX_COMPARED);
        for (int i = 0; i < n; i++) {
            Entry<T> e = bucket.get(i);
            if (best != null && e.order() > best.order()) {
                break;
            }
            if (covers(e.l4(), b, tls)) {
                return best == null || e.order() < best.order() ? e : best;
            }
        }
        return best;
    }

    /** True when the path condition matches every path: none, or prefix {@code /}. */
    static boolean anyPath(StringMatch uri) {
        return uri == null || (uri.type() == StringMatch.Type.PREFIX && uri.value().equals("/"));
    }

    private static String key(StringMatch uri, boolean ignoreCase) {
        return uri.type() + (ignoreCase ? "/i:" : "/:") + uri.value();
    }

    /**
     * True when TCP/TLS match {@code a} accepts every connection {@code b} accepts ({@code null}: a rule without
     * matches, every connection): each condition of {@code a} is absent or also in {@code b}; for TLS each SNI name of
     * {@code b} is one of {@code a}'s or under one of its wildcards.
     */
    static boolean covers(L4Match a, L4Match b, boolean tls) {
        if (a == null) {
            return true;
        }
        if (b == null) {
            return a.port() == 0 && a.gateways().isEmpty() && a.sourceLabels().isEmpty()
                    && a.sourceNamespace() == null && a.destinationSubnets().isEmpty() && (!tls || coversAll(a, List.of()));
        }
        boolean conditions = (a.port() == 0 || a.port() == b.port())
                && (a.gateways().isEmpty() || new TreeSet<>(a.gateways()).equals(new TreeSet<>(b.gateways())))
                && b.sourceLabels().entrySet().containsAll(a.sourceLabels().entrySet())
                && (a.sourceNamespace() == null || Objects.equals(a.sourceNamespace(), b.sourceNamespace()))
                && (a.destinationSubnets().isEmpty() || (!b.destinationSubnets().isEmpty()
                && a.destinationSubnets().containsAll(b.destinationSubnets())));
        return conditions && (!tls || coversAll(a, b.sniHosts()));
    }

    /** Every SNI name in {@code names} is matched by an SNI name of {@code a}; an empty list needs {@code *}. */
    private static boolean coversAll(L4Match a, List<String> names) {
        List<String> mine = a.sniHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        if (names.isEmpty()) {
            return mine.contains("*");
        }
        for (String n : names) {
            String name = n.toLowerCase(Locale.ROOT);
            if (mine.stream().noneMatch(m -> Hosts.subsetOf(name, m))) {
                return false;
            }
        }
        return true;
    }
}
