package io.gwctl.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.Resource;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.load.LoadProblem;
import io.gwctl.model.load.LoadResult;
import io.gwctl.validators.RuleFixtures.Mark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps every rule complete (STYLE.md §2, §6): registered once, in code order, with well-formed info; a fixture
 * directory with positive and negative cases (checked by {@link RuleFixtureTest}); a doc page whose YAML examples
 * load, the bad one producing the rule's finding and the good one none; and no fixture or page without a rule.
 */
class RuleMetaTest {
    static List<Rule> rules() {
        return RuleRegistry.all();
    }

    @Test
    void registryIsSortedUniqueAndWellFormed() {
        List<String> codes = rules().stream().map(r -> r.info().code()).toList();
        assertThat(codes).isSorted().doesNotHaveDuplicates();
        assertThat(codes).doesNotContain(Validator.INTERNAL_ERROR.code(), Validator.INVALID_INPUT.code(),
                Validator.CHECK_SKIPPED.code());
        Set<String> names = new HashSet<>();
        for (Rule r : rules()) {
            RuleInfo i = r.info();
            assertThat(i.code()).matches("GW[0-9]{4}");
            assertThat(i.name()).as(i.code()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(names.add(i.name())).as("duplicate rule name %s", i.name()).isTrue();
            assertThat(i.severity()).as(i.code()).isNotNull();
            assertThat(i.summary()).as(i.code()).isNotBlank();
            assertThat(i.aliases()).as(i.code()).allMatch(a -> a.matches("(IST|KIA)[0-9]{4}"));
            assertThat(r.getClass().getPackageName()).isEqualTo("io.gwctl.validators.rules");
            assertThat(r.getClass().getSimpleName()).endsWith("Rule");
            assertThat(r.info()).as("info() is constant").isEqualTo(i);
        }
    }

    @Test
    void everyFixtureDirAndDocPageBelongsToARegisteredRule() {
        Set<String> codes = new HashSet<>(rules().stream().map(r -> r.info().code()).toList());
        assertThat(RuleFixtures.fixtureCodes()).as("testdata/rules/* without a registered rule")
                .allMatch(codes::contains);
        codes.add(Validator.INVALID_INPUT.code()); // the one engine code with a page: users meet it in every format
        assertThat(RuleFixtures.docCodes()).as("docs/rules/*.md without a registered rule").allMatch(codes::contains);
    }

    /**
     * GW0001 is not a rule but has a page like one (SARIF's helpUri points at it): its bad examples fail to load and
     * each problem becomes a GW0001 finding at the problem's line; its good examples load without a problem.
     */
    @Test
    void inputProblemPageShowsInputThatDoesNotLoadAndInputThatDoes() throws IOException {
        RuleInfo info = Validator.INVALID_INPUT;
        Path page = RuleFixtures.root().resolve(info.docPath());
        String text = Files.readString(page);
        assertThat(text).contains("# " + info.code() + " " + info.name()).containsIgnoringCase("cannot be suppressed");
        Map<String, StringBuilder> groups = yamlBlocksByHeading(text);
        assertThat(groups.keySet()).containsExactly("Bad", "Good");
        LoadResult bad = RuleFixtures.loadString(groups.get("Bad").toString(), "bad.yaml");
        assertThat(bad.problems()).extracting(LoadProblem::line).containsExactly(10, 18);
        ValidationResult r = Validator.withInputProblems(ValidationResult.NOTHING_CHECKED, bad.problems());
        assertThat(r.printed()).extracting(f -> f.code() + " " + f.severity() + " " + f.resource() + " "
                + f.location().fileAndLine()).containsExactly(
                        "GW0001 ERROR File bad.yaml bad.yaml:18", "GW0001 ERROR Gateway shop/web bad.yaml:10");
        LoadResult good = RuleFixtures.loadString(groups.get("Good").toString(), "good.yaml");
        assertThat(good.problems()).extracting(LoadProblem::format).isEmpty();
        assertThat(good.snapshot().size()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codes")
    void fixtureHasPositiveAndNegativeResources(String code) {
        Path dir = RuleFixtures.fixtureDir(code);
        assertThat(dir).as("fixture directory of %s", code).isDirectory();
        assertThat(RuleFixtures.yamlFiles(dir)).as("YAML files in %s", dir).isNotEmpty();
        LoadResult loaded = RuleFixtures.load(List.of(dir));
        List<Resource> resources = loaded.snapshot().all();
        Set<Resource> positive = new HashSet<>();
        for (Mark m : RuleFixtures.expectations(dir)) {
            if (m.code().equals(code)) {
                RuleFixtures.owner(resources, dir, m.file(), m.line()).ifPresent(positive::add);
            }
        }
        assertThat(positive).as("%s: no resource carries a # expect: %s marker", dir, code).isNotEmpty();
        Set<String> positiveKinds = new HashSet<>();
        positive.forEach(r -> positiveKinds.add(r.kind().kindName()));
        List<Resource> negative = resources.stream().filter(r -> positiveKinds.contains(r.kind().kindName()))
                .filter(r -> !positive.contains(r)).toList();
        assertThat(negative).as("%s: needs a %s without a finding (a negative case)", dir, positiveKinds)
                .isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codes")
    void docPageExplainsWithExamplesThatBehave(String code) throws IOException {
        RuleInfo info = rules().stream().map(Rule::info).filter(i -> i.code().equals(code)).findFirst().orElseThrow();
        Path page = RuleFixtures.root().resolve(info.docPath());
        assertThat(page).as("doc page of %s", code).isRegularFile();
        String text = Files.readString(page);
        assertThat(text).as(page.toString()).contains(code, info.name()).containsIgnoringCase("suppress");
        for (String alias : info.aliases()) {
            assertThat(text).as("%s names alias %s", page, alias).contains(alias);
        }
        Map<String, StringBuilder> groups = yamlBlocksByHeading(text);
        assertThat(groups).as("%s: ```yaml examples", page).isNotEmpty();
        boolean bad = false;
        boolean good = false;
        for (Map.Entry<String, StringBuilder> g : groups.entrySet()) {
            LoadResult loaded = RuleFixtures.loadString(g.getValue().toString(), page + " (" + g.getKey() + ")");
            assertThat(loaded.problems()).as("%s, examples under \"%s\" load", page, g.getKey())
                    .extracting(LoadProblem::format).isEmpty();
            long found = Validator.run(loaded.snapshot(), ValidateOptions.defaults().withNow(RuleFixtures.DEFAULT_NOW))
                    .findings().stream().filter(f -> f.code().equals(code)).count();
            String heading = g.getKey().toLowerCase(java.util.Locale.ROOT);
            if (heading.contains("bad")) {
                bad = true;
                assertThat(found).as("%s: the example under \"%s\" produces %s", page, g.getKey(), code)
                        .isPositive();
            } else if (heading.contains("good")) {
                good = true;
                assertThat(found).as("%s: the example under \"%s\" produces no %s", page, g.getKey(), code)
                        .isZero();
            }
        }
        assertThat(bad).as("%s has a heading with \"bad\" over a ```yaml example", page).isTrue();
        assertThat(good).as("%s has a heading with \"good\" over a ```yaml example", page).isTrue();
    }

    static List<String> codes() {
        return rules().stream().map(r -> r.info().code()).toList();
    }

    /** The ```yaml blocks of a page grouped by the nearest heading above them, joined as one multi-document YAML. */
    static Map<String, StringBuilder> yamlBlocksByHeading(String markdown) {
        Map<String, StringBuilder> out = new LinkedHashMap<>();
        String heading = "";
        List<String> block = null;
        for (String line : markdown.split("\n", -1)) {
            if (block != null) {
                if (line.trim().startsWith("```")) {
                    StringBuilder sb = out.computeIfAbsent(heading, k -> new StringBuilder());
                    if (sb.length() > 0) {
                        sb.append("---\n");
                    }
                    block.forEach(l -> sb.append(l).append('\n'));
                    block = null;
                } else {
                    block.add(line);
                }
            } else if (line.trim().equals("```yaml") || line.trim().equals("```yml")) {
                block = new ArrayList<>();
            } else if (line.startsWith("#")) {
                heading = line.replaceFirst("^#+\\s*", "").trim();
            }
        }
        return out;
    }
}
