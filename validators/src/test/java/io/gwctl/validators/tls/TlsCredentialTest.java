package io.gwctl.validators.tls;

import static io.gwctl.validators.tls.TlsTestData.concat;
import static io.gwctl.validators.tls.TlsTestData.pem;
import static io.gwctl.validators.tls.TlsTestData.secret;
import static io.gwctl.validators.tls.TlsTestData.tlsSecret;
import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.kube.Secret;
import io.gwctl.model.tls.CertificateInfo;
import io.gwctl.model.tls.KeyMatch;
import io.gwctl.model.tls.PemBlock;
import io.gwctl.model.tls.PrivateKeys;
import io.gwctl.model.tls.TlsCredential;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsCredentialTest {
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({
        "rsa.crt.pem, rsa.key.pem",
        "rsa.crt.pem, rsa.pkcs1.key.pem",
        "ec.crt.pem, ec.key.pem",
        "ec.crt.pem, ec.sec1.key.pem",
        "ed25519.crt.pem, ed25519.key.pem",
    })
    void validPairsInEveryKeyEncodingHaveNoProblems(String cert, String key) {
        TlsCredential c = read(tlsSecret("ok", cert, key));
        assertThat(c.problems()).isEmpty();
        assertThat(c.validityProblems(NOW)).isEmpty();
        assertThat(c.keyKey()).isEqualTo("tls.key");
        assertThat(c.certKey()).isEqualTo("tls.crt");
        assertThat(c.keyKey()).isEqualTo("tls.key");
    }

    @Test
    void opensslEcKeyWithLeadingParametersBlockParses() {
        byte[] key = concat("-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                .getBytes(StandardCharsets.US_ASCII), pem("ec.sec1.key.pem"));
        Secret s = secret("ns", "ec", Map.of("tls.crt", pem("ec.crt.pem"), "tls.key", key));
        assertThat(read(s).problems()).isEmpty();
    }

    @Test
    void windowsLineEndingsAndTextAroundBlocksAreAccepted() {
        byte[] crt = ("subject=CN = httpbin.example.com\r\n" + new String(pem("rsa.crt.pem"), StandardCharsets.US_ASCII)
                .replace("\n", "\r\n")).getBytes(StandardCharsets.US_ASCII);
        byte[] key = new String(pem("rsa.pkcs1.key.pem"), StandardCharsets.US_ASCII).replace("\n", "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        TlsCredential c = read(secret("ns", "crlf", Map.of("tls.crt", crt, "tls.key", key)));
        assertThat(c.problems()).isEmpty();
        assertThat(c.chain()).hasSize(1);
    }

    @Test
    void fullChainParsesEveryBlock() {
        Secret s = secret("ns", "chain", Map.of("tls.crt", concat(pem("rsa.crt.pem"), pem("ca.crt.pem")),
                "tls.key", pem("rsa.key.pem")));
        TlsCredential c = read(s);
        assertThat(c.problems()).isEmpty();
        assertThat(c.chain()).hasSize(2);
        assertThat(c.leaf().subject()).isEqualTo("CN=httpbin.example.com");
    }

    @Test
    void keyOfAnotherRsaCertificateDoesNotMatch() {
        TlsCredential c = read(tlsSecret("x", "rsa.crt.pem", "other-rsa.key.pem"));
        assertThat(c.problems()).containsExactly(
                "the private key in tls.key does not match the certificate in tls.crt (CN=httpbin.example.com)");
    }

    @Test
    void keyOfAnotherAlgorithmDoesNotMatch() {
        assertThat(read(tlsSecret("x", "ec.crt.pem", "rsa.key.pem")).problems()).hasSize(1);
        assertThat(read(tlsSecret("x", "rsa.crt.pem", "ec.key.pem")).problems()).hasSize(1);
        assertThat(read(tlsSecret("x", "ed25519.crt.pem", "ec.sec1.key.pem")).problems()).hasSize(1);
    }

    @Test
    void ecKeyOfAnotherEcCertificateDoesNotMatchBySignature() {
        // Same curve, different key: only the signature check can tell (lint catalogue §5 C.3).
        assertThat(KeyMatch.matches(key("ec.key.pem"), cert("ec.crt.pem").getPublicKey())).isTrue();
        assertThat(KeyMatch.matches(key("ec.key.pem"), cert("ca.crt.pem").getPublicKey())).isFalse();
        assertThat(KeyMatch.matches(key("ed25519.key.pem"), cert("ed25519.crt.pem").getPublicKey())).isTrue();
    }

    @Test
    void corruptedSecondBlockOfTheChainIsReported() {
        // istio#45324: istioctl reads only the first block, so a broken intermediate goes unnoticed.
        String ca = new String(pem("ca.crt.pem"), StandardCharsets.US_ASCII);
        String broken = ca.replaceFirst("\n[A-Za-z0-9+/]{10}", "\n!!!!!!!!!!");
        Secret s = secret("ns", "x", Map.of("tls.crt", concat(pem("rsa.crt.pem"),
                broken.getBytes(StandardCharsets.US_ASCII)), "tls.key", pem("rsa.key.pem")));
        assertThat(read(s).problems()).containsExactly("block 2 of 2 in tls.crt is not valid base64 or "
                + "is truncated");
        String garbled = ca.replaceFirst("\n[A-Za-z0-9+/]{12}", "\nAAAAAAAAAAAA");
        s = secret("ns", "x", Map.of("tls.crt", concat(pem("rsa.crt.pem"),
                garbled.getBytes(StandardCharsets.US_ASCII)), "tls.key", pem("rsa.key.pem")));
        assertThat(read(s).problems())
                .containsExactly("block 2 of 2 in tls.crt does not parse as an X.509 certificate");
    }

    @Test
    void aCertificateBlockHoldingPemTextInsteadOfDerIsNoCertificate() {
        // The JDK's factory would read the decoded text as PEM and accept it; Envoy reads DER.
        byte[] nested = ("-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(pem("rsa.crt.pem"))
                + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII);
        Secret s = secret("ns", "x", Map.of("tls.crt", nested, "tls.key", pem("rsa.key.pem")));

        assertThat(read(s).problems()).containsExactly("tls.crt does not parse as an X.509 certificate");
    }

    @Test
    void keyInTheCertificateKeyIsNamed() {
        Secret s = secret("ns", "x", Map.of("tls.crt", pem("rsa.key.pem"), "tls.key", pem("rsa.key.pem")));
        assertThat(read(s).problems()).containsExactly("tls.crt is a PRIVATE KEY, not a CERTIFICATE");
    }

    @Test
    void missingAndEmptyKeysAreNamedLikeIstio() {
        byte[] junk = "hush hush hush\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(read(secret("ns", "x", Map.of("tls.cert", junk))).problems())
                .containsExactly("it has neither tls.crt and tls.key nor cert and key (found keys tls.cert)");
        assertThat(read(secret("ns", "x", Map.of("tls.crt", new byte[0], "tls.key", new byte[0])))
                .problems()).containsExactly("the keys tls.crt and tls.key are empty");
        assertThat(read(secret("ns", "x", Map.of())).problems())
                .containsExactly("it has neither tls.crt and tls.key nor cert and key (found no keys)");
    }

    @Test
    void genericCertAndKeyArePreferredAndNonPemIsReported() {
        byte[] junk = "hush hush hush\n".getBytes(StandardCharsets.US_ASCII);
        Secret s = secret("ns", "x", Map.of("cert", junk, "key", junk, "tls.crt", pem("rsa.crt.pem"),
                "tls.key", pem("rsa.key.pem")));
        TlsCredential c = read(s);
        assertThat(c.certKey()).isEqualTo("cert");
        assertThat(c.problems()).containsExactly(
                "cert is not PEM-encoded (no -----BEGIN CERTIFICATE----- block)",
                "key is not PEM-encoded (no -----BEGIN ... PRIVATE KEY----- block)");
    }

    @Test
    void encryptedKeysAreReportedAsSuch() {
        byte[] enc = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----\n"
                .getBytes(StandardCharsets.US_ASCII);
        Secret s = secret("ns", "x", Map.of("tls.crt", pem("rsa.crt.pem"), "tls.key", enc));
        assertThat(read(s).problems()).containsExactly(
                "tls.key is encrypted (ENCRYPTED PRIVATE KEY); Envoy needs an unencrypted private key");
        byte[] legacy = ("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\n"
                + "AAAA\n-----END RSA PRIVATE KEY-----\n").getBytes(StandardCharsets.US_ASCII);
        s = secret("ns", "x", Map.of("tls.crt", pem("rsa.crt.pem"), "tls.key", legacy));
        assertThat(read(s).problems()).containsExactly(
                "tls.key is encrypted (RSA PRIVATE KEY); Envoy needs an unencrypted private key");
    }

    @Test
    void truncatedKeyIsReportedWithoutItsBytes() {
        String key = new String(pem("rsa.key.pem"), StandardCharsets.US_ASCII);
        String truncated = key.substring(0, key.length() / 2) + "\n-----END PRIVATE KEY-----\n";
        Secret s = secret("ns", "x", Map.of("tls.crt", pem("rsa.crt.pem"), "tls.key",
                truncated.getBytes(StandardCharsets.US_ASCII)));
        TlsCredential c = read(s);
        assertThat(c.problems()).hasSize(1);
        assertThat(c.problems().get(0)).startsWith("tls.key has a PRIVATE KEY block that ");
        assertThat(c.problems().get(0)).doesNotContain("MII");
    }

    @Test
    void expiredAndNotYetValidCertificatesAreReportedWithTheirDates() {
        assertThat(read(tlsSecret("x", "expired.crt.pem", "rsa.key.pem")).validityProblems(NOW))
                .containsExactly("the certificate in tls.crt (CN=expired.example.com) expired on 2021-01-01T00:00:00Z");
        assertThat(read(tlsSecret("x", "future.crt.pem", "rsa.key.pem")).validityProblems(NOW))
                .containsExactly("the certificate in tls.crt (CN=future.example.com) is not valid before "
                        + "2120-01-01T00:00:00Z");
        // Inside the window: no problem.
        assertThat(read(tlsSecret("x", "expired.crt.pem", "rsa.key.pem"))
                .validityProblems(Instant.parse("2020-06-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void expiredIntermediateIsReportedByPosition() {
        Secret s = secret("ns", "x", Map.of("tls.crt", concat(pem("rsa.crt.pem"), pem("expired.crt.pem")),
                "tls.key", pem("rsa.key.pem")));
        assertThat(read(s).validityProblems(NOW)).containsExactly("certificate 2 of the chain in "
                + "tls.crt (CN=expired.example.com) expired on 2021-01-01T00:00:00Z");
    }

    @Test
    void caBundleKeys() {
        assertThat(hasCa(secret("ns", "x", Map.of("ca.crt", pem("ca.crt.pem"))))).isTrue();
        assertThat(hasCa(secret("ns", "x", Map.of("cacert", pem("ca.crt.pem"))))).isTrue();
        assertThat(hasCa(secret("ns", "x", Map.of("ca.crt", new byte[0])))).isFalse();
        assertThat(hasCa(secret("ns", "x", Map.of("tls.crt", pem("ca.crt.pem"))))).isFalse();
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        TlsCredential c = read(tlsSecret("x", "rsa.crt.pem", "rsa.key.pem"));
        assertThat(c.toString()).doesNotContain("MII").doesNotContain("modulus").contains("1 certificates");
        assertThat(PemBlock.parseAll(pem("rsa.key.pem")).get(0).toString()).startsWith("PemBlock[PRIVATE KEY, ");
    }

    static java.security.PrivateKey key(String file) {
        try {
            return PrivateKeys.parse(PemBlock.parseAll(pem(file)));
        } catch (PrivateKeys.KeyProblem e) {
            throw new AssertionError(e.getMessage());
        }
    }

    /** The certificate of testdata/tls/FILE as the JDK parses it. */
    static java.security.cert.X509Certificate cert(String file) {
        try {
            return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(pem(file)));
        } catch (java.security.cert.CertificateException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    /** The summary the loader keeps of the certificate of testdata/tls/FILE. */
    static CertificateInfo info(String file) {
        return read(tlsSecret("x", file, "rsa.key.pem")).leaf();
    }

    /** The TLS content the loader read from {@code s}. */
    private static TlsCredential read(Secret s) {
        return s.tls();
    }

    private static boolean hasCa(Secret s) {
        return s.tls().hasCa();
    }

    @Test
    void theSecretKeepsNoDataOnlyTheSummary() {
        // A Secret holds what the checks need (a few strings and dates per certificate), not its values: at 10,000
        // Gateways the values were a fifth of the heap. No component of the record may be a byte array or a map of
        // them, and the summary equals the one read from the data.
        Secret s = tlsSecret("x", "rsa.crt.pem", "rsa.key.pem");
        for (java.lang.reflect.RecordComponent rc : Secret.class.getRecordComponents()) {
            assertThat(rc.getType()).isNotEqualTo(byte[].class).isNotEqualTo(Map.class);
        }
        for (java.lang.reflect.RecordComponent rc : TlsCredential.class.getRecordComponents()) {
            assertThat(rc.getType().getName()).doesNotStartWith("java.security");
        }
        assertThat(s.tls().chain()).hasSize(1);
        assertThat(s.tls().leaf().names()).contains("httpbin.example.com");
        assertThat(s.tls()).isEqualTo(TlsCredential.read(s.keys(), Map.of("tls.crt", pem("rsa.crt.pem"),
                "tls.key", pem("rsa.key.pem"))));
    }
}
