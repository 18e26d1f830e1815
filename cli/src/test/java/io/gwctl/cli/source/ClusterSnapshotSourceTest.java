package io.gwctl.cli.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.Fixtures;
import io.gwctl.model.Snapshot;
import io.gwctl.model.kube.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the cluster source keeps of what it reads, seen from inside (the black-box behaviour of cluster mode is
 * {@link ClusterModeTest}'s): Secrets keep the values of their TLS keys only.
 */
class ClusterSnapshotSourceTest {
    @TempDir
    Path dir;

    @Test
    void keepsOnlyTlsSecretValues() throws Exception {
        String crt = Base64.getEncoder().encodeToString("CERT".getBytes(StandardCharsets.UTF_8));
        String pw = Base64.getEncoder().encodeToString("hunter2".getBytes(StandardCharsets.UTF_8));
        try (MockCluster cluster = MockCluster.http()) {
            cluster.create("v1", Fixtures.GATEWAY_HTTP + "---\n" + Fixtures.GATEWAY_HTTPS + "---\n"
                    + Fixtures.VS_TEST_GW + "---\n" + Fixtures.VS_TEST_ISTIO + "---\n" + Fixtures.INGRESS + "---\n" + """
                    apiVersion: v1
                    kind: Secret
                    metadata:
                      name: test-cert
                      namespace: istio-system
                    type: kubernetes.io/tls
                    data:
                      tls.crt: %s
                      password: %s
                    """.formatted(crt, pw)).ready();
            String kubeconfig = cluster.kubeconfig(dir, "config", "mock", null, "t");

            SourceResult r = new ClusterSnapshotSource(ClusterTarget.of(kubeconfig, null, null),
                    KubeClientFactory.fabric8()).load();

            Snapshot s = r.snapshot();
            assertThat(s.gateways()).hasSize(2);
            assertThat(s.virtualServices()).hasSize(2);
            assertThat(s.services()).hasSize(1);
            assertThat(s.deployments()).hasSize(1);
            Secret secret = s.secrets().get(0);
            assertThat(secret.keys()).containsExactlyInAnyOrder("tls.crt", "password");
            assertThat(secret.tls().problems()).containsExactly("it has neither tls.crt and tls.key nor cert and key"
                    + " (found keys password, tls.crt)");
            assertThat(secret.origin().file()).isEmpty();
            assertThat(r.warnings()).isEmpty();
            assertThat(r.inputs()).containsExactly("cluster " + cluster.url() + " (all namespaces)");
        }
    }
}
