package io.gwctl.validators.rules;

import io.gwctl.model.translate.Hosts;
import java.util.Arrays;
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
    /** Hosts past which the index is built; up to this many are compared one by one. */
    static final int SMALL = 8;

    /**
     * The hosts while there are at most {@link #SMALL}, distinct, then null: most Gateways name a few hosts, and
     * the five sets below cost some 400 bytes even empty (two rules keep an index per Gateway; at 100,000 Gateways
     * the sets were 200 MB).
     */
    private String[] small = new String[2];
    private int count;
    private Set<String> exact;
    private Set<String> wildcardSuffixes;
    /** The distinct lengths of {@link #wildcardSuffixes}, ascending: only suffixes of these lengths can match. */
    private NavigableSet<Integer> suffixLengths;
    private NavigableSet<String> exactReversed;
    private NavigableSet<String> suffixesReversed;

    void add(String host) {
        if (small != null) {
            for (int i = 0; i < count; i++) {
                if (small[i].equals(host)) {
                    return;
                }
            }
            if (count < SMALL) {
                if (count == small.length) {
                    small = Arrays.copyOf(small, SMALL);
                }
                small[count++] = host;
                return;
            }
            exact = new HashSet<>();
            wildcardSuffixes = new HashSet<>();
            suffixLengths = new TreeSet<>();
            exactReversed = new TreeSet<>();
            suffixesReversed = new TreeSet<>();
            String[] hosts = small;
            small = null;
            for (int i = 0; i < count; i++) {
                index(hosts[i]);
            }
        }
        index(host);
    }

    private void index(String host) {
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
        return small != null ? count == 0 : exact.isEmpty() && wildcardSuffixes.isEmpty();
    }

    /** True when some indexed host {@code n} satisfies {@code Hosts.matches(n, host)}. */
    boolean matchesAny(String host) {
        if (small != null) {
            for (int i = 0; i < count; i++) {
                if (Hosts.matches(small[i], host)) {
                    return true;
                }
            }
            return false;
        }
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
