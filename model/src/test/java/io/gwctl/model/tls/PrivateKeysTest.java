package io.gwctl.model.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PKCS#8 keys are parsed with the algorithm their AlgorithmIdentifier names, and still by trying when it is unknown. */
class PrivateKeysTest {
    private static PrivateKey generated(String algorithm) throws Exception {
        return KeyPairGenerator.getInstance(algorithm).generateKeyPair().getPrivate();
    }

    private static PemBlock pem(byte[] der) {
        String text = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(der) + "\n-----END PRIVATE KEY-----\n";
        List<PemBlock> blocks = PemBlock.parseAll(text.getBytes(StandardCharsets.US_ASCII));
        assertThat(blocks).hasSize(1);
        return blocks.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS"})
    void theAlgorithmIsReadFromTheKeyAndTheKeyParsesAsIt(String algorithm) throws Exception {
        PrivateKey key = generated(algorithm);

        assertThat(PrivateKeys.algorithmOf(key.getEncoded())).isEqualTo(algorithm);
        PrivateKey parsed = PrivateKeys.parse(pem(key.getEncoded()));
        assertThat(parsed.getAlgorithm()).isEqualTo(key.getAlgorithm());
        assertThat(parsed.getEncoded()).isEqualTo(key.getEncoded());
    }

    @Test
    void anUnknownOrUnreadableAlgorithmIsNull() {
        byte[] unknownOid = Der.pkcs8(Der.encode(Der.SEQUENCE, Der.encode(Der.OID, new byte[] {0x2b, 0x06, 0x01})),
                new byte[] {1, 2, 3});

        assertThat(PrivateKeys.algorithmOf(unknownOid)).isNull();
        assertThat(PrivateKeys.algorithmOf(new byte[] {0x30, 0x05, 0x02})).isNull();
        assertThat(PrivateKeys.algorithmOf(new byte[] {0x04, 0x00})).isNull();
        assertThat(PrivateKeys.algorithmOf(new byte[0])).isNull();
    }

    @Test
    void aKeyWhoseNamedAlgorithmFailsIsStillTriedWithTheOthers() throws Exception {
        // An EC key's inner encoding under the RSA identifier: RSA fails, and no other algorithm reads it either.
        byte[] ec = generated("EC").getEncoded();
        byte[] mislabelled = Der.pkcs8(Der.encode(Der.SEQUENCE, Der.encode(Der.OID, Der.OID_RSA),
                Der.encode(Der.NULL)), new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});

        assertThat(PrivateKeys.algorithmOf(mislabelled)).isEqualTo("RSA");
        assertThatThrownBy(() -> PrivateKeys.parse(pem(mislabelled)))
                .isInstanceOf(PrivateKeys.KeyProblem.class).hasMessageContaining("does not parse");
        assertThat(PrivateKeys.parse(pem(ec)).getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void bytesThatAreNoSequenceAreRefusedWithTheSameMessage() {
        assertThatThrownBy(() -> PrivateKeys.parse(pem(new byte[] {0x04, 0x02, 1, 2})))
                .isInstanceOf(PrivateKeys.KeyProblem.class)
                .hasMessage("has a PRIVATE KEY block that does not parse as an RSA, EC or Ed25519 key");
        assertThatThrownBy(() -> PrivateKeys.parse(pem(new byte[] {0x30, 0x02, 1, 2})))
                .isInstanceOf(PrivateKeys.KeyProblem.class)
                .hasMessage("has a PRIVATE KEY block that does not parse as an RSA, EC or Ed25519 key");
    }
}
