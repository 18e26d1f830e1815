package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Severity;
import io.gwctl.validators.RuleContext;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.rules.RuleHarness.Reported;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GW0605-GW0611: DestinationRule subsets, hosts, duplicates and TLS origination. */
class DestinationRuleChecksTest {
    private static final String REVIEWS = """
            apiVersion: v1
            kind: Service
            metadata: {name: reviews, namespace: bookinfo}
            spec:
              selector: {app: reviews}
              ports: [{name: http, port: 9080}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: reviews-v1, namespace: bookinfo, labels: {app: reviews, version: v1}}
            spec: {containers: [{name: reviews, image: reviews}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: ratings-v2, namespace: bookinfo, labels: {app: ratings, version: v2}}
            spec: {containers: [{name: ratings, image: ratings}]}
            ---
            """;

    private static String dr(String name, String spec) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: %s, namespace: bookinfo}
                spec: %s
                ---
                """.formatted(name, spec);
    }

    private static List<String> pointers(List<Reported> r) {
        return r.stream().map(x -> x.resource() + " " + x.pointer() + " " + x.severity().label()).toList();
    }

    @Test
    void subsetLabelsAreMatchedTogetherWithTheServiceSelector() {
        String yaml = REVIEWS + dr("reviews", "{host: reviews, subsets: [{name: v1, labels: {version: v1}}, "
                + "{name: v2, labels: {version: v2}}, {name: zone, labels: {topology.kubernetes.io/zone: a}}]}");
        // v2 exists only on a ratings pod; the topology label is not on pods and is left out of the match.
        List<Reported> r = RuleHarness.run(new SubsetSelectsNoPodsRule(), yaml);
        assertThat(pointers(r)).containsExactly("DestinationRule bookinfo/reviews /spec/subsets/1 Info");
        assertThat(r.get(0).message()).contains("no workload in namespace bookinfo has the labels app=reviews,version=v2");
        String routed = yaml + """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: reviews, namespace: bookinfo}
                spec:
                  hosts: [reviews]
                  http:
                  - route:
                    - destination: {host: reviews, subset: v2}
                """;
        assertThat(pointers(RuleHarness.run(new SubsetSelectsNoPodsRule(), routed)))
                .containsExactly("DestinationRule bookinfo/reviews /spec/subsets/1 Error");
    }

    @Test
    void subsetsOfServicesWithoutWorkloadsInTheInputAreSkipped() {
        String yaml = """
                apiVersion: v1
                kind: Service
                metadata: {name: reviews, namespace: bookinfo}
                spec:
                  selector: {app: reviews}
                  ports: [{name: http, port: 9080}]
                ---
                """ + dr("reviews", "{host: reviews, subsets: [{name: v9, labels: {version: v9}}]}");
        SubsetSelectsNoPodsRule rule = new SubsetSelectsNoPodsRule();
        assertThat(RuleHarness.run(rule, yaml)).isEmpty();
        assertThat(rule.partlySkipped(RuleContext.of(RuleHarness.load(yaml), ValidateOptions.defaults())))
                .isEqualTo("for the subsets of Services in namespace bookinfo: no Pods or Deployments of that "
                        + "namespace in the input");
    }

    @Test
    void destinationRuleHostMustBeARegistryHost() {
        String yaml = REVIEWS + dr("typo", "{host: reveiws}") + dr("dotted", "{host: reviews.bookinfo}")
                + dr("wildcard", "{host: \"*.bookinfo.svc.cluster.local\"}") + dr("ok", "{host: reviews}");
        List<Reported> r = RuleHarness.run(new DestinationRuleHostNotFoundRule(), yaml);
        assertThat(pointers(r)).containsExactly("DestinationRule bookinfo/typo /spec/host Warning",
                "DestinationRule bookinfo/dotted /spec/host Warning");
        assertThat(r.get(0).message()).isEqualTo("The host reveiws.bookinfo.svc.cluster.local defined in the "
                + "DestinationRule does not match any services in the mesh. (no such Service, but namespace bookinfo "
                + "has Service reviews)");
    }

    @Test
    void duplicateSubsetNamesAndSubsetsWithoutLabels() {
        String yaml = dr("reviews", "{host: reviews, subsets: [{name: v1, labels: {version: v1}}, {name: v1, "
                + "labels: {version: v2}}, {name: all}, {name: sticky, trafficPolicy: {loadBalancer: {simple: "
                + "RANDOM}}}]}");
        assertThat(RuleHarness.run(new DuplicateSubsetNameRule(), yaml)).singleElement().satisfies(x -> {
            assertThat(x.pointer()).isEqualTo("/spec/subsets/1/name");
            assertThat(x.message()).isEqualTo("duplicate subset names: v1 (subsets[0] has the same name)");
        });
        assertThat(pointers(RuleHarness.run(new SubsetWithoutLabelsRule(), yaml)))
                .containsExactly("DestinationRule bookinfo/reviews /spec/subsets/2 Warning");
    }

    @Test
    void mergedDestinationRulesReportWhatIstiodDropsInCreationOrder() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: late, namespace: bookinfo, creationTimestamp: "2025-02-01T00:00:00Z"}
                spec:
                  host: reviews
                  trafficPolicy: {loadBalancer: {simple: RANDOM}}
                  subsets: [{name: v1, labels: {version: v1}}]
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: early, namespace: bookinfo, creationTimestamp: "2025-01-01T00:00:00Z"}
                spec:
                  host: reviews.bookinfo.svc.cluster.local
                  trafficPolicy: {loadBalancer: {simple: LEAST_REQUEST}}
                  subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: selected, namespace: bookinfo}
                spec:
                  host: reviews
                  workloadSelector: {matchLabels: {app: frontend}}
                  subsets: [{name: v1, labels: {version: v1}}]
                """;
        List<Reported> r = RuleHarness.run(new DuplicateDestinationRuleRule(), yaml);
        assertThat(pointers(r)).containsExactly("DestinationRule bookinfo/late /spec/subsets/0 Warning",
                "DestinationRule bookinfo/late /spec/trafficPolicy Warning");
        assertThat(r.get(0).message()).isEqualTo("Subset v1 of host reviews is also defined by DestinationRule "
                + "bookinfo/early, which istiod merges first: this definition is ignored");
    }

    @Test
    void tlsOriginationWithoutCaWithTheCredentialNameNuance() {
        String yaml = dr("none", "{host: a.example.com, trafficPolicy: {tls: {mode: SIMPLE}}}")
                + dr("cred", "{host: b.example.com, trafficPolicy: {tls: {mode: MUTUAL, credentialName: b}}}")
                + dr("selected", "{host: c.example.com, workloadSelector: {matchLabels: {app: x}}, trafficPolicy: "
                + "{tls: {mode: SIMPLE, credentialName: c}}}")
                + dr("skip", "{host: d.example.com, trafficPolicy: {tls: {mode: SIMPLE, insecureSkipVerify: true}}}")
                + dr("subset", "{host: e.example.com, subsets: [{name: s, labels: {a: b}, trafficPolicy: {tls: "
                + "{mode: SIMPLE}, portLevelSettings: [{port: {number: 443}, tls: {mode: MUTUAL}}]}}]}");
        List<Reported> dest = RuleHarness.run(new DestinationRuleCaMissingRule(), yaml);
        assertThat(pointers(dest)).containsExactly(
                "DestinationRule bookinfo/none /spec/trafficPolicy/tls/mode Warning",
                "DestinationRule bookinfo/cred /spec/trafficPolicy/tls/credentialName Info",
                "DestinationRule bookinfo/subset /spec/subsets/0/trafficPolicy/tls/mode Warning");
        assertThat(dest.get(0).message()).isEqualTo("DestinationRule none in namespace bookinfo has TLS mode set to "
                + "SIMPLE but no caCertificates are set to validate server identity for host: a.example.com");
        List<Reported> port = RuleHarness.run(new DestinationRulePortCaMissingRule(), yaml);
        assertThat(port).singleElement().satisfies(x -> {
            assertThat(x.pointer()).isEqualTo("/spec/subsets/0/trafficPolicy/portLevelSettings/0/tls/mode");
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.message()).endsWith("for host: e.example.com at port 443 (subset s)");
        });
    }
}
