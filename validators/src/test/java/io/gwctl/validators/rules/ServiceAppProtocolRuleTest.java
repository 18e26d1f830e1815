package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceAppProtocolRuleTest {
    @Test
    void anUnknownAppProtocolOfAServiceInTheMeshIsReported() {
        List<Finding> f = RuleTesting.fixtureFindings("GW0206");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.resource().friendlyName()).isEqualTo("Service shop/ratings");
            assertThat(x.location().field()).isEqualTo("/spec/ports/0/appProtocol");
            assertThat(x.severity().label()).isEqualTo("Error");
            assertThat(x.aliases()).containsExactly("KIA0602");
            assertThat(x.message()).startsWith("Port appProtocol must follow <protocol> form: \"wrong-mysql\" (port "
                    + "3306) is none of grpc, ").endsWith("; the Service selects Deployment shop/ratings, which gets a "
                    + "sidecar (namespace shop has istio-injection=enabled)");
        });
    }

    @Test
    void knownProtocolsInAnyCaseAndKubernetesOnes() {
        assertThat(ServiceAppProtocolRule.known("HTTP2")).isTrue();
        assertThat(ServiceAppProtocolRule.known("grpc-web")).isTrue();
        assertThat(ServiceAppProtocolRule.known("kubernetes.io/h2c")).isTrue();
        assertThat(ServiceAppProtocolRule.known("kubernetes.io/H2C")).isFalse();
        assertThat(ServiceAppProtocolRule.known("postgres")).isFalse();
    }
}
