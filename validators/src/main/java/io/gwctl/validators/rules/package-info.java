/** The lint rules of {@code gwctl validate}, one class per rule, registered in {@link io.gwctl.validators.RuleRegistry}. */
package io.gwctl.validators.rules;
