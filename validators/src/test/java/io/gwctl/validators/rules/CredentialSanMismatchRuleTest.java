package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialSanMismatchRuleTest {
    private static final CredentialSanMismatchRule RULE = new CredentialSanMismatchRule();

    @Test
    void uncoveredHostsAndTheCertificateNamesAreNamed() {
        List<Finding> f = TlsRuleSupport.findings(TlsRuleSupport.run(
                TlsRuleSupport.load(TlsRuleSupport.fixtureDir("GW0104")), TlsRuleSupport.NOW, RULE), "GW0104");
        assertThat(f).extracting(Finding::message).containsExactly(
                "The certificate of the credential Secret istio-system/httpbin-cred (credentialName \"httpbin-cred\") "
                        + "does not cover hosts deep.shop.apps.example.com, www.example.com of this server; it has "
                        + "names httpbin.example.com, *.apps.example.com",
                "The certificate of the credential Secret istio-system/cn-only-cred (credentialName \"cn-only-cred\") "
                        + "does not cover host other.example.com of this server; it has names cn-only.example.com");
        assertThat(f).extracting(x -> x.location().field())
                .containsExactly("/spec/servers/0/hosts/1", "/spec/servers/1/hosts/0");
        assertThat(f).allMatch(x -> x.severity() == Severity.WARNING && x.aliases().isEmpty());
    }
}
