package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Severity;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.ValidationResult;
import io.gwctl.validators.Validator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GW0103 at instants chosen relative to the fixture certificates' notAfter (soon-cred: 2126-01-01T00:00:00Z). */
class CredentialCertExpiringRuleTest {
    private static final CredentialCertExpiringRule RULE = new CredentialCertExpiringRule();
    private static final Instant SOON_NOT_AFTER = Instant.parse("2126-01-01T00:00:00Z");

    private static List<Finding> at(Instant now, Duration window) {
        ValidationResult r = Validator.run(TlsRuleSupport.load(TlsRuleSupport.fixtureDir("GW0103")),
                ValidateOptions.defaults().withNow(now).withCertExpiryWarning(window), List.of(RULE));
        return TlsRuleSupport.findings(r, "GW0103");
    }

    @Test
    void infoIsTheContractsEntry() {
        assertThat(RULE.info().severity()).isEqualTo(Severity.WARNING);
        // istioctl's IST0161 (an Error) reports the certificate only once it has expired: that is GW0102's.
        assertThat(RULE.info().aliases()).isEmpty();
    }

    @Test
    void messageGivesTheDateAndTheDaysLeft() {
        List<Finding> f = at(SOON_NOT_AFTER.minus(Duration.ofDays(12)), Duration.ofDays(30));
        assertThat(f).hasSize(1);
        assertThat(f.get(0).message()).isEqualTo("The certificate in tls.crt of the credential Secret "
                + "istio-system/soon-cred (credentialName \"soon-cred\") (CN=httpbin.example.com) expires on "
                + "2126-01-01T00:00:00Z, in 12 days");
        assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(f.get(0).location().field()).isEqualTo("/spec/servers/0/tls/credentialName");
    }

    @Test
    void theWindowIsTheRunsSetting() {
        Instant now = SOON_NOT_AFTER.minus(Duration.ofDays(12));
        assertThat(at(now, Duration.ofDays(10))).isEmpty();
        // long-cred expires on 2126-06-01, 163 days later: only a wide window reaches it.
        assertThat(at(now, Duration.ofDays(200))).hasSize(2);
    }

    @Test
    void lastDayAndExpiredCertificates() {
        assertThat(at(SOON_NOT_AFTER.minus(Duration.ofHours(5)), Duration.ofDays(30)))
                .singleElement().extracting(Finding::message).asString().endsWith("in less than a day");
        assertThat(at(SOON_NOT_AFTER.minus(Duration.ofHours(30)), Duration.ofDays(30)))
                .singleElement().extracting(Finding::message).asString().endsWith("in 1 day");
        // After notAfter it is GW0102's business.
        assertThat(at(SOON_NOT_AFTER.plusSeconds(1), Duration.ofDays(30))).isEmpty();
        // Today: far from expiry.
        assertThat(at(TlsRuleSupport.NOW, Duration.ofDays(30))).isEmpty();
    }
}
