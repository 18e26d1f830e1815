package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class MutualTlsCaMissingRuleTest {
    @Test
    void mutualModesWithoutAnyCaAreReportedWithTheSecretToCreate() {
        List<Finding> f = TlsRuleSupport.findings(TlsRuleSupport.run(
                TlsRuleSupport.load(TlsRuleSupport.fixtureDir("GW0105")), TlsRuleSupport.NOW,
                new MutualTlsCaMissingRule()), "GW0105");
        assertThat(f).extracting(Finding::message).containsExactly(
                "The server uses tls.mode MUTUAL but the credential Secret istio-system/no-ca (credentialName "
                        + "\"no-ca\") has no ca.crt (or cacert) key and there is no Secret istio-system/no-ca-cacert: "
                        + "the gateway cannot verify client certificates",
                "The server uses tls.mode OPTIONAL_MUTUAL but the credential Secret istio-system/no-ca (credentialName "
                        + "\"no-ca\") has no ca.crt (or cacert) key and there is no Secret istio-system/no-ca-cacert: "
                        + "the gateway cannot verify client certificates");
        assertThat(f.get(0).hint()).contains("kubectl create -n istio-system secret generic no-ca-cacert");
    }
}
