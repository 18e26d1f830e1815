package io.gwctl.cli.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubectl's rules for a KUBECONFIG list (client-go clientcmd), on files in a temporary directory. */
class KubeconfigTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void firstFileWinsPerNameAndMissingFilesAreSkipped() throws Exception {
        Path a = write("a/config", """
                clusters:
                - name: shared
                  cluster: {server: https://a.example:6443, certificate-authority: ca.crt}
                contexts:
                - name: dev
                  context: {cluster: shared, user: me, namespace: team-a}
                users:
                - name: me
                  user: {token: from-a}
                """);
        Path b = write("b/config", """
                clusters:
                - name: shared
                  cluster: {server: https://b.example:6443}
                - name: prod
                  cluster: {server: https://prod.example:6443, certificate-authority: ../certs/prod-ca.crt}
                contexts:
                - name: dev
                  context: {cluster: prod, user: me, namespace: team-b}
                - name: prod
                  context: {cluster: prod, user: me}
                users:
                - name: me
                  user: {token: from-b}
                current-context: prod
                """);
        Path c = write("c/config", "current-context: dev\n");

        Kubeconfig k = Kubeconfig.load(List.of(a, dir.resolve("missing"), b, c));

        assertThat(k.files()).containsExactly(a, b, c);
        assertThat(k.currentContext()).as("the first file that sets it").isEqualTo("prod");
        assertThat(k.contextNames()).containsExactly("dev", "prod");
        assertThat(k.namespaceOf("dev")).isEqualTo("team-a");
        assertThat(k.namespaceOf("prod")).isNull();
        assertThat(k.clusterOf("dev").path("server").asText()).isEqualTo("https://a.example:6443");
        assertThat(k.clusterOf("prod").path("server").asText()).isEqualTo("https://prod.example:6443");
        JsonNode merged = new ObjectMapper().readTree(k.toDocument("dev"));
        assertThat(merged.path("current-context").asText()).isEqualTo("dev");
        assertThat(merged.path("users")).hasSize(1);
        assertThat(merged.path("users").get(0).path("user").path("token").asText()).isEqualTo("from-a");
        // relative file references are resolved against the directory of the file that defines them
        assertThat(merged.path("clusters").get(0).path("cluster").path("certificate-authority").asText())
                .isEqualTo(dir.resolve("a/ca.crt").toString());
        assertThat(merged.path("clusters").get(1).path("cluster").path("certificate-authority").asText())
                .isEqualTo(dir.resolve("certs/prod-ca.crt").toString());
    }

    @Test
    void noFileAtAllIsAnEmptyKubeconfig() throws Exception {
        Kubeconfig k = Kubeconfig.load(List.of(dir.resolve("nope"), write("empty", "")));

        assertThat(k.isEmpty()).isTrue();
        assertThat(k.files()).containsExactly(dir.resolve("empty"));
        assertThat(k.currentContext()).isNull();
    }

    @Test
    void aFileThatIsNotYamlIsAnErrorNamingIt() throws Exception {
        Path bad = write("bad", "clusters: [\n");

        assertThatThrownBy(() -> Kubeconfig.load(List.of(bad))).isInstanceOf(KubeconfigException.class)
                .hasMessageStartingWith("kubeconfig " + bad + ": not valid YAML (line ");
    }
}
