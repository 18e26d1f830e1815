package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validators.RuleFixtures;
import io.gwctl.validators.RuleRegistry;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.ValidationResult;
import io.gwctl.validators.Validator;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The TLS rule fixtures (testdata/rules/GW01xx) with all rules at the REAL clock, unlike RuleFixtureTest's fixed one:
 * the certificates' validity windows are chosen so that the {@code # expect:} markers hold on any date (before 2120),
 * and this test would notice one that rots. A directory that pins its instant with {@code # now:} (GW0103: "expires
 * within 30 days" cannot be baked into a certificate) is run at that instant.
 */
class TlsRuleFixtureTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GW0101", "GW0102", "GW0103", "GW0104", "GW0105", "GW0110"})
    void markersAreExactlyTheFindingsAtTheRealClock(String code) {
        Path dir = TlsRuleSupport.fixtureDir(code);
        // RuleFixtures.now gives its fixed default when the directory pins no instant: use the real clock then.
        Instant pinned = RuleFixtures.now(dir);
        Instant now = pinned.equals(RuleFixtures.DEFAULT_NOW) ? Instant.now() : pinned;
        ValidationResult r = Validator.run(TlsRuleSupport.load(dir), ValidateOptions.defaults().withNow(now),
                RuleRegistry.all());
        assertThat(TlsRuleSupport.marks(dir, r, code)).isNotEmpty().isEqualTo(TlsRuleSupport.markers(dir, code));
        assertThat(TlsRuleSupport.findings(r, "GW0000")).as("internal errors").isEmpty();
    }
}
