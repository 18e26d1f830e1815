package io.gwctl.validators;

import io.gwctl.model.finding.RuleInfo;

/**
 * One lint check: what it is ({@link #info()}) and how it looks at a snapshot ({@link #check}). Implementations are
 * stateless; they never throw, print or change what they read (a crash still becomes a GW0000 finding, see
 * {@link Validator}).
 */
public interface Rule {
    /** The rule's code, name, default severity, summary, IST/KIA aliases and the input kinds it needs. */
    RuleInfo info();

    /** Looks at the input through {@code ctx} and reports every finding to {@code out}. */
    void check(RuleContext ctx, Reporter out);

    /**
     * Whether the input holds anything this rule would look at. The engine asks only when a kind the rule needs is
     * missing: a rule with nothing to look at is not reported as skipped (no TLS server, no credential check to miss).
     */
    default boolean hasWork(RuleContext ctx) {
        return true;
    }

    /**
     * What this rule could not check although it ran, e.g. {@code for the Secrets that Certificate a/b produces: their
     * content is not in the input}; null when it checked everything. The engine says it once, in one GW0002 finding
     * for every rule giving the same reason.
     */
    default String partlySkipped(RuleContext ctx) {
        return null;
    }
}
