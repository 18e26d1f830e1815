package io.gwctl.validators.rules;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.load.LoadResult;
import io.gwctl.validators.RuleFixtures;
import io.gwctl.validators.ValidationResult;
import io.gwctl.validators.Validator;
import java.nio.file.Path;
import java.util.List;

/** Runs all rules over YAML text or a fixture directory and picks one code's findings, for per-rule tests. */
final class RuleTesting {
    private RuleTesting() {
    }

    static ValidationResult runYaml(String yaml) {
        LoadResult loaded = RuleFixtures.loadString(yaml, "test.yaml");
        if (loaded.hasProblems()) {
            throw new AssertionError("test YAML does not load: " + loaded.problems());
        }
        return Validator.run(loaded.snapshot(), io.gwctl.validators.ValidateOptions.defaults()
                .withNow(RuleFixtures.DEFAULT_NOW));
    }

    static List<Finding> findings(String yaml, String code) {
        return runYaml(yaml).findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    static List<Finding> fixtureFindings(String code) {
        Path dir = RuleFixtures.fixtureDir(code);
        LoadResult loaded = RuleFixtures.load(List.of(dir));
        return Validator.run(loaded.snapshot(), RuleFixtures.options(dir)).findings().stream()
                .filter(f -> f.code().equals(code)).toList();
    }

    /** {@code Severity (Kind ns/name line) message}, compact enough to compare whole lists. */
    static String line(Finding f) {
        return f.severity().label() + " (" + f.resource().friendlyName() + " :" + f.location().line() + ") "
                + f.message();
    }
}
