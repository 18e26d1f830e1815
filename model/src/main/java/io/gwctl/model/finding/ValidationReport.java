package io.gwctl.model.finding;

import java.util.List;

/**
 * The result of a validate run as renderers see it: the findings to print (already filtered by output threshold
 * and suppressions, sorted), the rules that ran (for SARIF/JUnit), notes such as "assumed Istio's default ingress
 * gateway" or "GW0102 skipped: no Secrets in the input", the counts for the summary line, and, when the run was
 * compared with a baseline ({@code --baseline}), which findings were already there (null: no baseline).
 */
public record ValidationReport(List<Finding> findings, List<RuleInfo> rules, List<String> notes, Summary summary,
                               List<String> inputs, BaselineMarks baseline) {
    public ValidationReport {
        findings = SpilledFindings.copyOf(findings);
        rules = List.copyOf(rules);
        notes = List.copyOf(notes);
        inputs = List.copyOf(inputs);
    }

    /** A report of a run without a baseline. */
    public ValidationReport(List<Finding> findings, List<RuleInfo> rules, List<String> notes, Summary summary,
                            List<String> inputs) {
        this(findings, rules, notes, summary, inputs, null);
    }

    /** True when the run was compared with a baseline and {@code f} was already in it. */
    public boolean isExisting(Finding f) {
        return baseline != null && baseline.comparison().isExisting(f);
    }

    /**
     * This report compared with a baseline: with {@code hideExisting}, the findings already in the baseline are left
     * out of the findings and the summary counts (and counted as hidden); otherwise they stay, marked.
     */
    public ValidationReport withBaseline(Baseline.Comparison comparison, boolean hideExisting) {
        int[] removed = new int[Severity.values().length];
        int[] existing = new int[1];
        List<Finding> kept = SpilledFindings.filter(findings, f -> {
            boolean old = comparison.isExisting(f);
            existing[0] += old ? 1 : 0;
            if (old && hideExisting) {
                removed[f.severity().ordinal()]++;
                return false;
            }
            return true;
        });
        Summary s = summary == null || !hideExisting ? summary : new Summary(
                summary.errors() - removed[Severity.ERROR.ordinal()],
                summary.warnings() - removed[Severity.WARNING.ordinal()],
                summary.infos() - removed[Severity.INFO.ordinal()], summary.suppressed(), summary.hidden(),
                summary.resources(), summary.scope());
        return new ValidationReport(kept, rules, notes, s, inputs,
                new BaselineMarks(comparison, existing[0], hideExisting ? existing[0] : 0));
    }

    /**
     * How this report relates to the baseline it was compared with: the comparison, how many of the findings the
     * run reports (at or above the output threshold) were already in the baseline, and how many of those were left
     * out of the findings as existing (0 with {@code --show-baseline}).
     */
    public record BaselineMarks(Baseline.Comparison comparison, int existing, int hidden) {
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
