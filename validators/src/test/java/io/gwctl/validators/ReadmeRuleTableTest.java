package io.gwctl.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.RuleInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's table of every rule (between {@code <!-- rules:begin -->} and {@code <!-- rules:end -->}) is generated
 * from the registry and the rule pages: code (linked to its page), aliases, severity, the rule's summary, and the first
 * sentence of the page's "How it differs from istioctl analyze and Kiali" section. Every page has that section. The
 * table is rewritten with {@code -Dgwctl.update-golden=true}; otherwise it must match.
 */
class ReadmeRuleTableTest {
    static final String SECTION = "## How it differs from istioctl analyze and Kiali";
    private static final String BEGIN = "<!-- rules:begin -->";
    private static final String END = "<!-- rules:end -->";
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.+?[.!?])(?=\\s|$)", Pattern.DOTALL);

    @Test
    void theReadmeListsEveryRuleAsTheRegistryAndThePagesSay() throws IOException {
        Path readme = RuleFixtures.root().resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("README has " + BEGIN).isNotNegative();
        assertThat(end).as("README has " + END).isGreaterThan(begin);
        String table = table();
        String updated = text.substring(0, begin + BEGIN.length()) + "\n" + table + text.substring(end);
        if (Boolean.getBoolean("gwctl.update-golden")) {
            Files.writeString(readme, updated, StandardCharsets.UTF_8);
            return;
        }
        assertThat(text.substring(begin + BEGIN.length() + 1, end)).as("the README's rule table (rewrite it with "
                + "mvn verify -Dgwctl.update-golden=true)").isEqualTo(table);
    }

    static String table() throws IOException {
        List<RuleInfo> infos = new ArrayList<>();
        for (Rule r : RuleRegistry.all()) {
            infos.add(r.info());
        }
        infos.add(Validator.INVALID_INPUT);
        infos.sort(Comparator.comparing(RuleInfo::code));
        StringBuilder b = new StringBuilder("| code | aliases | severity | what it checks | compared with istioctl "
                + "analyze and Kiali |\n|---|---|---|---|---|\n");
        for (RuleInfo i : infos) {
            b.append("| [").append(i.code()).append("](docs/rules/").append(i.code()).append(".md) `")
                    .append(i.name()).append("` | ").append(i.aliases().isEmpty() ? "–" : String.join(", ",
                            i.aliases())).append(" | ").append(i.severity().label()).append(" | ")
                    .append(cell(i.summary())).append(" | ").append(cell(difference(i.code()))).append(" |\n");
        }
        return b.toString();
    }

    /** The first sentence of the page's comparison section. */
    static String difference(String code) throws IOException {
        String page = Files.readString(RuleFixtures.docPage(code), StandardCharsets.UTF_8);
        int at = page.indexOf("\n" + SECTION + "\n");
        assertThat(at).as("docs/rules/%s.md has a section \"%s\"", code, SECTION).isNotNegative();
        String body = page.substring(at + SECTION.length() + 2).stripLeading();
        int next = body.indexOf("\n## ");
        String paragraph = (next < 0 ? body : body.substring(0, next)).split("\n\n", 2)[0]
                .replaceFirst("^[*-] ", "").replaceAll("\\s+", " ").trim();
        Matcher m = FIRST_SENTENCE.matcher(paragraph);
        return m.find() ? m.group(1) : paragraph;
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").trim();
    }
}
