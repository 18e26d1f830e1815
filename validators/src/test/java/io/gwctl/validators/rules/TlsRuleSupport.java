package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.Snapshot;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.load.LoadProblem;
import io.gwctl.model.load.LoadResult;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleFixtures;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.ValidationResult;
import io.gwctl.validators.Validator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs the TLS rules at a chosen instant over fixtures ({@link RuleFixtures} conventions) or YAML text, and picks one
 * code's findings, for the GW01xx rule tests.
 */
final class TlsRuleSupport {
    /** After every "valid" certificate's notBefore and every "expired" one's notAfter (testdata/tls/generate.sh). */
    static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    private TlsRuleSupport() {
    }

    static Path fixtureDir(String code) {
        return RuleFixtures.fixtureDir(code);
    }

    /** Loads files or directories; fails the test on any load problem. */
    static Snapshot load(Path... paths) {
        return loaded(RuleFixtures.load(List.of(paths)));
    }

    static Snapshot loadString(String yaml) {
        return loaded(RuleFixtures.loadString(yaml, "test.yaml"));
    }

    private static Snapshot loaded(LoadResult r) {
        assertThat(r.problems()).as("load problems").extracting(LoadProblem::format).isEmpty();
        return r.snapshot();
    }

    /** A Gateway document selecting {@code istio=ingressgateway} with one SIMPLE HTTPS server on 443. */
    static String tlsGateway(String name, String namespace, String host, String credentialName) {
        return String.format("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: %s, namespace: %s}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                  - port: {number: 443, name: https, protocol: HTTPS}
                    hosts: ["%s"]
                    tls: {mode: SIMPLE, credentialName: %s}
                ---
                """, name, namespace, host, credentialName);
    }

    static ValidationResult run(Snapshot s, Instant now, Rule... rules) {
        return Validator.run(s, ValidateOptions.defaults().withNow(now), List.of(rules));
    }

    /** The findings of {@code code}. */
    static List<Finding> findings(ValidationResult r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    /** Where the findings of {@code code} point, relative to the fixture directory. */
    static TreeSet<RuleFixtures.Mark> marks(Path dir, ValidationResult r, String code) {
        return findings(r, code).stream().map(f -> RuleFixtures.mark(dir, f))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The {@code # expect:} markers of {@code code} in the fixture directory. */
    static TreeSet<RuleFixtures.Mark> markers(Path dir, String code) {
        return RuleFixtures.expectations(dir).stream().filter(m -> m.code().equals(code))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Messages of the findings of {@code code}, in order. */
    static List<String> messages(ValidationResult r, String code) {
        return findings(r, code).stream().map(Finding::message).toList();
    }
}
