package io.gwctl.model.finding;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.Kind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleInfoTest {
    private static final RuleInfo PLAIN = new RuleInfo("GW0999", "plain", Severity.ERROR, "A rule.",
            List.of("IST0101", "KIA1102"), Set.of(Kind.GATEWAY));

    @Test
    void aliasesWithoutSeveritiesFitEveryFinding() {
        assertThat(PLAIN.aliasesAt(Severity.ERROR)).containsExactly("IST0101", "KIA1102");
        assertThat(PLAIN.aliasesAt(Severity.INFO)).containsExactly("IST0101", "KIA1102");
        assertThat(PLAIN.aliasesBySeverity()).isEmpty();
    }

    @Test
    void aliasesBySeverityGoToTheFindingsOfThatSeverityOnly() {
        RuleInfo r = PLAIN.withAliases(Severity.WARNING, "IST0133").withAliases(Severity.ERROR, "IST0106");
        assertThat(r.aliases()).containsExactly("IST0106", "IST0133");
        assertThat(r.aliasesAt(Severity.ERROR)).containsExactly("IST0106");
        assertThat(r.aliasesAt(Severity.WARNING)).containsExactly("IST0133");
        assertThat(r.aliasesAt(Severity.INFO)).isEmpty();
        assertThat(r.withAliases(Severity.WARNING, "IST0133")).isEqualTo(r);
    }
}
