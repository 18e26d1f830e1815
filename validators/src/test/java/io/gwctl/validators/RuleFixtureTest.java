package io.gwctl.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.load.LoadProblem;
import io.gwctl.model.load.LoadResult;
import io.gwctl.validators.RuleFixtures.Mark;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every registered rule over each {@code testdata/rules/<CODE>/} directory and checks that the findings of
 * code {@code CODE} point exactly at the lines marked {@code # expect: CODE} (see {@link RuleFixtures}).
 */
class RuleFixtureTest {
    static List<String> codes() {
        return RuleFixtures.fixtureCodes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codes")
    void findingsPointExactlyAtTheExpectMarkers(String code) {
        Path dir = RuleFixtures.fixtureDir(code);
        LoadResult loaded = RuleFixtures.load(List.of(dir));
        assertThat(loaded.problems()).as("fixture %s must load cleanly", dir).extracting(LoadProblem::format)
                .isEmpty();
        ValidationResult result = Validator.run(loaded.snapshot(), RuleFixtures.options(dir));

        Set<Mark> expected = RuleFixtures.expectations(dir).stream().filter(m -> m.code().equals(code))
                .collect(Collectors.toCollection(TreeSet::new));
        List<Finding> ofCode = result.findings().stream().filter(f -> f.code().equals(code)).toList();
        Set<Mark> actual = ofCode.stream().map(f -> RuleFixtures.mark(dir, f))
                .collect(Collectors.toCollection(TreeSet::new));

        Set<Mark> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<Mark> unexpected = new TreeSet<>(actual);
        unexpected.removeAll(expected);
        String findings = ofCode.stream().map(f -> "  " + RuleFixtures.mark(dir, f) + " " + f.severity().label()
                + " (" + f.resource().friendlyName() + ") " + f.message()).collect(Collectors.joining("\n"));
        assertThat(actual).as("%s: markers without a finding %s, findings without a marker %s; all %s findings:%n%s",
                code, missing, unexpected, code, findings).isEqualTo(expected);
        assertThat(expected).as("%s has no # expect: %s marker", dir, code).isNotEmpty();
    }
}
