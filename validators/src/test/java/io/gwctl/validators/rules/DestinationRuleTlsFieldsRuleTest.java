package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class DestinationRuleTlsFieldsRuleTest {
    @Test
    void mutualWithoutCertificateOrKeyAndWithoutCredentialNameIsReported() {
        List<Finding> f = RuleTesting.fixtureFindings("GW0516");
        assertThat(f).extracting(x -> x.location().field() + " " + x.message()).containsExactlyInAnyOrder(
                "/spec/trafficPolicy/tls/mode private key required for mutual tls (spec.trafficPolicy.tls)",
                "/spec/subsets/0/trafficPolicy/tls/mode client certificate required for mutual tls "
                        + "(spec.subsets.0.trafficPolicy.tls)",
                "/spec/subsets/0/trafficPolicy/tls/mode private key required for mutual tls "
                        + "(spec.subsets.0.trafficPolicy.tls)");
        assertThat(f).allSatisfy(x -> {
            assertThat(x.severity().label()).isEqualTo("Error");
            assertThat(x.aliases()).containsExactly("IST0106");
            assertThat(x.resource().friendlyName()).isEqualTo("DestinationRule shop/db-mtls");
        });
    }
}
