package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectorNoWorkloadRuleTest {
    @Test
    void messagesAndHintsNameTheSelectorTheMixUpAndTheWorkloadsFound() {
        List<Finding> f = RuleTesting.fixtureFindings("GW0202");
        assertThat(f).extracting(RuleTesting::line).containsExactly(
                "Error (Gateway web/extra-label :64) selector app=istio-ingress-internal,istio=ingress matches no "
                        + "Pod or Deployment in the input, so no gateway proxy serves this Gateway",
                "Error (Gateway web/legacy-label :46) selector istio=ingressgateway matches no Pod or Deployment in "
                        + "the input, so no gateway proxy serves this Gateway");
        assertThat(f.get(1).hint()).isEqualTo("A gateway workload in the input is labelled istio: ingress, not "
                + "istio: ingressgateway: the legacy istio-ingressgateway uses istio: ingressgateway, Helm's gateway "
                + "chart istio: ingress. Gateway workloads in the input: Pod edge/edge-0 (istio=edge-gateway), Deployment istio-ingress/istio-ingress "
                + "(app=istio-ingress,istio=ingress). Make the selector a "
                + "subset of the labels of the workload that should serve this Gateway.");
        assertThat(f.get(0).hint()).startsWith("Gateway workloads in the input: ");
        assertThat(f.get(0).aliases()).containsExactly("IST0101", "KIA0302");
        assertThat(f.get(0).location().field()).isEqualTo("/spec/selector/app");
    }

    /** Found by TranslateFuzzTest: the workloads of the hint were listed in input order. */
    @Test
    void hintListedTheWorkloadsInInputOrder() {
        String gateway = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: typo, namespace: default}
                spec:
                  selector: {istio: ingresstypo}
                  servers:
                  - port: {number: 80, name: http, protocol: HTTP}
                    hosts: ["a.example.com"]
                """;
        String zeta = workload("zeta");
        String alpha = workload("alpha");
        String forward = RuleTesting.findings(gateway + "---\n" + zeta + "---\n" + alpha, "GW0202").get(0).hint();
        String backward = RuleTesting.findings(alpha + "---\n" + zeta + "---\n" + gateway, "GW0202").get(0).hint();

        assertThat(forward).isEqualTo(backward).contains("Deployment alpha/gw (istio=ingressgateway,team=alpha), Deployment zeta/gw");
    }

    private static String workload(String ns) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: gw, namespace: %1$s}
                spec:
                  selector: {matchLabels: {istio: ingressgateway, team: %1$s}}
                  template:
                    metadata: {labels: {istio: ingressgateway, team: %1$s}}
                    spec:
                      containers: [{name: istio-proxy, image: docker.io/istio/proxyv2:1.24.0}]
                """.formatted(ns);
    }

    @Test
    void withoutWorkloadsTheDefaultIngressIsAssumedAndAMismatchIsAWarning() {
        String gateways = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: typo, namespace: default}
                spec:
                  selector:
                    istio: ingresstypo
                  servers:
                  - port: {number: 80, name: http, protocol: HTTP}
                    hosts: ["a.example.com"]
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: legacy, namespace: default}
                spec:
                  selector:
                    istio: ingressgateway
                  servers:
                  - port: {number: 80, name: http, protocol: HTTP}
                    hosts: ["b.example.com"]
                """;
        List<Finding> f = RuleTesting.findings(gateways, "GW0202");
        assertThat(f).extracting(RuleTesting::line).containsExactly("Warning (Gateway default/typo :6) selector "
                + "istio=ingresstypo matches no workload: the input has no Pods or Deployments, and Istio's default "
                + "ingress gateway istio-system/istio-ingressgateway (app=istio-ingressgateway,istio=ingressgateway) "
                + "that gwctl assumes does not match it either");
        assertThat(f.get(0).hint()).startsWith("Add the gateway Deployment or Pod to the input");
    }

    @Test
    void withOnlyNonGatewayWorkloadsAMismatchIsAnError() {
        List<Finding> f = RuleTesting.findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: app-0, namespace: default, labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx}]
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: helm, namespace: default}
                spec:
                  selector: {istio: ingress}
                  servers:
                  - port: {number: 80, name: http, protocol: HTTP}
                    hosts: ["a.example.com"]
                """, "GW0202");
        assertThat(f).extracting(RuleTesting::line).containsExactly("Error (Gateway default/helm :11) selector "
                + "istio=ingress matches no Pod or Deployment in the input, so no gateway proxy serves this Gateway");
        assertThat(f.get(0).hint()).isEqualTo("Mind the common mix-up: the legacy istio-ingressgateway is labelled "
                + "istio: ingressgateway, Helm's gateway chart istio: ingress. Add the gateway Deployment or Pod to "
                + "the input so gwctl can check the selector, or make the selector match the labels of the gateway "
                + "workload that should serve this Gateway.");
    }
}
