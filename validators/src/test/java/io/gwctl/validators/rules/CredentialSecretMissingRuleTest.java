package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Severity;
import io.gwctl.validators.RuleRegistry;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.ValidationResult;
import io.gwctl.validators.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialSecretMissingRuleTest {
    private static final CredentialSecretMissingRule RULE = new CredentialSecretMissingRule();

    private static ValidationResult fixture() {
        return TlsRuleSupport.run(TlsRuleSupport.load(TlsRuleSupport.fixtureDir("GW0101")), TlsRuleSupport.NOW, RULE);
    }

    @Test
    void infoIsTheContractsEntry() {
        assertThat(RULE.info().code()).isEqualTo("GW0101");
        assertThat(RULE.info().name()).isEqualTo("credential-secret-missing");
        assertThat(RULE.info().severity()).isEqualTo(Severity.ERROR);
        assertThat(RULE.info().aliases()).containsExactly("IST0101");
        assertThat(RuleRegistry.all()).anyMatch(r -> r instanceof CredentialSecretMissingRule);
    }

    @Test
    void secretNextToTheGatewayIsReportedWithWhereItIs() {
        Finding f = TlsRuleSupport.findings(fixture(), "GW0101").stream()
                .filter(x -> x.location().field().equals("/spec/servers/1/tls/credentialName")).findFirst().orElseThrow();
        assertThat(f.message()).isEqualTo("Referenced credentialName not found: \"apps-cred\" in namespace istio-system"
                + " (where the gateway workload istio-system/istio-ingressgateway runs); a Secret with that name exists"
                + " in namespace apps");
        assertThat(f.hint()).contains("namespace of the gateway workload, not of the Gateway")
                .contains("kubectl create -n istio-system secret tls apps-cred");
        assertThat(f.aliases()).containsExactly("IST0101");
        assertThat(f.resource().friendlyName()).isEqualTo("Gateway apps/web");
    }

    @Test
    void everyFormOfTheReferenceIsResolved() {
        List<String> messages = TlsRuleSupport.messages(fixture(), "GW0101");
        String producers = TlsRuleSupport.fixtureDir("GW0101").resolve("producers.yaml").toString();
        assertThat(messages).containsExactlyInAnyOrder(
                "Referenced credentialName not found: \"payments-cert\" in namespace istio-system (where the gateway"
                        + " workload istio-system/istio-ingressgateway runs); a Certificate in namespace payments"
                        + " produces Secret payments-cert there: Certificate payments/payments (" + producers + ":21)",
                "Referenced credentialName not found: \"reports-cert\" in namespace istio-system (where the gateway"
                        + " workload istio-system/istio-ingressgateway runs); a SealedSecret in namespace reports"
                        + " produces Secret reports-cert there: SealedSecret reports/reports-sealed (" + producers
                        + ":72)",
                "Referenced credentialName not found: \"apps-cred\" in namespace istio-system (where the gateway "
                        + "workload istio-system/istio-ingressgateway runs); a Secret with that name exists in "
                        + "namespace apps",
                "Referenced credentialName not found: \"kubernetes://prod/apps-cred\" in namespace prod (named "
                        + "explicitly); a Secret with that name exists in namespace apps",
                "Referenced credentialName not found: \"web-cred-ecdsa\" in namespace istio-system (where the gateway "
                        + "workload istio-system/istio-ingressgateway runs)",
                "Invalid credentialName \"kubernetes-gateway://web-cred\": kubernetes-gateway:// needs a namespace: "
                        + "kubernetes-gateway://<namespace>/<name>",
                // The Gateway without selector applies to both workloads: the Secret is missing in edge only.
                "Referenced credentialName not found: \"web-cred\" in namespace edge (where the gateway workload "
                        + "edge/edge-gateway runs); a Secret with that name exists in namespace istio-system");
    }

    @Test
    void workloadsSharingANamespaceGetOneFindingNamingThemAll() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: gw-a, namespace: ingress, labels: {istio: ingressgateway}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: gw-b, namespace: ingress, labels: {istio: ingressgateway}}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: unrelated, namespace: ingress}
                ---
                """ + TlsRuleSupport.tlsGateway("gw", "apps", "a.example.com", "cred");
        ValidationResult r = TlsRuleSupport.run(TlsRuleSupport.loadString(yaml), TlsRuleSupport.NOW, RULE);
        assertThat(TlsRuleSupport.messages(r, "GW0101")).containsExactly("Referenced credentialName not found: "
                + "\"cred\" in namespace ingress (where the gateway workloads ingress/gw-a, ingress/gw-b run)");
    }

    @Test
    void aDeploymentAndItsPodsAreNamedOnceAsTheDeployment() {
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: istio-ingressgateway-7d4f8b9c6d-%s
                  namespace: istio-system
                  labels: {app: istio-ingressgateway, istio: ingressgateway, pod-template-hash: 7d4f8b9c6d}
                  ownerReferences:
                  - {apiVersion: apps/v1, kind: ReplicaSet, name: istio-ingressgateway-7d4f8b9c6d, uid: u,
                     controller: true}
                ---
                """;
        String yaml = pod.formatted("ax2z0") + """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: istio-ingressgateway, namespace: istio-system}
                spec:
                  selector: {matchLabels: {app: istio-ingressgateway}}
                  template:
                    metadata: {labels: {app: istio-ingressgateway, istio: ingressgateway}}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: unrelated, namespace: istio-system}
                ---
                """ + pod.formatted("bq9w1") + TlsRuleSupport.tlsGateway("gw", "apps", "a.example.com", "cred");
        ValidationResult r = TlsRuleSupport.run(TlsRuleSupport.loadString(yaml), TlsRuleSupport.NOW, RULE);
        assertThat(TlsRuleSupport.messages(r, "GW0101")).containsExactly("Referenced credentialName not found: "
                + "\"cred\" in namespace istio-system (where the gateway workload istio-system/istio-ingressgateway"
                + " runs)");
    }

    @Test
    void withoutSecretsInTheInputTheRuleIsSkippedVisibly() {
        String yaml = TlsRuleSupport.tlsGateway("gw", "istio-system", "a.example.com", "cred");
        ValidationResult r = Validator.run(TlsRuleSupport.loadString(yaml),
                ValidateOptions.defaults().withNow(TlsRuleSupport.NOW), List.of(RULE));
        assertThat(TlsRuleSupport.findings(r, "GW0101")).isEmpty();
        assertThat(TlsRuleSupport.findings(r, "GW0002")).extracting(f -> f.message())
                .containsExactly("check GW0101 credential-secret-missing skipped: no Secrets in the input, nor a"
                        + " Certificate, ExternalSecret or SealedSecret that produces one");
    }
}
