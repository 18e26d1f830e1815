package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GW0701 single-destination-weight, GW0702 route-weights and GW0514 route-weight-invalid. */
class RouteWeightRulesTest {
    private static String vs(String routes) {
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: reviews, namespace: bookinfo}
                spec:
                  hosts: [reviews]
                  http:
                  - route:
                """ + routes.indent(4);
    }

    private static List<String> run(String yaml, String code) {
        return RuleTesting.findings(yaml, code).stream().map(f -> f.severity().label() + " " + f.location().field()
                + " " + f.message() + " | " + String.join(",", f.aliases())).toList();
    }

    @Test
    void singleDestinationWithAWeightBelow100GetsEverything() {
        assertThat(run(vs("- {destination: {host: reviews, subset: v2}, weight: 10}"), "GW0701")).containsExactly(
                "Warning /spec/http/0/route/0/weight The weight is assumed to be 100 because there is only one route "
                        + "destination: http[0] sends all its traffic to reviews (subset v2), not 10% | KIA1104");
        assertThat(run(vs("- {destination: {host: reviews}}"), "GW0701")).isEmpty();
        assertThat(run(vs("- {destination: {host: reviews}, weight: 100}"), "GW0701")).isEmpty();
    }

    @Test
    void weightsOfSeveralDestinations() {
        assertThat(run(vs("""
                - {destination: {host: reviews, subset: v1}, weight: 90}
                - {destination: {host: reviews, subset: v2}}
                """), "GW0702")).containsExactly("Warning /spec/http/0/route/1 http[0] gives weights to other "
                + "destinations but none to reviews (subset v2), so it gets weight 0: no traffic | ");
        assertThat(run(vs("""
                - {destination: {host: reviews, subset: v1}, weight: 90}
                - {destination: {host: reviews, subset: v2}, weight: 20}
                """), "GW0702")).containsExactly("Info /spec/http/0/route the weights of http[0] add up to 110, not "
                + "100; Istio splits traffic in proportion: reviews (subset v1) 81.8%, reviews (subset v2) 18.2% | ");
        assertThat(run(vs("""
                - {destination: {host: reviews, subset: v1}, weight: 100}
                - {destination: {host: reviews, subset: v2}, weight: 0}
                """), "GW0702")).as("an explicit 0 drains on purpose").isEmpty();
    }

    @Test
    void negativeWeightsAndAZeroTotalAreSchemaErrors() {
        String negative = vs("""
                - {destination: {host: reviews, subset: v1}, weight: 110}
                - {destination: {host: reviews, subset: v2}, weight: -10}
                """);
        assertThat(run(negative, "GW0514")).containsExactly("Error /spec/http/0/route/1/weight weight -10 < 0 in "
                + "http[0]; Istio's admission webhook rejects this VirtualService | IST0106");
        assertThat(run(negative, "GW0702")).as("one problem, one finding").isEmpty();
        assertThat(run(vs("""
                - {destination: {host: reviews, subset: v1}}
                - {destination: {host: reviews, subset: v2}}
                """), "GW0514")).containsExactly("Error /spec/http/0/route total destination weight = 0 in http[0]; "
                + "Istio's admission webhook rejects this VirtualService | IST0106");
    }

    /** A cluster's objects carry no positions: whether a weight is written must come from the object itself. */
    @Test
    void resourcesWithoutPositionsAreJudgedTheSame() {
        for (String routes : List.of("""
                - {destination: {host: reviews, subset: v1}, weight: 50}
                - {destination: {host: reviews, subset: v2}, weight: 50}
                """, """
                - {destination: {host: reviews, subset: v1}, weight: 90}
                - {destination: {host: reviews, subset: v2}}
                """, """
                - {destination: {host: reviews, subset: v1}, weight: 100}
                - {destination: {host: reviews, subset: v2}, weight: 0}
                """, "- {destination: {host: reviews, subset: v2}, weight: 10}",
                "- {destination: {host: reviews}}")) {
            for (String code : List.of("GW0701", "GW0702")) {
                assertThat(messages(withoutPositions(vs(routes)), code)).as(code + " " + routes)
                        .isEqualTo(messages(RuleTesting.findings(vs(routes), code)));
            }
        }
    }

    private static List<Finding> withoutPositions(String yaml) {
        var loaded = new io.gwctl.model.load.ManifestLoader(io.gwctl.model.load.LoadOptions.defaults()
                .withoutPositions()).loadString(yaml, "cluster.yaml");
        return io.gwctl.validators.Validator.run(loaded.snapshot(), io.gwctl.validators.ValidateOptions.defaults())
                .findings();
    }

    private static List<String> messages(List<Finding> findings, String code) {
        return messages(findings.stream().filter(f -> f.code().equals(code)).toList());
    }

    private static List<String> messages(List<Finding> findings) {
        return findings.stream().map(f -> f.severity().label() + " " + f.location().field() + " " + f.message())
                .toList();
    }

    @Test
    void kialiDocsExamples() {
        List<Finding> f = RuleTesting.fixtureFindings("GW0701");
        assertThat(f).extracting(Finding::code).containsOnly("GW0701").hasSize(2);
    }
}
