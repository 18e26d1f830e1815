package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.gwctl.model.Snapshot;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.load.LoadResult;
import io.gwctl.validators.RuleFixtures;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Conformance of the route rules (GW0701–GW0707) with istioctl's fixtures ({@code istio-analyzers/EXPECTED.md} §B2
 * IST0140, §B4 IST0109, §B6 IST0130/IST0131) and Kiali's KIA1104/KIA1105/KIA1106 examples ({@code kiali/EXPECTED.md}
 * §G7), through the whole validator: every finding the tools expect is matched by a gwctl finding on the same
 * resource carrying that code as an alias, and no resource the tools leave clean gets one. Deliberate differences are
 * asserted and explained where they occur.
 */
class RouteRulesConformanceTest {

    private static Path shared(String sub) {
        Path dir = RuleFixtures.sharedDir().resolve("conformance").resolve(sub);
        assumeThat(Files.isDirectory(dir)).as("../shared/conformance absent: " + dir + " (conformance skipped)")
                .isTrue();
        return dir;
    }

    private static Snapshot load(Path... files) {
        LoadResult r = RuleFixtures.load(List.of(files));
        assertThat(r.problems()).as("load problems").isEmpty();
        return r.snapshot();
    }

    private static List<Finding> findings(Snapshot s, String alias) {
        return Validator.run(s, ValidateOptions.defaults()).findings().stream()
                .filter(f -> f.aliases().contains(alias)).toList();
    }

    /** {@code ns/name} of every resource with a finding carrying {@code alias}, sorted, once each. */
    private static List<String> resources(Snapshot s, String alias) {
        return findings(s, alias).stream().map(f -> f.resource().namespace() + "/" + f.resource().name()).distinct()
                .sorted().toList();
    }

    @Test
    void ingressRouteRulesNotAffected() {
        Snapshot s = load(shared("istio-analyzers").resolve("virtualservice_route_rule_no_effects_ingress.yaml"));
        assertThat(resources(s, "IST0140")).containsExactly("default/testing-service-01-test-01");
        assertThat(findings(s, "IST0140").get(0).message()).startsWith("Subset in virtual service default/ratings-01 "
                + "has no effect on ingress gateway default/testing-service-01-test-01 requests");
    }

    @Test
    void conflictingMeshGatewayHosts() {
        Snapshot s = load(shared("istio-analyzers").resolve("virtualservice_conflictingmeshgatewayhosts.yaml"));
        // One finding per VirtualService, as istioctl deduplicates; bar/reviews is gateway-only, team1 is private.
        assertThat(resources(s, "IST0109")).containsExactly("bar/ratings", "foo/bogus-productpage", "foo/productpage",
                "foo/ratings", "team2/ratings", "team3/ratings", "team4/ratings");
        assertThat(findings(s, "IST0109")).hasSize(7).allSatisfy(f -> assertThat(f.code()).isEqualTo("GW0704"));
        assertThat(findings(s, "IST0109")).extracting(Finding::message).anySatisfy(m -> assertThat(m).startsWith(
                "The VirtualServices foo/bogus-productpage,foo/productpage associated with mesh gateway define the "
                        + "same host */productpage.foo.svc.cluster.local which can lead to undefined behavior"));
    }

    @Test
    void conflictingMeshGatewayHostsWithExportTo() {
        Snapshot s = load(shared("istio-analyzers")
                .resolve("virtualservice_conflictingmeshgatewayhosts_with_exportto.yaml"));
        assertThat(resources(s, "IST0109")).containsExactly("bar/productpage", "bar/productpage-c",
                "bar/productpage-d", "foo/productpage", "foo/productpage-c", "foo/productpage-d");
    }

    @Test
    void unreachableRulesAndIneffectiveMatches() {
        Path dir = shared("istio-analyzers");
        Snapshot s = load(dir.resolve("virtualservice_dupmatches.yaml"),
                dir.resolve("virtualservice_overlappingmatches.yaml"));
        assertThat(resources(s, "IST0130")).containsExactly("default/duplicate-empty-tcp", "default/duplicate-match",
                "default/duplicate-tcp-match",
                // Deliberate: istioctl's IST0131 (prefix overlap, Info); the only match of rule 1 is covered by the
                // /api/v1/product prefix of rule 0, so the whole rule is dead, which gwctl reports as IST0130.
                "default/overlapping-in-two-matches",
                "foo/sample-foo-cluster01", "none/tls-routing");
        assertThat(resources(s, "IST0131")).containsExactly("default/almost-duplicate-match",
                "default/almost-duplicate-tcp-match", "default/non-method-get", "default/overlapping-in-single-match",
                "default/overlapping-mathes-with-different-methods",
                // Deliberate: istioctl analyses prefix-vs-prefix overlaps only; exact / after prefix / in one rule is
                // as redundant, so gwctl reports it (Info).
                "default/uri-with-prefix-exact",
                "none/tls-routing-almostmatch");
        // Deliberate: istioctl also gives IST0131 for each copied match of a rule it reports as IST0130
        // (duplicate-match, duplicate-tcp-match, tls-routing); gwctl reports a dead rule once, not once per match.
        assertThat(resources(s, "IST0131")).doesNotContain("default/duplicate-match", "default/duplicate-tcp-match",
                "none/tls-routing");
        assertThat(findings(s, "IST0130")).extracting(Finding::code).containsOnly("GW0706");
    }

    @Test
    void kialiMoreThanOneVirtualServiceForTheSameHost() {
        Snapshot s = load(shared("kiali").resolve("kiali.io-validation-examples/104.yaml"));
        assertThat(resources(s, "KIA1106")).containsExactly("default/reviews", "default/reviews-cp");
        assertThat(findings(s, "KIA1106")).allSatisfy(f -> assertThat(f.location().field()).isEqualTo(
                "/spec/hosts/0"));
    }

    @Test
    void kialiSingleDestinationWeight() {
        Snapshot s = load(shared("kiali").resolve("kiali.io-validation-examples/106.yaml"));
        assertThat(findings(s, "KIA1104")).singleElement().satisfies(f -> {
            assertThat(f.resource().name()).isEqualTo("reviews");
            assertThat(f.location().field()).isEqualTo("/spec/http/0/route/0/weight"); // Kiali: route[0]/weight
        });
    }

    @Test
    void kialiRepeatedHostSubset() {
        Snapshot s = load(shared("kiali").resolve("kiali.io-validation-examples/111.yaml"));
        // Kiali marks both occurrences (route[1] and route[2]); gwctl reports the repeated one, naming the first.
        assertThat(findings(s, "KIA1105")).singleElement().satisfies(f -> {
            assertThat(f.resource().name()).isEqualTo("reviews");
            assertThat(f.location().field()).isEqualTo("/spec/http/0/route/2/destination");
            assertThat(f.message()).contains("route[1] and route[2]");
        });
    }

    @Test
    void kialiRetiredWeightExamplesAreCoveredByGw0702() {
        Path dir = shared("kiali").resolve("kiali.io-validation-examples");
        // 109: 90 + 20 (Kiali's retired "weight sum should be 100"); 110: a destination without weight.
        assertThat(Validator.run(load(dir.resolve("109.yaml")), ValidateOptions.defaults()).findings())
                .filteredOn(f -> f.code().equals("GW0702")).extracting(f -> f.severity().label())
                .containsExactly("Info");
        assertThat(Validator.run(load(dir.resolve("110.yaml")), ValidateOptions.defaults()).findings())
                .filteredOn(f -> f.code().equals("GW0702")).extracting(f -> f.severity().label())
                .containsExactly("Warning");
    }
}
