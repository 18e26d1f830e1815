package io.gwctl.validators.conformance;

import io.gwctl.model.ResourceRef;
import io.gwctl.model.finding.Finding;
import io.gwctl.validators.conformance.ExpectedTables.Expected;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What a walk over an {@code EXPECTED.md} found: expected findings matched or missing, findings where the upstream
 * test expects none, and the deliberate differences used (keyed as {@code FIXTURE CODE Kind ns/name} for an
 * expected finding and {@code FIXTURE unexpected CODE Kind ns/name} for an unexpected one), for the assertions and
 * the printed tally.
 */
final class Tally {
    final List<String> matched = new ArrayList<>();
    final List<String> missing = new ArrayList<>();
    final List<String> different = new ArrayList<>();
    final List<String> unexpected = new ArrayList<>();
    final List<String> outOfScope = new ArrayList<>();
    private final Set<String> usedDifferences = new TreeSet<>();
    private final Map<String, Set<String>> sectionCodes = new LinkedHashMap<>();
    private final Map<String, String> differences;

    Tally(Map<String, String> differences) {
        this.differences = differences;
    }

    /** The codes {@code section} expects somewhere. */
    Set<String> sectionCodes(String section) {
        return sectionCodes.getOrDefault(section, Set.of());
    }

    /** Records that {@code section} expects {@code code} somewhere: its gwctl rules are checked for it everywhere. */
    void sectionCode(String section, String code) {
        sectionCodes.computeIfAbsent(section, k -> new TreeSet<>()).add(code);
    }

    /**
     * Checks one fixture: each expected finding is a gwctl finding with that alias on that resource; a finding of
     * the gwctl rules answering the section ({@code answeredBy}), with an alias of the section, on a resource under
     * test ({@code underTest}) is expected.
     */
    void check(String section, String fixture, List<Expected> expected, Set<String> answeredBy,
               List<Finding> findings, Predicate<ResourceRef> underTest) {
        for (Expected e : expected) {
            boolean found = findings.stream().anyMatch(f -> f.aliases().contains(e.code()) && on(f.resource(), e));
            count(fixture + " " + e, found);
        }
        Set<String> codes = sectionCodes.getOrDefault(section, Set.of());
        for (Finding f : findings) {
            if (!answeredBy.contains(f.code()) || !underTest.test(f.resource())) {
                continue;
            }
            for (String alias : f.aliases()) {
                if (codes.contains(alias)
                        && expected.stream().noneMatch(e -> e.code().equals(alias) && on(f.resource(), e))) {
                    String key = fixture + " unexpected " + alias + " " + f.resource().friendlyName();
                    if (differences.containsKey(key)) {
                        usedDifferences.add(key);
                        different.add(key + ": " + differences.get(key));
                    } else {
                        unexpected.add(key + " (" + f.code() + ": " + f.message() + ")");
                    }
                }
            }
        }
    }

    /** True when the finding is on the resource the upstream origin names (namespace-less means default). */
    static boolean on(ResourceRef r, Expected e) {
        return (e.kind() == null || r.kind().equals(e.kind()))
                && (e.name() == null || r.name().equals(e.name())
                && r.namespace().equals(e.namespace() == null ? "default" : e.namespace()));
    }

    private void count(String key, boolean found) {
        if (differences.containsKey(key)) {
            usedDifferences.add(key);
            different.add(key + ": " + differences.get(key) + (found ? " (but gwctl reports it now)" : ""));
        } else if (found) {
            matched.add(key);
        } else {
            missing.add(key);
        }
    }

    /** Deliberate differences listed that the walk never met: stale entries. */
    List<String> unusedDifferences() {
        return differences.keySet().stream().filter(k -> !usedDifferences.contains(k)).sorted().toList();
    }

    String report(String title) {
        long expectedDifferent = different.stream().filter(d -> !d.contains(" unexpected ")).count();
        StringBuilder b = new StringBuilder("Conformance with " + title + ": ")
                .append(matched.size() + missing.size() + expectedDifferent).append(" expected findings in scope, ")
                .append(matched.size()).append(" matched, ").append(different.size())
                .append(" deliberately different, ").append(missing.size()).append(" missing, ")
                .append(unexpected.size()).append(" unexpected; ").append(outOfScope.size())
                .append(" fixtures out of scope\n");
        different.forEach(d -> b.append("  different: ").append(d).append('\n'));
        missing.forEach(d -> b.append("  MISSING: ").append(d).append('\n'));
        unexpected.forEach(d -> b.append("  UNEXPECTED: ").append(d).append('\n'));
        outOfScope.forEach(d -> b.append("  out of scope: ").append(d).append('\n'));
        return b.toString();
    }
}
