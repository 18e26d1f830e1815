package io.gwctl.cli.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.gwctl.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * gwctl builds fabric8's Config itself for the usual credentials (to skip the start-up cost of fabric8's loader):
 * for each kind of user it must give the connection fabric8's own kubeconfig loader gives.
 */
class KubeConfigsTest {
    @TempDir
    Path dir;

    private static final String CLUSTERS = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster:
                server: https://10.0.0.1:6443
                certificate-authority: ca.crt
            - name: insecure
              cluster:
                server: https://10.0.0.2:6443
                insecure-skip-tls-verify: true
            contexts:
            - name: token
              context: {cluster: c, user: token, namespace: team-a}
            - name: tokenfile
              context: {cluster: c, user: tokenfile}
            - name: cert
              context: {cluster: insecure, user: cert, namespace: team-b}
            - name: basic
              context: {cluster: c, user: basic}
            current-context: token
            users:
            - name: token
              user: {token: abc}
            - name: tokenfile
              user: {tokenFile: token.txt}
            - name: cert
              user: {client-certificate: client.crt, client-key: client.key}
            - name: basic
              user: {username: admin, password: secret}
            """;

    private Path kubeconfig() throws IOException {
        Files.writeString(dir.resolve("token.txt"), "from-file\n");
        Files.writeString(dir.resolve("ca.crt"), "unused");
        Files.writeString(dir.resolve("client.key"), "-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----\n");
        return Files.writeString(dir.resolve("config"), CLUSTERS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "tokenfile", "cert", "basic"})
    void directConfigMatchesFabric8sLoader(String context) throws Exception {
        Path file = kubeconfig();
        Config ours = KubeConfigs.resolve(new ClusterTarget(List.of(file.toString()), true, context, null,
                null, null));
        Config theirs = Config.fromKubeconfig(context, file.toFile());
        assertThat(ours.getMasterUrl()).isEqualTo(theirs.getMasterUrl());
        assertThat(ours.getNamespace()).isEqualTo(theirs.getNamespace());
        assertThat(ours.getCaCertFile()).isEqualTo(theirs.getCaCertFile());
        assertThat(ours.isTrustCerts()).isEqualTo(theirs.isTrustCerts());
        assertThat(ours.getClientCertFile()).isEqualTo(theirs.getClientCertFile());
        assertThat(ours.getClientKeyFile()).isEqualTo(theirs.getClientKeyFile());
        if (ours.getClientKeyFile() != null) { // fabric8 names an algorithm even without a key; unused then
            assertThat(ours.getClientKeyAlgo()).isEqualTo(theirs.getClientKeyAlgo());
        }
        assertThat(ours.getUsername()).isEqualTo(theirs.getUsername());
        assertThat(ours.getPassword()).isEqualTo(theirs.getPassword());
        // fabric8 keeps a kubeconfig token as its auto (refreshable) token; gwctl reads it once per run.
        String theirToken = theirs.getOauthToken() != null ? theirs.getOauthToken() : theirs.getAutoOAuthToken();
        String expectedToken = context.equals("tokenfile") ? "from-file" : theirToken;
        assertThat(ours.getOauthToken()).isEqualTo(expectedToken);
    }

    @Test
    void flagsOverrideTheKubeconfig() throws Exception {
        Path file = kubeconfig();
        ClusterTarget.Connection flags = new ClusterTarget.Connection("https://other:443", "t2", null, true, "jane",
                java.time.Duration.ofSeconds(5));
        Config c = KubeConfigs.resolve(new ClusterTarget(List.of(file.toString()), true, null, null, flags, null));
        assertThat(c.getMasterUrl()).startsWith("https://other:443");
        assertThat(c.getOauthToken()).isEqualTo("t2");
        assertThat(c.isTrustCerts()).isTrue();
        assertThat(c.getImpersonateUsername()).isEqualTo("jane");
        assertThat(c.getRequestRetryBackoffLimit()).isZero();
        assertThat(c.getConnectionTimeout()).isEqualTo(5_000);
    }

    @Test
    void anUnknownContextIsAUsageErrorNamingTheContextsThatExist() throws Exception {
        Path file = kubeconfig();
        assertThatThrownBy(() -> KubeConfigs.resolve(new ClusterTarget(List.of(file.toString()), true, "nope", null,
                null, null)))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE))
                .hasMessage("context \"nope\" does not exist (contexts in " + file + ": token, tokenfile, cert,"
                        + " basic)");
    }
}
