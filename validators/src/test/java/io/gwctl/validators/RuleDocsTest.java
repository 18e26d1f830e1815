package io.gwctl.validators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated parts of the rule pages match the registry: each page's header (code, name, aliases, severity,
 * needs, summary) and {@code docs/rules/README.md}. With {@code -Dgwctl.update-golden=true} they are rewritten, the
 * hand-written rest of each page kept.
 */
class RuleDocsTest {
    private static final boolean UPDATE = Boolean.getBoolean("gwctl.update-golden");

    static Stream<String> documentedCodes() {
        return RuleDocs.documented().stream().map(RuleInfo::code);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedCodes")
    void pageHeaderIsGeneratedFromTheRegistry(String code) throws IOException {
        Path page = RuleFixtures.docPage(code);
        assertThat(page).as("every documented rule has a page").exists();
        RuleInfo info = RuleDocs.find(code).get(0);
        String text = Files.readString(page, StandardCharsets.UTF_8);
        compare(page, text, RuleDocs.withHeader(text, info));
    }

    @Test
    void indexListsEveryDocumentedRule() throws IOException {
        Path readme = RuleFixtures.root().resolve("docs/rules/README.md");
        String expected = RuleDocs.index();
        compare(readme, Files.exists(readme) ? Files.readString(readme, StandardCharsets.UTF_8) : "", expected);
        for (RuleInfo r : RuleDocs.documented()) {
            assertThat(expected).contains("| [" + r.code() + "](" + r.code() + ".md) | " + r.name() + " |");
        }
    }

    @Test
    void headerCarriesCodeAliasesSeverityNeedsAndSummary() {
        RuleInfo r = new RuleInfo("GW9999", "made-up", Severity.WARNING, "Says what it checks",
                List.of("IST0145", "KIA0301"), Set.of(Kind.VIRTUAL_SERVICE, Kind.GATEWAY));
        String header = RuleDocs.header(r);
        assertThat(header).startsWith(RuleDocs.BEGIN + "\n# GW9999 made-up\n")
                .contains("| GW9999 | IST0145, KIA0301 | Warning | Gateway, VirtualService |")
                .contains("\nSays what it checks.\n").endsWith(RuleDocs.END + "\n");
        RuleInfo graded = new RuleInfo("GW9998", "graded", Severity.ERROR, "x.", List.of(), Set.of())
                .withAliases(Severity.ERROR, "IST0106").withAliases(Severity.WARNING, "IST0133");
        assertThat(RuleDocs.header(graded)).contains("| GW9998 | IST0106 (Error), IST0133 (Warning) | Error | any input |");
    }

    @Test
    void regeneratingKeepsTheHandWrittenRestAndIsIdempotent() {
        RuleInfo r = new RuleInfo("GW9999", "made-up", Severity.INFO, "Summary.", List.of(), Set.of());
        String handWritten = "**Severity:** Info, with details\n\n## What it checks\n\nText | with a pipe.\n";
        String old = "# GW9999 made-up\n\n" + handWritten;
        String once = RuleDocs.withHeader(old, r);
        assertThat(once).isEqualTo(RuleDocs.header(r) + "\n" + handWritten);
        assertThat(RuleDocs.withHeader(once, r)).isEqualTo(once);
        RuleInfo renamed = new RuleInfo("GW9999", "renamed", Severity.ERROR, "Other.", List.of("KIA0001"), Set.of());
        assertThat(RuleDocs.withHeader(once, renamed)).isEqualTo(RuleDocs.header(renamed) + "\n" + handWritten);
    }

    @Test
    void findsByCodeNameOrAlias() {
        assertThat(RuleDocs.find("gw0301")).extracting(RuleInfo::code).containsExactly("GW0301");
        assertThat(RuleDocs.find("duplicate-host-port")).extracting(RuleInfo::code).containsExactly("GW0301");
        assertThat(RuleDocs.find("IST0145")).extracting(RuleInfo::code).contains("GW0301");
        assertThat(RuleDocs.find("KIA0301")).extracting(RuleInfo::code).contains("GW0301");
        // One istioctl code can be several gwctl rules: each is named.
        assertThat(RuleDocs.find("IST0101")).hasSizeGreaterThan(1).allMatch(r -> r.aliases().contains("IST0101"));
        assertThat(RuleDocs.find("GW9999")).isEmpty();
    }

    @Test
    void everyDocumentedRuleShipsItsPage() {
        for (RuleInfo r : RuleDocs.documented()) {
            assertThat(RuleDocs.page(r.code())).as(r.code()).hasValueSatisfying(p -> assertThat(p)
                    .contains("# " + r.code() + " " + r.name()));
        }
    }

    private static void compare(Path file, String actual, String expected) throws IOException {
        if (actual.equals(expected)) {
            return;
        }
        if (UPDATE) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
            return;
        }
        fail(RuleFixtures.root().relativize(file) + " is not what the registry generates; run mvn -o -pl validators"
                + " -am test -Dtest=RuleDocsTest -Dsurefire.failIfNoSpecifiedTests=false -Dgwctl.update-golden=true"
                + " and review the diff\n--- expected\n" + expected + "--- actual\n" + actual);
    }
}
