package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialSanMismatchRuleTest {
    private static final CredentialSanMismatchRule RULE = new CredentialSanMismatchRule();

    @Test
    void uncoveredHostsAndTheCertificateNamesAreNamed() {
        List<Finding> f = TlsRuleSupport.findings(TlsRuleSupport.run(
                TlsRuleSupport.load(TlsRuleSupport.fixtureDir("GW0104")), TlsRuleSupport.NOW, RULE), "GW0104");
        String certificates = TlsRuleSupport.fixtureDir("GW0104").resolve("certificate-dnsnames.yaml").toString();
        assertThat(f).extracting(Finding::message).containsExactly(
                "The certificate that Certificate istio-system/store (" + certificates + ":9) issues into the"
                        + " credential Secret istio-system/store-cert (credentialName \"store-cert\") does not cover"
                        + " host www.store.example.com of this server; it has names store.example.com",
                "The certificate of the credential Secret istio-system/httpbin-cred (credentialName \"httpbin-cred\") "
                        + "does not cover hosts deep.shop.apps.example.com, www.example.com of this server; it has "
                        + "names httpbin.example.com, *.apps.example.com",
                "The certificate of the credential Secret istio-system/cn-only-cred (credentialName \"cn-only-cred\") "
                        + "does not cover host other.example.com of this server; it has names cn-only.example.com");
        assertThat(f).extracting(x -> x.location().field())
                .containsExactly("/spec/servers/0/hosts/1", "/spec/servers/0/hosts/1", "/spec/servers/1/hosts/0");
        assertThat(f).allMatch(x -> x.severity() == Severity.WARNING && x.aliases().isEmpty());
    }

    @Test
    void secretsOfProducersOtherThanCertificatesAreSkippedOnce() {
        String yaml = """
                apiVersion: external-secrets.io/v1beta1
                kind: ExternalSecret
                metadata: {name: api-cert, namespace: istio-system}
                spec:
                  secretStoreRef: {name: vault, kind: ClusterSecretStore}
                ---
                """ + TlsRuleSupport.tlsGateway("gw", "apps", "a.example.com", "api-cert");
        var r = io.gwctl.validators.Validator.run(TlsRuleSupport.loadString(yaml),
                io.gwctl.validators.ValidateOptions.defaults().withNow(TlsRuleSupport.NOW));
        assertThat(TlsRuleSupport.findings(r, "GW0101")).isEmpty();
        assertThat(TlsRuleSupport.findings(r, "GW0002")).extracting(Finding::message).containsExactly(
                "checks GW0102, GW0103, GW0104, GW0105 skipped for the Secret that ExternalSecret istio-system/api-cert"
                        + " (test.yaml:3) produces: the certificate is not in the input");
    }
}
