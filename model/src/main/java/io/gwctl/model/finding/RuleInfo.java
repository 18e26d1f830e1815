package io.gwctl.model.finding;

import io.gwctl.model.Kind;
import java.util.List;
import java.util.Set;

/**
 * What a lint rule is: its stable gwctl code, a short kebab-case name, its default severity, a one-line summary,
 * the istioctl analyze (IST) and Kiali (KIA) codes it corresponds to, and the input kinds it needs.
 */
public record RuleInfo(String code, String name, Severity severity, String summary, List<String> aliases,
                       Set<Kind> needs) implements Comparable<RuleInfo> {
    public RuleInfo {
        aliases = List.copyOf(aliases);
        needs = Set.copyOf(needs);
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
