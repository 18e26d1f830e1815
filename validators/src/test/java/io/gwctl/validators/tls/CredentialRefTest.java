package io.gwctl.validators.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialRefTest {
    @Test
    void bareAndKubernetesNamesUseTheWorkloadNamespace() {
        for (String raw : new String[] {"cred", "kubernetes://cred"}) {
            CredentialRef r = CredentialRef.parse(raw);
            assertThat(r.error()).isNull();
            assertThat(r.name()).isEqualTo("cred");
            assertThat(r.explicitNamespace()).isFalse();
            assertThat(r.namespaceFor("istio-system")).isEqualTo("istio-system");
        }
    }

    @Test
    void namespaceCanBeExplicit() {
        for (String raw : new String[] {"kubernetes://prod/cred", "prod/cred", "kubernetes-gateway://prod/cred"}) {
            CredentialRef r = CredentialRef.parse(raw);
            assertThat(r.error()).isNull();
            assertThat(r.name()).isEqualTo("cred");
            assertThat(r.namespaceFor("istio-system")).isEqualTo("prod");
        }
    }

    @Test
    void builtinNamesNoSecret() {
        CredentialRef r = CredentialRef.parse("builtin://");
        assertThat(r.builtin()).isTrue();
        assertThat(r.error()).isNull();
    }

    @Test
    void malformedValuesSayWhy() {
        assertThat(CredentialRef.parse("kubernetes-gateway://cred").error())
                .isEqualTo("kubernetes-gateway:// needs a namespace: kubernetes-gateway://<namespace>/<name>");
        assertThat(CredentialRef.parse("kubernetes://").error()).isEqualTo("the Secret name is empty");
        assertThat(CredentialRef.parse("/cred").error()).isEqualTo("the namespace before \"/\" is empty");
        assertThat(CredentialRef.parse("a/b/c").error()).isEqualTo("expected at most one \"/\" (namespace/name)");
    }
}
