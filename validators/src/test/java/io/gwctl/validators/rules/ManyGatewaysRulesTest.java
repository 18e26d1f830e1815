package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Severity;
import io.gwctl.validators.ValidationResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules whose structures were made leaner for 100,000 Gateways (stop 24) at a size past their bounds: more
 * (Gateway, namespace) pairs than {@link GatewayHosts#MAX_CACHED}, hosts with several subsets, so that a bounded
 * cache that started again, a registry entry held without a list, or a binding index made per Gateway would show in
 * what is reported. The expected findings follow from how the input is built.
 */
class ManyGatewaysRulesTest {
    /** Gateways, in namespaces of ten. */
    private static final int N = GatewayHosts.MAX_CACHED + 904;
    private static ValidationResult result;

    @BeforeAll
    static void run() {
        StringBuilder y = new StringBuilder();
        for (int i = 0; i < N; i++) {
            String ns = "team-" + i / 10;
            // Gateway i serves a-i and b-i; VirtualService i binds it with a-i (so b-i is unbound: GW0404), and
            // every 100th also names c-i, which no Gateway serves (GW0403), routing to subset v2 of its Service.
            y.append("""
                    apiVersion: networking.istio.io/v1
                    kind: Gateway
                    metadata: {name: gw-%1$d, namespace: %2$s}
                    spec:
                      selector: {istio: ingressgateway}
                      servers:
                      - port: {number: 80, name: http, protocol: HTTP}
                        hosts: [a-%1$d.example.com, b-%1$d.example.com]
                    ---
                    apiVersion: networking.istio.io/v1
                    kind: VirtualService
                    metadata: {name: vs-%1$d, namespace: %2$s}
                    spec:
                      hosts: [a-%1$d.example.com%3$s]
                      gateways: [gw-%1$d]
                      http:
                      - route:
                        - destination: {host: svc-%4$d.%2$s.svc.cluster.local, subset: v%5$d}
                    ---
                    """.formatted(i, ns, i % 100 == 0 ? ", c-" + i + ".example.com" : "", i % 10, i % 3 + 1));
        }
        for (int t = 0; t < N / 10; t++) {
            String ns = "team-" + t;
            for (int s = 0; s < 10; s++) {
                // Subsets v1-v3; the Service's pods carry version v1 only, so v2 and v3 select nothing (GW0605).
                y.append("""
                        apiVersion: v1
                        kind: Service
                        metadata: {name: svc-%1$d, namespace: %2$s}
                        spec:
                          selector: {app: svc-%1$d}
                          ports: [{name: http, port: 80}]
                        ---
                        apiVersion: networking.istio.io/v1
                        kind: DestinationRule
                        metadata: {name: dr-%1$d, namespace: %2$s}
                        spec:
                          host: svc-%1$d.%2$s.svc.cluster.local
                          subsets:
                          - {name: v1, labels: {version: v1}}
                          - {name: v2, labels: {version: v2}}
                          - {name: v3, labels: {version: v3}}
                        ---
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: svc-%1$d-pod, namespace: %2$s, labels: {app: svc-%1$d, version: v1}}
                        spec:
                          containers: [{name: app, image: app}]
                        ---
                        """.formatted(s, ns));
            }
        }
        result = RuleTesting.runYaml(y.toString());
    }

    private static List<Finding> of(String code) {
        return result.findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    @Test
    void everyGatewaysSecondHostIsUnbound() {
        List<Finding> unbound = of("GW0404");
        assertThat(unbound).hasSize(N);
        assertThat(unbound).allSatisfy(f -> {
            assertThat(f.location().field()).isEqualTo("/spec/servers/0/hosts/1");
            assertThat(f.message()).contains("\"b-" + f.resource().name().substring(3) + ".example.com\"");
        });
    }

    @Test
    void theHostsNoGatewayServesAreFoundPastTheCachesBound() {
        List<Finding> missing = of("GW0403");
        assertThat(missing).extracting(f -> f.resource().name()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, N).filter(i -> i % 100 == 0).mapToObj(i -> "vs-" + i).toList());
        assertThat(missing).allSatisfy(f -> assertThat(f.location().field()).isEqualTo("/spec/hosts/1"));
    }

    @Test
    void subsetsWithoutPodsAreErrorsWhenRoutedToAndInfoOtherwise() {
        // VirtualService i routes to subset v(i%3+1) of svc-(i%10) in its namespace: a subset that selects no pod is
        // an Error when a route uses it and Info otherwise (the set of routed ones made from the same formula).
        Map<String, Severity> expected = new TreeMap<>();
        for (int t = 0; t < N / 10; t++) {
            boolean[][] routed = new boolean[10][4];
            for (int i = t * 10; i < t * 10 + 10; i++) {
                routed[i % 10][i % 3 + 1] = true;
            }
            for (int s = 0; s < 10; s++) {
                for (int v = 2; v <= 3; v++) {
                    expected.put("team-" + t + "/dr-" + s + " v" + v, routed[s][v] ? Severity.ERROR : Severity.INFO);
                }
            }
        }
        Map<String, Severity> reported = of("GW0605").stream().collect(Collectors.toMap(
                f -> f.resource().namespace() + "/" + f.resource().name() + " v"
                        + (Integer.parseInt(f.location().field().substring("/spec/subsets/".length())) + 1),
                Finding::severity, (a, b) -> a, TreeMap::new));
        assertThat(reported).isEqualTo(expected);
        assertThat(reported.values()).contains(Severity.ERROR, Severity.INFO);
    }
}
