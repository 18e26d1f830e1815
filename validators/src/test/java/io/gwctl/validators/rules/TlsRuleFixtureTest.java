package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validators.RuleRegistry;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.ValidationResult;
import io.gwctl.validators.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The TLS rule fixtures (testdata/rules/GW01xx) with all rules at the REAL clock, unlike RuleFixtureTest's fixed one:
 * the certificates' validity windows are chosen so that the {@code # expect:} markers hold on any date (before 2120),
 * and this test would notice one that rots. A directory that pins its instant with {@code # now:} (GW0103: "expires
 * within 30 days" cannot be baked into a certificate) is run at that instant.
 */
class TlsRuleFixtureTest {
    private static final Pattern NOW = Pattern.compile("(?m)^\\s*#\\s*now:\\s*(\\S+)\\s*$");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GW0101", "GW0102", "GW0103", "GW0104", "GW0105", "GW0110"})
    void markersAreExactlyTheFindings(String code) throws IOException {
        Path dir = TlsRuleSupport.fixtureDir(code);
        ValidationResult r = Validator.run(TlsRuleSupport.load(dir),
                ValidateOptions.defaults().withNow(fixtureNow(dir)), RuleRegistry.all());
        assertThat(TlsRuleSupport.lines(r, code)).isNotEmpty()
                .isEqualTo(TlsRuleSupport.markers(dir, code));
        assertThat(TlsRuleSupport.findings(r, "GW0000")).as("internal errors").isEmpty();
    }

    /** The instant a fixture directory pins, else now. */
    static Instant fixtureNow(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Matcher m = NOW.matcher(Files.readString(f));
                if (m.find()) {
                    return Instant.parse(m.group(1));
                }
            }
        }
        return Instant.now();
    }
}
