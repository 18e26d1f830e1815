package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validators.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The "Bad" example of each rule's doc page makes the rule report, and the "Good" example does not: the examples
 * users copy from are test fixtures too (STYLE.md §6).
 */
class RuleDocExamplesTest {

    static Stream<Rule> rules() {
        return Stream.of(new GatewayRefNotFoundRule(), new GatewayRefLegacyFormatRule(), new VsHostNotOnGatewayRule(),
                new GatewayHostUnboundRule(), new DuplicatePortNameRule(), new TlsProtocolMismatchRule(),
                new ConflictingCertSourcesRule(), new InvalidProtocolRule(), new InvalidPortRule(),
                new ServerWithoutHostsRule(), new TlsModeRequirementsRule());
    }

    @ParameterizedTest
    @MethodSource("rules")
    void badExampleReportsAndGoodExampleDoesNot(Rule rule) throws IOException {
        Path doc = Path.of(System.getProperty("gwctl.root.dir", "..")).resolve(rule.info().docPath());
        String text = Files.readString(doc);
        assertThat(RuleHarness.run(rule, example(text, "## Bad"))).as("Bad example of " + doc).isNotEmpty();
        assertThat(RuleHarness.run(rule, example(text, "## Good"))).as("Good example of " + doc).isEmpty();
    }

    /** The first ```yaml block after {@code heading}. */
    private static String example(String doc, String heading) {
        int h = doc.indexOf("\n" + heading + "\n");
        assertThat(h).as(heading + " section").isNotNegative();
        int start = doc.indexOf("```yaml\n", h);
        int end = doc.indexOf("\n```", start);
        assertThat(start).as("yaml block under " + heading).isNotNegative();
        return doc.substring(start + "```yaml\n".length(), end + 1);
    }
}
