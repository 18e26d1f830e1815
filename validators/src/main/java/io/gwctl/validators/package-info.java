/**
 * The {@code gwctl validate} engine: the {@link io.gwctl.validators.Rule} contract, the context rules read
 * ({@link io.gwctl.validators.RuleContext}), the registry of rules, suppressions, thresholds and the
 * {@link io.gwctl.validators.Validator} that runs them (lint-catalogue §2.5, §5 F).
 */
package io.gwctl.validators;
