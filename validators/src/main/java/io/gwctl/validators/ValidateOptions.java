package io.gwctl.validators;

import io.gwctl.model.finding.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a validate run filters and judges findings: the failure threshold (a finding at or above it fails the run,
 * whatever the output format: istio#35054), the output threshold (findings below it are not printed but still
 * count for failure), suppressions, rules turned off (by code or name), severity overrides per rule code (from
 * {@code .gwctl.yaml}), the clock, the certificate expiry window, and whether the input holds every Secret
 * ({@code --require-secrets}, {@code secrets: required}: a credential Secret absent from the input is then missing,
 * not merely not shown).
 */
public record ValidateOptions(Severity failureThreshold, Severity outputThreshold, List<Suppression> suppressions,
                              Set<String> disabledRules, Instant now, Duration certExpiryWarning,
                              Map<String, Severity> severityOverrides, boolean requireSecrets) {
    /** Certificates expiring within this window are reported as expiring (GW0103). */
    public static final Duration DEFAULT_CERT_EXPIRY_WARNING = Duration.ofDays(30);

    public ValidateOptions {
        Objects.requireNonNull(failureThreshold, "failureThreshold");
        Objects.requireNonNull(outputThreshold, "outputThreshold");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(certExpiryWarning, "certExpiryWarning");
        suppressions = suppressions == null ? List.of() : List.copyOf(suppressions);
        disabledRules = disabledRules == null ? Set.of() : Set.copyOf(disabledRules);
        severityOverrides = severityOverrides == null ? Map.of() : Map.copyOf(severityOverrides);
    }

    /** Without the Secret requirement. */
    public ValidateOptions(Severity failureThreshold, Severity outputThreshold, List<Suppression> suppressions,
                           Set<String> disabledRules, Instant now, Duration certExpiryWarning,
                           Map<String, Severity> severityOverrides) {
        this(failureThreshold, outputThreshold, suppressions, disabledRules, now, certExpiryWarning,
                severityOverrides, false);
    }

    /** The contract's six-part form, without severity overrides. */
    public ValidateOptions(Severity failureThreshold, Severity outputThreshold, List<Suppression> suppressions,
                           Set<String> disabledRules, Instant now, Duration certExpiryWarning) {
        this(failureThreshold, outputThreshold, suppressions, disabledRules, now, certExpiryWarning, Map.of());
    }

    /** istioctl's defaults: fail on Error, print from Info; no suppressions; now; 30 days. */
    public static ValidateOptions defaults() {
        return new ValidateOptions(Severity.ERROR, Severity.INFO, List.of(), Set.of(), Instant.now(),
                DEFAULT_CERT_EXPIRY_WARNING, Map.of());
    }

    public ValidateOptions withFailureThreshold(Severity s) {
        return new ValidateOptions(s, outputThreshold, suppressions, disabledRules, now, certExpiryWarning,
                severityOverrides, requireSecrets);
    }

    public ValidateOptions withOutputThreshold(Severity s) {
        return new ValidateOptions(failureThreshold, s, suppressions, disabledRules, now, certExpiryWarning,
                severityOverrides, requireSecrets);
    }

    /** These options plus {@code more} suppressions (kept after the existing ones). */
    public ValidateOptions withSuppressions(List<Suppression> more) {
        List<Suppression> all = new ArrayList<>(suppressions);
        all.addAll(more);
        return new ValidateOptions(failureThreshold, outputThreshold, all, disabledRules, now, certExpiryWarning,
                severityOverrides, requireSecrets);
    }

    /** These options plus rules turned off (codes or names). */
    public ValidateOptions withDisabledRules(Set<String> more) {
        Set<String> all = new LinkedHashSet<>(disabledRules);
        all.addAll(more);
        return new ValidateOptions(failureThreshold, outputThreshold, suppressions, all, now, certExpiryWarning,
                severityOverrides, requireSecrets);
    }

    /** These options with severity overrides per rule code or name; later overrides win. */
    public ValidateOptions withSeverityOverrides(Map<String, Severity> more) {
        Map<String, Severity> all = new HashMap<>(severityOverrides);
        all.putAll(more);
        return new ValidateOptions(failureThreshold, outputThreshold, suppressions, disabledRules, now,
                certExpiryWarning, all, requireSecrets);
    }

    public ValidateOptions withNow(Instant instant) {
        return new ValidateOptions(failureThreshold, outputThreshold, suppressions, disabledRules, instant,
                certExpiryWarning, severityOverrides, requireSecrets);
    }

    /** These options with the Secret requirement set: every Secret the gateways read is in the input. */
    public ValidateOptions withRequireSecrets(boolean required) {
        return new ValidateOptions(failureThreshold, outputThreshold, suppressions, disabledRules, now,
                certExpiryWarning, severityOverrides, required);
    }

    public ValidateOptions withCertExpiryWarning(Duration d) {
        return new ValidateOptions(failureThreshold, outputThreshold, suppressions, disabledRules, now, d,
                severityOverrides, requireSecrets);
    }
}
