package io.gwctl.validators.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostCoverageTest {
    @Test
    void namesAreDnsSansOrTheCnWhenThereAreNone() {
        assertThat(TlsCredentialTest.info("rsa.crt.pem").names())
                .containsExactly("httpbin.example.com", "*.apps.example.com");
        assertThat(TlsCredentialTest.info("nosan.crt.pem").names()).containsExactly("cn-only.example.com");
    }

    @Test
    void wildcardCoversExactlyOneLabel() {
        List<String> names = List.of("httpbin.example.com", "*.apps.example.com");
        assertThat(HostCoverage.covers(names, "httpbin.example.com")).isTrue();
        assertThat(HostCoverage.covers(names, "a.apps.example.com")).isTrue();
        assertThat(HostCoverage.covers(names, "*.apps.example.com")).isTrue();
        assertThat(HostCoverage.covers(names, "apps.example.com")).isFalse();
        assertThat(HostCoverage.covers(names, "a.b.apps.example.com")).isFalse();
        assertThat(HostCoverage.covers(names, "*.b.apps.example.com")).isFalse();
        assertThat(HostCoverage.covers(names, "other.example.com")).isFalse();
        assertThat(HostCoverage.covers(names, "xapps.example.com")).isFalse();
    }

    @Test
    void gatewayHostsLoseTheirNamespaceAndStarIsSkipped() {
        assertThat(HostCoverage.hostToCheck("prod/HTTPBIN.example.com")).isEqualTo("httpbin.example.com");
        assertThat(HostCoverage.hostToCheck("./a.com")).isEqualTo("a.com");
        assertThat(HostCoverage.hostToCheck("*")).isNull();
        assertThat(HostCoverage.hostToCheck("*/*")).isNull();
        assertThat(HostCoverage.hostToCheck("*.a.com")).isEqualTo("*.a.com");
    }
}
