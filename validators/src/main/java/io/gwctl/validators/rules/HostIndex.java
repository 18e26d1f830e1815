package io.gwctl.validators.rules;

import java.util.HashSet;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set of hosts that answers "does any of them match this host?" with Istio's bidirectional wildcard rule
 * ({@code host.Name.Matches}, the non-empty-intersection test of translation spec §7.1) in O(length · log n)
 * instead of comparing against every host: exact hosts are hashed, wildcard suffixes are hashed, and both are also
 * kept reversed in sorted sets so that "some indexed host ends with this suffix" is one ceiling lookup.
 */
final class HostIndex {
    private final Set<String> exact = new HashSet<>();
    private final Set<String> wildcardSuffixes = new HashSet<>();
    /** The distinct lengths of {@link #wildcardSuffixes}, ascending: only suffixes of these lengths can match. */
    private final NavigableSet<Integer> suffixLengths = new TreeSet<>();
    private final NavigableSet<String> exactReversed = new TreeSet<>();
    private final NavigableSet<String> suffixesReversed = new TreeSet<>();

    void add(String host) {
        if (host.startsWith("*")) {
            String suffix = host.substring(1);
            if (wildcardSuffixes.add(suffix)) {
                suffixesReversed.add(reverse(suffix));
                suffixLengths.add(suffix.length());
            }
        } else if (exact.add(host)) {
            exactReversed.add(reverse(host));
        }
    }

    boolean isEmpty() {
        return exact.isEmpty() && wildcardSuffixes.isEmpty();
    }

    /** True when some indexed host {@code n} satisfies {@code Hosts.matches(n, host)}. */
    boolean matchesAny(String host) {
        if (!host.startsWith("*")) {
            // n = "*suffix" matches when host ends with suffix: try every suffix of host, "" included ("*").
            return exact.contains(host) || hasSuffixIn(host, 0);
        }
        String s = host.substring(1);
        // Exact n matches when n ends with s; wildcard n = "*t" when t ends with s or s ends with t.
        return hasEntryEndingWith(exactReversed, s) || hasEntryEndingWith(suffixesReversed, s) || hasSuffixIn(s, 1);
    }

    /** True when some suffix {@code h.substring(k)}, {@code k >= from}, is an indexed wildcard suffix. */
    private boolean hasSuffixIn(String h, int from) {
        for (int len : suffixLengths.headSet(h.length() - from, true)) {
            if (wildcardSuffixes.contains(h.substring(h.length() - len))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasEntryEndingWith(NavigableSet<String> reversed, String suffix) {
        String r = reverse(suffix);
        String c = reversed.ceiling(r);
        return c != null && c.startsWith(r);
    }

    private static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }
}
