package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.Resource;
import io.gwctl.model.Snapshot;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.load.LoadResult;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import io.gwctl.validators.RuleFixtures;
import io.gwctl.validators.ValidateOptions;
import java.util.ArrayList;
import java.util.List;

/** Runs one rule on YAML text and records what it reports, with the line each finding points at. */
final class RuleHarness {
    private RuleHarness() {
    }

    /** One reported finding: the resource's {@code Kind ns/name}, the field, its line, and the texts. */
    record Reported(String resource, String pointer, int line, Severity severity, String message, String hint) {
    }

    static Snapshot load(String yaml) {
        LoadResult r = RuleFixtures.loadString(yaml, "test.yaml");
        assertThat(r.problems()).as("load problems").isEmpty();
        return r.snapshot();
    }

    static List<Reported> run(Rule rule, String yaml) {
        return run(rule, load(yaml));
    }

    static List<Reported> run(Rule rule, Snapshot snapshot) {
        List<Reported> found = new ArrayList<>();
        rule.check(RuleContext.of(snapshot, ValidateOptions.defaults()), new Reporter() {
            @Override
            public void report(Finding f) {
                throw new AssertionError("rules of this package use the typed factories: " + f);
            }

            @Override
            public void report(Resource r, String pointer, String message, String hint) {
                report(r, pointer, rule.info().severity(), message, hint);
            }

            @Override
            public void report(Resource r, String pointer, Severity severity, String message, String hint) {
                found.add(new Reported(r.ref().friendlyName(), pointer, r.line(pointer), severity, message, hint));
            }
        });
        return found;
    }
}
