package io.gwctl.model.finding;

import io.gwctl.model.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a lint rule is: its stable gwctl code, a short kebab-case name, its default severity, a one-line summary,
 * the istioctl analyze (IST) and Kiali (KIA) codes it corresponds to, and the input kinds it needs.
 *
 * <p>Istio and Kiali give each code one level (IST0106 is an error, IST0133 the matching schema warning), so a rule
 * that reports at several severities may declare which aliases fit which severity ({@link #aliasesBySeverity},
 * built with {@link #withAliases}); {@link #aliasesAt} gives a finding its aliases. {@code aliases} lists them all.
 */
public record RuleInfo(String code, String name, Severity severity, String summary, List<String> aliases,
                       Set<Kind> needs, Map<Severity, List<String>> aliasesBySeverity) implements Comparable<RuleInfo> {
    public RuleInfo {
        aliases = List.copyOf(aliases);
        needs = Set.copyOf(needs);
        aliasesBySeverity = aliasesBySeverity.isEmpty() ? Map.of() : Map.copyOf(aliasesBySeverity);
    }

    /** A rule whose aliases fit every severity it reports at. */
    public RuleInfo(String code, String name, Severity severity, String summary, List<String> aliases,
                    Set<Kind> needs) {
        this(code, name, severity, summary, aliases, needs, Map.of());
    }

    /**
     * This rule with {@code codes} as the aliases of its findings at {@code s}. Once any severity is declared, a
     * severity not declared carries no alias; {@code aliases} becomes the union of the declared codes in order.
     */
    public RuleInfo withAliases(Severity s, String... codes) {
        Map<Severity, List<String>> by = new EnumMap<>(Severity.class);
        by.putAll(aliasesBySeverity);
        by.put(s, List.of(codes));
        LinkedHashSet<String> all = new LinkedHashSet<>();
        Severity[] levels = Severity.values();
        for (int i = levels.length - 1; i >= 0; i--) { // Error's aliases first
            all.addAll(by.getOrDefault(levels[i], List.of()));
        }
        return new RuleInfo(code, name, severity, summary, new ArrayList<>(all), needs, by);
    }

    /** The aliases a finding of this rule at severity {@code s} carries. */
    public List<String> aliasesAt(Severity s) {
        return aliasesBySeverity.isEmpty() ? aliases : aliasesBySeverity.getOrDefault(s, List.of());
    }

    /** The documentation page of this rule, relative to the repository root. */
    public String docPath() {
        return "docs/rules/" + code + ".md";
    }

    @Override
    public int compareTo(RuleInfo o) {
        return code.compareTo(o.code);
    }
}
