package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Severity;
import io.gwctl.validators.RuleFixtures;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GW0301 for Gateways whose selector matches no gateway workload of the input: grouped by identical selector, as
 * Kiali groups them, and compared within each group.
 */
class DuplicateHostPortGroupTest {
    private static final String WORKLOAD = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: istio-ingressgateway, namespace: istio-system}
            spec:
              selector: {matchLabels: {istio: ingressgateway}}
              template:
                metadata: {labels: {istio: ingressgateway}}
                spec: {containers: [{name: istio-proxy, image: docker.io/istio/proxyv2:1.28.0}]}
            """;

    private static String gateway(String name, String created, String selector, String host) {
        return "---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: " + name
                + "\n  namespace: partners\n  creationTimestamp: \"" + created + "\"\nspec:\n  selector: {" + selector
                + "}\n  servers:\n  - port: {number: 443, name: https, protocol: HTTPS}\n    hosts: [\"" + host
                + "\"]\n    tls: {mode: SIMPLE, credentialName: " + name + "}\n";
    }

    private static List<Finding> run(String yaml) {
        var loaded = RuleFixtures.loadString(yaml, "gw.yaml");
        assertThat(loaded.problems()).isEmpty();
        return Validator.run(loaded.snapshot(), ValidateOptions.defaults(), List.of(new DuplicateHostPortRule()))
                .findings();
    }

    @Test
    void gatewaysWithTheSameUnmatchedSelectorAreComparedWithEachOther() {
        List<Finding> f = run(WORKLOAD
                + gateway("partner-a", "2025-01-01T00:00:00Z", "istio: partner-ingress", "partner.example.com")
                + gateway("partner-b", "2025-02-01T00:00:00Z", "istio: partner-ingress", "partner.example.com"));
        // Both sides: partner-a, which istiod keeps, is reported too, at the same severity.
        assertThat(f).extracting(x -> x.resource().friendlyName())
                .containsExactlyInAnyOrder("Gateway partners/partner-b", "Gateway partners/partner-a");
        f = f.stream().filter(x -> x.resource().name().equals("partner-b")).toList();
        assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(f.get(0).message()).isEqualTo("server dropped: TLS host partner.example.com on port 443 is already"
                + " served by Gateway partners/partner-a, which istiod merges first (by creation time: created"
                + " 2025-01-01T00:00:00Z, this one 2025-02-01T00:00:00Z); istiod skips this whole server, so requests"
                + " for partner.example.com get that server's TLS settings and routes instead; no workload in the"
                + " input matches selector {istio=partner-ingress}; Gateways with this selector were compared with"
                + " each other");
    }

    @Test
    void differentSelectorsAreDifferentGroupsAsInKiali() {
        List<Finding> f = run(WORKLOAD
                + gateway("partner-a", "2025-01-01T00:00:00Z", "istio: partner-ingress", "partner.example.com")
                + gateway("partner-b", "2025-02-01T00:00:00Z", "istio: partner-ingress, app: x",
                "partner.example.com"));
        assertThat(f).isEmpty();
    }

    @Test
    void withoutAnyWorkloadTheGatewaysNotMatchingTheAssumedDefaultAreGroupedToo() {
        List<Finding> f = run(gateway("a", "2025-01-01T00:00:00Z", "istio: ingress", "x.example.com")
                + gateway("b", "2025-02-01T00:00:00Z", "istio: ingress", "x.example.com"));
        assertThat(f).extracting(x -> x.resource().friendlyName())
                .containsExactlyInAnyOrder("Gateway partners/b", "Gateway partners/a");
        assertThat(f.get(0).message()).endsWith("no workload in the input matches selector {istio=ingress};"
                + " Gateways with this selector were compared with each other");
    }
}
