package io.gwctl.validators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every rule {@code gwctl validate} runs: an explicit list (no classpath scanning, STYLE.md §2), returned sorted by
 * code. To add a rule, add one {@code rules.add(...)} line below (any position: the list is sorted).
 */
public final class RuleRegistry {
    private static final List<Rule> ALL = build();

    private RuleRegistry() {
    }

    /** The registered rules, sorted by code. */
    public static List<Rule> all() {
        return ALL;
    }

    private static List<Rule> build() {
        List<Rule> rules = new ArrayList<>();
        // One line per rule.
        rules.sort(Comparator.comparing(r -> r.info().code()));
        return List.copyOf(rules);
    }
}
