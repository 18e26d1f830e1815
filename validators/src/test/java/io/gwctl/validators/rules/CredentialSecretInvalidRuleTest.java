package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Severity;
import io.gwctl.validators.ValidationResult;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CredentialSecretInvalidRuleTest {
    private static final CredentialSecretInvalidRule RULE = new CredentialSecretInvalidRule();

    private static ValidationResult fixture(Instant now) {
        return TlsRuleSupport.run(TlsRuleSupport.load(TlsRuleSupport.fixtureDir("GW0102")), now, RULE);
    }

    @Test
    void infoIsTheContractsEntry() {
        assertThat(RULE.info().code()).isEqualTo("GW0102");
        assertThat(RULE.info().severity()).isEqualTo(Severity.ERROR);
        assertThat(RULE.info().aliases()).containsExactly("IST0161");
    }

    @Test
    void eachProblemIsNamedBySecretKeyAndSubject() {
        List<String> messages = TlsRuleSupport.messages(fixture(TlsRuleSupport.NOW), "GW0102");
        String prefix = "The credential Secret istio-system/";
        String workload = " used by the gateway workload istio-system/istio-ingressgateway is invalid: ";
        assertThat(messages).containsExactlyInAnyOrder(
                prefix + "key-mismatch (credentialName \"key-mismatch\")" + workload + "the private key in tls.key "
                        + "does not match the certificate in tls.crt (CN=httpbin.example.com)",
                prefix + "expired (credentialName \"expired\")" + workload + "the certificate in tls.crt "
                        + "(CN=expired.example.com) expired on 2021-01-01T00:00:00Z",
                prefix + "not-yet-valid (credentialName \"not-yet-valid\")" + workload + "the certificate in tls.crt "
                        + "(CN=future.example.com) is not valid before 2120-01-01T00:00:00Z",
                prefix + "wrong-key-names (credentialName \"wrong-key-names\")" + workload + "it has neither tls.crt "
                        + "and tls.key nor cert and key (found keys tls.cert, tls.key)",
                prefix + "broken-chain (credentialName \"broken-chain\")" + workload + "block 2 of 2 in tls.crt does "
                        + "not parse as an X.509 certificate",
                prefix + "empty-values (credentialNames[1] \"empty-values\")" + workload + "the keys tls.crt and "
                        + "tls.key are empty");
    }

    @Test
    void hintsSayWhatToDo() {
        List<Finding> f = TlsRuleSupport.findings(fixture(TlsRuleSupport.NOW), "GW0102");
        assertThat(f).filteredOn(x -> x.message().contains("expired on")).singleElement().extracting(Finding::hint)
                .asString().startsWith("Clients reject a certificate outside its validity period: renew it")
                .contains("kubectl create -n istio-system secret tls expired --cert=fullchain.pem");
        assertThat(f).filteredOn(x -> x.message().contains("does not match")).singleElement().extracting(Finding::hint)
                .asString().startsWith("The gateway cannot serve TLS with this credential. Recreate the Secret");
    }

    @Test
    void datesAreCheckedAgainstTheRunsClock() {
        // In 2020 the expired certificate was valid and the full chain too; the not-yet-valid one is still not.
        List<Finding> in2020 = TlsRuleSupport.findings(fixture(Instant.parse("2020-06-01T00:00:00Z")), "GW0102");
        assertThat(in2020).noneMatch(f -> f.message().contains("expired on"));
        assertThat(in2020).anyMatch(f -> f.message().contains("is not valid before 2120-01-01T00:00:00Z"));
    }

    @Test
    void noSecretDataIsEverPrinted() throws Exception {
        // Every base64 value of the fixture, and every PEM body line of the test keys, must stay out of findings.
        String fixture = Files.readString(TlsRuleSupport.fixtureDir("GW0102").resolve("credential-secret-invalid.yaml"));
        Matcher m = Pattern.compile("(?m)^\\s+(?:tls\\.crt|tls\\.key|cert|key|tls\\.cert): (\\S{16,})$").matcher(fixture);
        List<String> secrets = new java.util.ArrayList<>();
        while (m.find()) {
            secrets.add(m.group(1).substring(0, 16));
        }
        assertThat(secrets).hasSizeGreaterThan(10);
        for (Finding f : fixture(TlsRuleSupport.NOW).findings()) {
            for (String s : secrets) {
                assertThat(f.message() + f.hint()).doesNotContain(s);
            }
            assertThat(f.message() + f.hint()).doesNotContain("-----BEGIN").doesNotContain("MII");
        }
    }
}
