package io.gwctl.validators;

import io.gwctl.model.Resource;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Severity;

/**
 * Where a rule sends its findings. The typed factories take the finding's code, severity and aliases from the
 * rule's {@code info()} (the aliases that fit the finding's severity, {@code RuleInfo#aliasesAt}) and its file and
 * line from the resource's source map, so rules never build locations by hand.
 */
public interface Reporter {
    /** Reports a finding built by the rule itself. */
    void report(Finding f);

    /**
     * Reports a finding of the rule's default severity on {@code r}, pointing at the field {@code pointer} (a JSON
     * pointer such as {@code /spec/servers/0/port/number}; {@code ""} for the whole resource).
     */
    void report(Resource r, String pointer, String message, String hint);

    /** As {@link #report(Resource, String, String, String)} with a severity other than the rule's default. */
    void report(Resource r, String pointer, Severity severityOverride, String message, String hint);
}
