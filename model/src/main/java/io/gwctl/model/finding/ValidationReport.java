package io.gwctl.model.finding;

import java.util.List;

/**
 * The result of a validate run as renderers see it: the findings to print (already filtered by output threshold
 * and suppressions, sorted), the rules that ran (for SARIF/JUnit), notes such as "assumed Istio's default ingress
 * gateway" or "GW0102 skipped: no Secrets in the input", and the counts for the summary line.
 */
public record ValidationReport(List<Finding> findings, List<RuleInfo> rules, List<String> notes, Summary summary,
                               List<String> inputs) {
    public ValidationReport {
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
        notes = List.copyOf(notes);
        inputs = List.copyOf(inputs);
    }

    /**
     * Counts per severity over the findings printed, how many were suppressed or below the output threshold, how
     * many resources were checked, and, when only one namespace's findings are reported (a cluster without -A), that
     * scope (null: every namespace).
     */
    public record Summary(int errors, int warnings, int infos, int suppressed, int hidden, int resources,
                          Scope scope) {
        public Summary(int errors, int warnings, int infos, int suppressed, int hidden, int resources) {
            this(errors, warnings, infos, suppressed, hidden, resources, null);
        }
    }

    /**
     * Only the findings of {@code namespace} were reported; these are the counts of the findings on resources of
     * other namespaces that were left out (what {@code -A} would add).
     */
    public record Scope(String namespace, int otherErrors, int otherWarnings, int otherInfos) {
        public int others() {
            return otherErrors + otherWarnings + otherInfos;
        }
    }
}
