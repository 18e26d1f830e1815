package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvalidRegexRuleTest {
    @ParameterizedTest
    @ValueSource(strings = {"^/api/(?!internal).*", "(?<=a)b", "(a)\\1", ".*+", "a{1001}", "(?>a)", "\\Z", "[a",
            "a**b"})
    void patternsOutsideRe2AreRejected(String regex) {
        assertThat(InvalidRegexRule.problem(regex)).startsWith("error parsing regexp: ")
                .endsWith("; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"^/(en|de)/products/[0-9]+/?$", ".*?", "(?P<id>[0-9]+)", "(?i)abc", "\\d{1,1000}",
            "[[:alpha:]]+", "\\pL", "a|b|"})
    void re2PatternsAreAccepted(String regex) {
        assertThat(InvalidRegexRule.problem(regex)).isNull();
    }

    @Test
    void lengthAndEmptiness() {
        assertThat(InvalidRegexRule.problem("a".repeat(1024))).isNull();
        assertThat(InvalidRegexRule.problem("a".repeat(1025))).isEqualTo(
                "regex is too large, max length allowed is 1024 (this one has 1025 characters)");
        assertThat(InvalidRegexRule.problem("")).isEqualTo("regex string match should not be empty");
    }

    @Test
    void fixturePointsAtEachRegexWithIstiosFieldName() {
        List<Finding> f = RuleTesting.fixtureFindings("GW0510");
        assertThat(f).extracting(x -> x.location().field()).containsExactlyInAnyOrder(
                "/spec/http/0/match/0/uri/regex", "/spec/http/0/match/1/headers/x-user/regex",
                "/spec/http/0/match/2/authority/regex", "/spec/http/0/match/3/queryParams/id/regex",
                "/spec/http/0/rewrite/uriRegexRewrite/match");
        assertThat(f).extracting(Finding::message).anySatisfy(m -> assertThat(m).startsWith(
                "\"uri\": error parsing regexp: invalid or unsupported Perl syntax: `(?!`"));
        assertThat(f).filteredOn(x -> x.message().startsWith("\"uri\"")).singleElement()
                .satisfies(x -> assertThat(x.hint()).contains("no lookahead"));
        assertThat(f).allSatisfy(x -> assertThat(x.aliases()).containsExactly("IST0106"));
    }
}
