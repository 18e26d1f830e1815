package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.kube.ServicePort;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalNamePortRuleTest {
    @Test
    void tcpAndUnknownPortsOfAnExternalNameServiceAreReported() {
        List<Finding> f = RuleTesting.fixtureFindings("GW0207");
        assertThat(f).extracting(x -> x.location().field()).containsExactly("/spec/ports/0", "/spec/ports/1",
                "/spec/ports/2");
        assertThat(f).allSatisfy(x -> {
            assertThat(x.severity().label()).isEqualTo("Warning");
            assertThat(x.aliases()).containsExactly("IST0150");
        });
        assertThat(f.get(0).message()).isEqualTo("Port name for ExternalName service is invalid: port \"api\" (port "
                + "443) is of no protocol Istio knows, so it is treated as TCP; the proxy may not forward TCP traffic "
                + "to the ExternalName Service shop/payments-api");
        assertThat(f.get(1).message()).contains("the unnamed port (port 8443)");
        assertThat(f.get(2).message()).contains("port \"tcp-legacy\" (port 9000) is TCP;");
    }

    @Test
    void theProtocolComesFromAppProtocolThenTheLongestNamePrefix() {
        assertThat(ExternalNamePortRule.protocol(port("grpc-web-ui", null))).isEqualTo("grpc-web");
        assertThat(ExternalNamePortRule.protocol(port("HTTP2", null))).isEqualTo("http2");
        assertThat(ExternalNamePortRule.protocol(port("web", "https"))).isEqualTo("https");
        assertThat(ExternalNamePortRule.protocol(port("https", "wrong"))).isNull();
        assertThat(ExternalNamePortRule.protocol(port("httpx", null))).isNull();
    }

    private static ServicePort port(String name, String appProtocol) {
        return new ServicePort(0, name, "TCP", 80, 80, null, 0, appProtocol);
    }
}
