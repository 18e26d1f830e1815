package io.gwctl.validators;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.SpilledFindings;
import io.gwctl.model.finding.ValidationReport;
import java.util.List;

/**
 * The outcome of {@link Validator#run}: every finding after suppression (sorted, deduplicated), those at or above
 * the output threshold ({@code printed}), how many were suppressed, notes (skipped checks, the assumed default
 * ingress), whether any finding reached the failure threshold, and the rules that ran.
 *
 * <p>{@code failed} is computed over {@code findings}, not {@code printed}: hiding findings from the output never
 * makes a run pass (istioctl's {@code --output-threshold} semantics, lint-catalogue §2.5).
 */
public record ValidationResult(List<Finding> findings, List<Finding> printed, int suppressed, List<String> notes,
                               boolean failed, List<RuleInfo> rules) {
    /** The result of checking nothing: no rule ran (an input of which nothing could be read). */
    public static final ValidationResult NOTHING_CHECKED = new ValidationResult(List.of(), List.of(), 0, List.of(),
            false, List.of());

    public ValidationResult {
        findings = SpilledFindings.copyOf(findings);
        printed = SpilledFindings.copyOf(printed);
        notes = List.copyOf(notes);
        rules = List.copyOf(rules);
    }

    /** The report renderers print: the printed findings, the rules that ran, notes and the summary counts. */
    public ValidationReport toReport(List<String> inputs, int resourceCount) {
        return toReport(inputs, resourceCount, null);
    }

    /** The report, saying that only {@code scope}'s namespace was reported (null: all). */
    public ValidationReport toReport(List<String> inputs, int resourceCount, ValidationReport.Scope scope) {
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        for (Finding f : printed) {
            switch (f.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case INFO -> infos++;
            }
        }
        ValidationReport.Summary summary = new ValidationReport.Summary(errors, warnings, infos, suppressed,
                findings.size() - printed.size(), resourceCount, scope);
        return new ValidationReport(printed, rules, notes, summary, inputs);
    }
}
