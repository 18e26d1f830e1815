package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.gwctl.model.kube.Secret;
import io.gwctl.model.tls.TlsCredential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Secrets with the same key names and TLS values within one load share one TLS summary (read once), and sharing
 * changes nothing a check or a problem sees.
 */
class SecretTlsSharingTest {
    private static final String CRT = b64("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n"
            + "-----END CERTIFICATE-----\n");
    private static final String KEY = b64("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
    private static final String OTHER_CRT = b64("-----BEGIN CERTIFICATE-----\nYW5vdGhlciBvbmU=\n"
            + "-----END CERTIFICATE-----\n");

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static String secret(String name, String ns, String data) {
        return """
                apiVersion: v1
                kind: Secret
                type: kubernetes.io/tls
                metadata:
                  name: %s
                  namespace: %s
                data:
                %s
                """.formatted(name, ns, data.indent(2).stripTrailing());
    }

    private static LoadResult load(String... files) throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < files.length; i++) {
                String p = "/f" + i + ".yaml";
                Files.writeString(fs.getPath(p), files[i]);
                paths.add(p);
            }
            return new ManifestLoader(LoadOptions.defaults().withFileSystem(fs)).load(paths);
        }
    }

    private static List<Secret> secrets(LoadResult r) {
        return r.snapshot().secrets().stream().sorted(Comparator.comparing(s -> s.metadata().name())).toList();
    }

    @Test
    void equalValuesShareOneSummaryEqualToReadingAlone() throws IOException {
        String data = "tls.crt: " + CRT + "\ntls.key: " + KEY;
        // In one file: the files of a load are read on several threads, so two files' Secrets may both be read.
        LoadResult r = load(secret("a", "team-a", data) + "---\n" + secret("b", "team-b", data) + "---\n"
                + secret("c", "team-c", "tls.crt: " + OTHER_CRT + "\ntls.key: " + KEY), secret("d", "team-d", data));
        assertThat(r.problems()).isEmpty();
        List<Secret> s = secrets(r);
        assertThat(s).extracting(x -> x.metadata().name()).containsExactly("a", "b", "c", "d");
        assertThat(s.get(1).tls()).isSameAs(s.get(0).tls());
        assertThat(s.get(3).tls()).isEqualTo(s.get(0).tls());
        assertThat(s.get(2).tls()).isNotSameAs(s.get(0).tls());
        // What each would read on its own, without the load's table.
        TlsCredential alone = TlsCredential.read(s.get(0).keys(), Map.of(
                "tls.crt", Base64.getDecoder().decode(CRT), "tls.key", Base64.getDecoder().decode(KEY)));
        assertThat(s.get(0).tls()).isEqualTo(alone);
        assertThat(s.get(0).tls().problems()).isNotEmpty();
        assertThat(s.get(1).metadata().namespace()).isEqualTo("team-b");
    }

    @Test
    void otherKeyNamesAreNotSharedSinceProblemsNameThem() throws IOException {
        LoadResult r = load(secret("a", "ns", "ca.crt: " + CRT + "\nfoo: " + KEY),
                secret("b", "ns", "ca.crt: " + CRT + "\nbar: " + KEY));
        List<Secret> s = secrets(r);
        assertThat(s.get(0).tls().problems()).singleElement().asString().contains("ca.crt, foo");
        assertThat(s.get(1).tls().problems()).singleElement().asString().contains("bar, ca.crt");
    }

    @Test
    void aSharedSummaryStillDecodesTheOtherValues() throws IOException {
        String data = "tls.crt: " + CRT + "\ntls.key: " + KEY;
        LoadResult r = load(secret("a", "ns", data + "\nextra: " + b64("x")),
                secret("b", "ns", data + "\nextra: '%%% not base64'"));
        assertThat(secrets(r)).extracting(x -> x.metadata().name()).containsExactly("a");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("/f1.yaml");
            assertThat(p.message()).contains("data.extra").contains("not valid base64").doesNotContain("%%%");
        });
    }

    @Test
    void stringDataIsReadEachTime() throws IOException {
        String data = "tls.crt: " + CRT + "\ntls.key: " + KEY;
        LoadResult r = load(secret("a", "ns", data),
                secret("b", "ns", data) + "stringData:\n  tls.key: plain text\n");
        List<Secret> s = secrets(r);
        assertThat(s.get(1).tls()).isNotSameAs(s.get(0).tls());
        assertThat(s.get(1).tls().problems()).isNotEqualTo(s.get(0).tls().problems());
    }

    @Test
    void theSameBadBase64IsReportedForEverySecret() throws IOException {
        String data = "tls.crt: '%%% not base64'\ntls.key: " + KEY;
        LoadResult r = load(secret("a", "ns", data), secret("b", "ns", data));
        assertThat(r.snapshot().secrets()).isEmpty();
        assertThat(r.problems()).hasSize(2).allSatisfy(p -> assertThat(p.message()).contains("data[\"tls.crt\"]"));
    }

    @Test
    void theTableHasABoundAndTheEmptyPoolSharesNothing() {
        ObjectMapper m = new ObjectMapper();
        ObjectNode big = m.createObjectNode().put("tls.crt", "A".repeat(2_000_000)).put("tls.key", KEY);
        ObjectNode small = m.createObjectNode().put("tls.crt", CRT).put("tls.key", KEY);
        TlsCredential t = new TlsCredential(null, null, List.of(), List.of(), false);
        ValuePool pool = new ValuePool(0);
        pool.keepTls(SecretValues.of(big), t);
        assertThat(pool.tls(SecretValues.of(big))).isSameAs(t);
        pool.keepTls(SecretValues.of(small), t);
        assertThat(pool.tls(SecretValues.of(small))).as("full").isNull();
        pool.clear();
        pool.keepTls(SecretValues.of(small), t);
        assertThat(pool.tls(SecretValues.of(small))).isSameAs(t);

        ValuePool.NONE.keepTls(SecretValues.of(small), t);
        assertThat(ValuePool.NONE.tls(SecretValues.of(small))).isNull();
        assertThat(pool.forFile().tls(SecretValues.of(small))).isSameAs(t);
        assertThat(new ValuePool().forFile().tls(SecretValues.of(small))).isNull();
    }

    @Test
    void keysDifferInTheirValuesNotJustTheirSampledEnds() {
        ObjectMapper m = new ObjectMapper();
        JsonNode a = m.createObjectNode().put("tls.crt", "A" + CRT).put("tls.key", KEY);
        JsonNode b = m.createObjectNode().put("tls.crt", "B" + CRT).put("tls.key", KEY);
        assertThat(SecretValues.of(a)).hasSameHashCodeAs(SecretValues.of(b)).isNotEqualTo(SecretValues.of(b));
        assertThat(SecretValues.of(a)).isEqualTo(SecretValues.of(a.deepCopy()));
        assertThat(SecretValues.of(m.createObjectNode().putNull("tls.crt"))).as("not text").isNull();
        assertThat(SecretValues.of(m.createObjectNode())).isNull();
    }

    @Test
    void theSlotsAreTheTlsKeys() {
        assertThat(new HashSet<>(SecretValues.SLOTS)).isEqualTo(Secret.TLS_KEYS).hasSize(SecretValues.SLOTS.size());
    }
}
