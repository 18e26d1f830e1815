package io.gwctl.model.finding;

import io.gwctl.model.ResourceRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The findings of an earlier run ({@code gwctl validate --baseline FILE}), compared with those of this run: a
 * finding already in the baseline is "existing", any other is "new", and a baseline finding this run no longer
 * reports is "absent".
 *
 * <p>Two findings are the same when their {@link #fingerprint fingerprints} are: the code, the resource (kind,
 * namespace, name) and the message with its volatile parts normalised. The finding's own file and line are not part
 * of it: lines move when unrelated YAML above changes, and a resource keeps its identity when its file is renamed or
 * moved. The comparison is of multisets: a fingerprint the baseline holds twice covers two findings of this run, not
 * three.
 */
public final class Baseline {
    /** A file position inside a message ({@code first at a/b/gw.yaml:12:3}): the directories and numbers go. */
    private static final Pattern FILE_POSITION = Pattern.compile(
            "(?:[^\\s:()\"']*/)?([^\\s/:()\"']+\\.(?i:ya?ml|json)):\\d+(?::\\d+)?");
    /** A line or column named in words, as parser messages do ({@code line 5, column 13}). */
    private static final Pattern LINE_WORDS = Pattern.compile("\\b(line|column|col)( )\\d+");
    /** The days left before a certificate expires (GW0103), which change every day. */
    private static final Pattern DAYS_LEFT = Pattern.compile("\\bin (?:\\d+ days?|less than a day)\\b");

    private final List<Finding> entries;
    /** The entries' fingerprints, in the same order: computed once. */
    private final List<String> keys;

    /** A baseline of these findings (their order breaks ties between findings with one fingerprint). */
    public Baseline(List<Finding> entries) {
        this.entries = List.copyOf(entries);
        this.keys = this.entries.stream().map(Baseline::fingerprint).toList();
    }

    /** The findings the baseline holds. */
    public List<Finding> entries() {
        return entries;
    }

    /**
     * What identifies a finding across runs: code, resource kind, namespace and name, and the normalised message,
     * joined by NUL characters (which no message contains).
     */
    public static String fingerprint(Finding f) {
        ResourceRef r = f.resource();
        return String.join("\u0000", f.code(), r == null ? "" : r.kind(),
                r == null || r.namespace() == null ? "" : r.namespace(), r == null ? "" : r.name(),
                normalizeMessage(f.message()));
    }

    /**
     * The message without what changes while the problem stays the same: a file position becomes the file's base
     * name and {@code #} ({@code first at gw.yaml:#}), a line or column in words becomes {@code line #}, and the
     * days left before a certificate expires become {@code in # days}.
     */
    public static String normalizeMessage(String message) {
        if (message == null) {
            return "";
        }
        // Most messages have none of these: cheap tests first, so that a baseline of 55,000 findings does not spend
        // seconds in the patterns.
        String lower = message.toLowerCase(Locale.ROOT);
        String s = message;
        if (lower.contains(".yaml:") || lower.contains(".yml:") || lower.contains(".json:")) {
            s = FILE_POSITION.matcher(s).replaceAll("$1:#");
        }
        if (lower.contains("line ") || lower.contains("col")) {
            s = LINE_WORDS.matcher(s).replaceAll("$1$2#");
        }
        return lower.contains(" day") ? DAYS_LEFT.matcher(s).replaceAll("in # days") : s;
    }

    /**
     * Marks {@code current} (this run's findings, each once) against the baseline. Within one fingerprint, a finding
     * at the same file and line as a baseline entry is paired with it first, so that when nothing moved, the new
     * copy of a repeated problem is the one reported new; the rest pair in order.
     */
    public Comparison compare(List<Finding> current) {
        Map<String, Deque<Finding>> remaining = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            remaining.computeIfAbsent(keys.get(i), k -> new ArrayDeque<>()).add(entries.get(i));
        }
        Map<String, List<Finding>> byKey = new LinkedHashMap<>();
        for (Finding f : current) {
            byKey.computeIfAbsent(fingerprint(f), k -> new ArrayList<>()).add(f);
        }
        // By identity (two equal findings are two problems), except in a list kept on disk: that reads a finding
        // anew each time, and holds each finding once.
        Set<Finding> existing = current instanceof SpilledFindings ? new HashSet<>()
                : Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, List<Finding>> e : byKey.entrySet()) {
            Deque<Finding> candidates = remaining.get(e.getKey());
            if (candidates == null || candidates.isEmpty()) {
                continue;
            }
            List<Finding> unpaired = pairAtSamePosition(e.getValue(), candidates, existing);
            for (Finding f : unpaired) {
                if (candidates.isEmpty()) {
                    break;
                }
                candidates.removeFirst();
                existing.add(f);
            }
        }
        // What no finding paired with is absent; listed in the baseline's order.
        Map<Finding, Integer> unpaired = new IdentityHashMap<>();
        remaining.values().forEach(left -> left.forEach(f -> unpaired.merge(f, 1, Integer::sum)));
        List<Finding> absent = new ArrayList<>();
        for (Finding b : entries) {
            if (unpaired.merge(b, -1, Integer::sum) >= 0) {
                absent.add(b);
            }
        }
        return new Comparison(existing, absent);
    }

    /**
     * Pairs the findings with baseline candidates of the same file and line, removing those candidates and adding
     * the findings to {@code existing}; returns the findings left unpaired, in order.
     */
    private static List<Finding> pairAtSamePosition(List<Finding> findings, Deque<Finding> candidates,
                                                    Set<Finding> existing) {
        Map<String, Deque<Finding>> byPosition = new HashMap<>();
        for (Finding b : candidates) {
            byPosition.computeIfAbsent(position(b), k -> new ArrayDeque<>()).add(b);
        }
        Set<Finding> used = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Finding> unpaired = new ArrayList<>();
        for (Finding f : findings) {
            Deque<Finding> same = byPosition.get(position(f));
            if (same != null && !same.isEmpty()) {
                used.add(same.removeFirst());
                existing.add(f);
            } else {
                unpaired.add(f);
            }
        }
        candidates.removeIf(used::contains);
        return unpaired;
    }

    private static String position(Finding f) {
        Location l = f.location() == null ? Location.NONE : f.location();
        return (l.file() == null ? "" : l.file()) + "\u0000" + l.line();
    }

    /**
     * The outcome of {@link #compare}: which of this run's findings were already in the baseline (by identity:
     * {@link #isExisting}), and the baseline findings this run no longer reports.
     */
    public static final class Comparison {
        private final Set<Finding> existing;
        private final List<Finding> absent;

        Comparison(Set<Finding> existing, List<Finding> absent) {
            this.existing = existing;
            this.absent = List.copyOf(absent);
        }

        /** True when {@code f}, one of the compared findings, was already in the baseline. */
        public boolean isExisting(Finding f) {
            return existing.contains(f);
        }

        /** How many of the compared findings were already in the baseline. */
        public int existingCount() {
            return existing.size();
        }

        /** The baseline's findings that this run did not report again, in the baseline's order. */
        public List<Finding> absent() {
            return absent;
        }
    }
}
