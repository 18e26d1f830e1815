package io.gwctl.model.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The warm-up reads a real certificate, so that it loads the code a Secret's certificate needs, and never fails. */
class TlsWarmUpTest {
    @Test
    void itsCertificateParsesAsX509() {
        TlsCredential c = TlsCredential.read(Set.of("tls.crt", "tls.key"), Map.of(
                "tls.crt", TlsWarmUp.CERT.getBytes(StandardCharsets.US_ASCII), "tls.key", new byte[] {'-'}));
        assertThat(c.chain()).hasSize(1);
        assertThat(c.leaf().subject()).contains("gwctl warm-up");
        // Only the missing key is a problem: the certificate itself read cleanly.
        assertThat(c.problems()).hasSize(1).allMatch(p -> p.startsWith("tls.key "));
    }

    @Test
    void runsWithoutThrowing() {
        assertThatCode(() -> new TlsWarmUp().run()).doesNotThrowAnyException();
    }
}
