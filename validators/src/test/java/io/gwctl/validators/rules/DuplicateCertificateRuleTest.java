package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateCertificateRuleTest {
    private static final DuplicateCertificateRule RULE = new DuplicateCertificateRule();

    @Test
    void eachDuplicateIsReportedOnceOnTheLaterGatewayNamingTheEarlier() {
        List<Finding> f = TlsRuleSupport.findings(TlsRuleSupport.run(
                TlsRuleSupport.load(TlsRuleSupport.fixtureDir("GW0110")), TlsRuleSupport.NOW, RULE), "GW0110");
        assertThat(f).extracting(x -> x.resource().friendlyName())
                .containsExactly("Gateway apps/b", "Gateway apps/c", "Gateway apps/g", "Gateway apps/y-late");
        assertThat(f).allMatch(x -> x.location().field().equals("/metadata/name") && x.severity() == Severity.WARNING
                && x.aliases().equals(List.of("IST0138")));
        assertThat(f.get(0).message()).isEqualTo("Duplicate certificate in multiple gateways: Gateway apps/b uses the "
                + "same certificate (credentialName \"shared-cert\", Secret istio-system/shared-cert) as Gateway "
                + "istio-system/a on gateway workload istio-system/istio-ingressgateway; clients that reuse an HTTP/2 "
                + "connection across their hosts may get 404s");
        assertThat(f.get(2).message()).contains("(serverCertificate /etc/certs/shared/tls.crt, privateKey "
                + "/etc/certs/shared/tls.key) as Gateway apps/f");
        assertThat(f.get(3).message()).contains("as Gateway apps/z-early");
    }

    @Test
    void manyGatewaysSharingOneCertificateNameOnlyTheFirst() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            yaml.append(TlsRuleSupport.tlsGateway(String.format("gw-%02d", i), "istio-system", "h" + i + ".example.com",
                    "wildcard"));
        }
        List<Finding> f = TlsRuleSupport.findings(TlsRuleSupport.run(TlsRuleSupport.loadString(yaml.toString()),
                TlsRuleSupport.NOW, RULE), "GW0110");
        assertThat(f).hasSize(49);
        assertThat(f).allMatch(x -> x.message().contains(" as Gateway istio-system/gw-00 on "));
    }
}
