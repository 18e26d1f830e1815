package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.gwctl.model.Coverage;
import io.gwctl.model.Kind;
import io.gwctl.model.Snapshot;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.load.LoadResult;
import io.gwctl.validators.RuleFixtures;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conformance of GW0601-GW0611 with istioctl's DestinationHostAnalyzer, DestinationRuleAnalyzer,
 * CaCertificateAnalyzer and SubsetSelectPodAnalyzer fixtures ({@code istio-analyzers/EXPECTED.md} §B2, §B3, §C) and
 * Kiali's KIA1107/KIA0203/KIA0209 fixtures ({@code kiali/EXPECTED.md} §G4, §G5) and docs examples, through the whole
 * validator: every finding the tools expect is matched by a gwctl finding on the same resource carrying the code as
 * an alias, and none appears where they expect none. Deliberate differences are asserted and explained in place.
 */
class DestinationConformanceTest {
    /** The rules of this family: other rules (GW0401 …) may carry the same IST0101 alias for other reasons. */
    private static final Set<String> CODES = Set.of("GW0601", "GW0602", "GW0603", "GW0604", "GW0605", "GW0606",
            "GW0607", "GW0608", "GW0609", "GW0610", "GW0611");

    /** A bookinfo-like namespace for Kiali's docs examples, which assume bookinfo runs in the cluster. */
    private static final String BOOKINFO_RUNTIME = """
            apiVersion: v1
            kind: Service
            metadata: {name: reviews, namespace: default}
            spec:
              selector: {app: reviews}
              ports: [{name: http, port: 9080}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: details, namespace: default}
            spec:
              selector: {app: details}
              ports: [{name: http, port: 9080}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: reviews-v1, namespace: default, labels: {app: reviews, version: v1}}
            spec: {containers: [{name: reviews, image: reviews}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: reviews-v2, namespace: default, labels: {app: reviews, version: v2}}
            spec: {containers: [{name: reviews, image: reviews}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: reviews-v3, namespace: default, labels: {app: reviews, version: v3}}
            spec: {containers: [{name: reviews, image: reviews}]}
            """;

    private static Path shared(String sub) {
        Path dir = RuleFixtures.sharedDir().resolve("conformance").resolve(sub);
        assumeThat(Files.isDirectory(dir)).as("../shared/conformance absent: " + dir + " (conformance skipped)")
                .isTrue();
        return dir;
    }

    private static Snapshot load(Path file, String... extra) {
        LoadResult r = RuleFixtures.load(List.of(file));
        assertThat(r.problems()).as("load problems of " + file).isEmpty();
        Snapshot.Builder b = Snapshot.builder().addAll(r.snapshot().all());
        for (String yaml : extra) {
            b.addAll(RuleHarness.load(yaml).all());
        }
        return b.build();
    }

    /** The snapshot as a cluster read gives it: every Service listed, so a missing one does not exist. */
    private static Snapshot cluster(Snapshot s) {
        return Snapshot.builder().addAll(s.all()).coverage(new Coverage(Set.of(Kind.SERVICE), List.of())).build();
    }

    private static List<Finding> findings(Snapshot s, String alias) {
        return Validator.run(s, ValidateOptions.defaults()).findings().stream()
                .filter(f -> CODES.contains(f.code()) && f.aliases().contains(alias)).toList();
    }

    /** {@code Kind ns/name pointer} of every finding of this family carrying {@code alias}, sorted. */
    private static List<String> withAlias(Snapshot s, String alias) {
        return findings(s, alias).stream().map(f -> f.resource() + " " + f.location().field()).sorted().toList();
    }

    private static List<Finding> family(Snapshot s) {
        return Validator.run(s, ValidateOptions.defaults()).findings().stream()
                .filter(f -> CODES.contains(f.code())).toList();
    }

    @Test
    void istioDestinationHosts() {
        Path fixture = shared("istio-analyzers").resolve("virtualservice_destinationhosts.yaml");
        Snapshot s = load(fixture);
        // Deliberate difference: "reviews-bogus" is missing from the files without a sign of a mistake (no Service of
        // that name elsewhere, none one typo away), and files often hold only part of the Services; gwctl says it
        // skipped the host. Read from a cluster, where Services are listed completely, it is reported (below).
        assertThat(withAlias(s, "IST0101")).containsExactly(
                "VirtualService default/reviews-bogushost /spec/http/0/route/0",
                "VirtualService default/reviews-bogusport /spec/http/0/route/0/destination/port/number",
                "VirtualService default/reviews-bookinfo-other /spec/http/0/route/0/destination/host",
                "VirtualService hello/hello-export-to-bogus /spec/http/0/route/0/destination/host",
                "VirtualService istio-system/cross-namespace-details /spec/http/0/route/0/destination/host");
        assertThat(Validator.run(s, ValidateOptions.defaults()).findings()).anySatisfy(f -> assertThat(f.message())
                .isEqualTo("check GW0601 skipped for 1 destination host the input cannot resolve: "
                        + "reviews-bogus.default.svc.cluster.local (no such Service in the input)"));
        Snapshot cluster = cluster(s);
        assertThat(withAlias(cluster, "IST0101")).contains(
                "VirtualService default/reviews-bogushost /spec/http/0/route/1/destination/host",
                "VirtualService default/reviews-mirror-bogushost /spec/http/0/mirror/host").hasSize(7);
        assertThat(findings(cluster, "IST0101")).extracting(Finding::message).contains(
                "Referenced mirror host not found: \"reviews-bogus\" (looked up Service "
                        + "reviews-bogus.default.svc.cluster.local; no such Service)",
                "Referenced host:port not found: \"reviews:999\" (Service default/reviews has port [42])");
        // reviews-2port-missing has no hosts, so the port a request arrives on is unknown: reported as istioctl does.
        assertThat(withAlias(s, "IST0112")).containsExactly(
                "VirtualService default/reviews-2port-missing /spec/http/0/route/0/destination");
        assertThat(findings(s, "IST0112").get(0).message()).startsWith("This VirtualService routes to a service "
                + "\"reviews-2port\" that exposes multiple ports [80 443]. Specifying a port");
    }

    @Test
    void istioDestinationRuleSubsets() {
        Snapshot s = load(shared("istio-analyzers").resolve("virtualservice_destinationrules.yaml"));
        assertThat(withAlias(s, "IST0101")).containsExactly(
                "VirtualService default/reviews-bogussubset /spec/http/0/route/0/destination/subset",
                "VirtualService default/reviews-mirror-bogussubset /spec/http/0/mirror/subset");
        assertThat(findings(s, "IST0101")).extracting(Finding::message).containsExactly(
                "Referenced host+subset in destinationrule not found: \"reviews+bogus\" (DestinationRule "
                        + "default/reviews defines v1)",
                "Referenced mirror+subset in destinationrule not found: \"reviews+bogus\" (DestinationRule "
                        + "default/reviews defines v1)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "destinationrule-simple-destination.yaml, IST0128, /spec/trafficPolicy/tls/mode",
        "destinationrule-mutual-destination.yaml, IST0128, /spec/trafficPolicy/tls/mode",
        "destinationrule-simple-port.yaml, IST0129, /spec/trafficPolicy/portLevelSettings/0/tls/mode",
        "destinationrule-mutual-port.yaml, IST0129, /spec/trafficPolicy/portLevelSettings/0/tls/mode",
    })
    void istioCaCertificates(String fixture, String alias, String pointer) {
        Snapshot s = load(shared("istio-analyzers").resolve(fixture));
        List<Finding> f = family(s);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).aliases()).containsExactly(alias);
        assertThat(f.get(0).location().field()).isEqualTo(pointer);
        assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"destinationrule-compound-simple-mutual.yaml", "destinationrule-compound-mutual-simple.yaml"})
    void istioCaCertificatesAtBothLevels(String fixture) {
        Snapshot s = load(shared("istio-analyzers").resolve(fixture));
        assertThat(withAlias(s, "IST0128")).containsExactly("DestinationRule default/db-mtls "
                + "/spec/trafficPolicy/tls/mode");
        assertThat(withAlias(s, "IST0129")).containsExactly("DestinationRule default/db-mtls "
                + "/spec/trafficPolicy/portLevelSettings/0/tls/mode");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"destinationrule-with-ca.yaml", "destinationrule-simple-destination-credentialname-selector"
            + ".yaml", "destinationrule-simple-port-credentialname-selector.yaml"})
    void istioCaCertificatesClean(String fixture) {
        assertThat(family(load(shared("istio-analyzers").resolve(fixture)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"destinationrule-simple-destination-credentialname.yaml",
            "destinationrule-simple-port-credentialname.yaml"})
    void istioCaCertificatesCredentialNameWithoutSelector(String fixture) {
        // Deliberate difference: istioctl warns (IST0128/IST0129). Gateways read the CA from the credentialName
        // Secret, and only sidecars (which ignore credentialName without a workloadSelector) skip verification:
        // gwctl says so as Info, without the Warning's alias.
        List<Finding> f = family(load(shared("istio-analyzers").resolve(fixture)));
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.INFO);
        assertThat(f.get(0).aliases()).isEmpty();
        assertThat(f.get(0).message()).contains("gateways read the CA from Secret db-credential");
    }

    @Test
    void istioDestinationRuleWithFakeHost() {
        Path fixture = shared("istio-analyzers").resolve("destinationrule-with-fake-host.yaml");
        // Deliberate difference: the file holds no Service of namespace default, so gwctl cannot say the host is
        // missing (it may be deployed with the application) and says the check was skipped.
        assertThat(withAlias(load(fixture), "IST0174")).isEmpty();
        assertThat(Validator.run(load(fixture), ValidateOptions.defaults()).findings()).anySatisfy(f -> assertThat(
                f.message()).isEqualTo("check GW0606 skipped for 1 DestinationRule host the input cannot resolve: "
                + "fake-svc.default.svc.cluster.local (no Services of namespace default in the input)"));
        // Read from a cluster, with the namespace's Services listed, it is reported as istioctl does.
        Snapshot s = cluster(load(fixture, """
                apiVersion: v1
                kind: Service
                metadata: {name: httpbin, namespace: default}
                spec: {selector: {app: httpbin}, ports: [{name: http, port: 8000}]}
                """));
        assertThat(withAlias(s, "IST0174")).containsExactly("DestinationRule default/fake-host /spec/host");
        assertThat(findings(s, "IST0174").get(0).message()).startsWith("The host fake-svc.default.svc.cluster.local "
                + "defined in the DestinationRule does not match any services in the mesh.");
    }

    @Test
    void istioSubsetsNotSelectPods() {
        Snapshot s = load(shared("istio-analyzers").resolve("destinationrule-subsets-not-select-pods.yaml"));
        // Deliberate difference: Istio expects IST0173 because no pod anywhere has version=v3; the input holds no
        // workload of namespace default at all, so gwctl cannot tell and says the check was skipped.
        assertThat(withAlias(s, "IST0173")).isEmpty();
        assertThat(Validator.run(s, ValidateOptions.defaults()).findings()).anySatisfy(f -> assertThat(f.message())
                .isEqualTo("check GW0605 skipped for the subsets of Services in namespace default: no Pods or "
                        + "Deployments of that namespace in the input"));
        // With a pod of the Service that lacks version=v3, it is reported; Kiali's unknown level (no VirtualService
        // routes to the subset) is Info, without istioctl's Error alias.
        Snapshot withPod = load(shared("istio-analyzers").resolve("destinationrule-subsets-not-select-pods.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata: {name: httpbin-v1, namespace: default, labels: {app: httpbin, version: v1}}
                spec: {containers: [{name: httpbin, image: httpbin}]}
                """);
        assertThat(withAlias(withPod, "KIA0203")).containsExactly(
                "DestinationRule default/subsets-not-select-pods /spec/subsets/0");
        assertThat(findings(withPod, "KIA0203").get(0).severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void istioTopologyLabels() {
        assertThat(family(load(shared("istio-analyzers").resolve(
                "destinationrule-subsets-with-topology-labels.yaml")))).isEmpty();
        Snapshot s = load(shared("istio-analyzers").resolve("destinationrule-empty-topology-labels.yaml"));
        assertThat(withAlias(s, "KIA0203")).containsExactly(
                "DestinationRule default/empty-topology-labels /spec/subsets/0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "subset-presence-matching-subsets-1.yaml|",
        "subset-presence-export-subset.yaml|",
        "subset-presence-matching-subsets-2.yaml|",
        "subset-presence-matching-subsets-diff-ns-fqdn.yaml|",
        "subset-presence-service-entry.yaml|",
        "subset-presence-no-matching-export-subset.yaml|/spec/http/0/route/0/destination/subset,"
                + "/spec/http/0/route/1/destination/subset",
        "subset-presence-matching-subsets-diff-ns.yaml|/spec/http/0/route/0/destination/subset,"
                + "/spec/http/1/route/0/destination/subset",
        "subset-presence-no-matching-subsets-1.yaml|/spec/http/0/route/0/destination/subset,"
                + "/spec/http/1/route/0/destination/subset",
        "subset-presence-no-matching-subsets-2.yaml|/spec/http/0/route/0/destination/subset,"
                + "/spec/http/1/route/0/destination/subset",
        "subset-presence-no-matching-subsets-3.yaml|/spec/http/0/route/0/destination/subset,"
                + "/spec/http/1/route/0/destination/subset",
        "subset-presence-service-entry-invalid.yaml|/spec/http/1/route/0/destination/subset,"
                + "/spec/tls/1/route/0/destination/subset",
    })
    void kialiSubsetPresence(String fixture, String pointers) {
        Snapshot s = load(shared("kiali").resolve("kiali-tests-data/virtualservices").resolve(fixture));
        // Kiali checks VirtualServices[0] of each file (the only one in these fixtures).
        String vs = s.virtualServices().get(0).ref().friendlyName();
        List<String> expected = pointers == null ? List.of()
                : List.of(pointers.split(",")).stream().map(p -> vs + " " + p).sorted().toList();
        assertThat(withAlias(s, "KIA1107")).isEqualTo(expected);
    }

    @Test
    void kialiSubsetPresenceHalfFqdn() {
        // Deliberate difference: Kiali reads "reviews.bookinfo" as reviews.bookinfo.svc.cluster.local; istiod completes
        // only names without a dot (ResolveShortnameToFQDN), so "reviews.bookinfo" is another host, and the
        // DestinationRule's subsets do not apply to it (503 NC). gwctl reports the destinations istiod cannot route.
        Path dir = shared("kiali").resolve("kiali-tests-data/virtualservices");
        assertThat(withAlias(load(dir.resolve("subset-presence-matching-subsets-half-fqdn.yaml")), "KIA1107"))
                .containsExactly("VirtualService bookinfo/reviews-vs /spec/http/0/route/0/destination/subset",
                        "VirtualService bookinfo/reviews-vs /spec/http/1/route/0/destination/subset");
        // The DestinationRule of diff-ns has the literal host "reviews.bookinfo": it serves that destination, not the
        // FQDN one.
        assertThat(withAlias(load(dir.resolve("subset-presence-matching-subsets-diff-ns-half-fqdn.yaml")), "KIA1107"))
                .containsExactly("VirtualService bookinfo/reviews-vs /spec/http/1/route/0/destination/subset");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "subset-presence-not-referenced.yaml, INFO",
        "subset-presence-wrongly-referenced.yaml, INFO",
    })
    void kialiSubsetLabelsNotFound(String fixture, Severity severity) {
        Snapshot s = load(shared("kiali").resolve("kiali-tests-data/virtualservices").resolve(fixture),
                readRuntime());
        assertThat(withAlias(s, "KIA0203")).containsExactly("DestinationRule bookinfo/testrule /spec/subsets/0",
                "DestinationRule bookinfo/testrule /spec/subsets/1");
        assertThat(findings(s, "KIA0203")).allSatisfy(f -> assertThat(f.severity()).isEqualTo(severity));
    }

    @Test
    void kialiSubsetLabelsReferenced() {
        Snapshot s = load(shared("kiali").resolve("kiali-tests-data/virtualservices")
                .resolve("subset-presence-referenced.yaml"), readRuntime());
        // Kiali makes both errors. testvs routes to wrong-v2 through "reviews" (an Error here too), but to wrong-v1
        // through "reviews.bookinfo", which istiod does not complete to the rule's host: nothing routes to wrong-v1,
        // so it is Info (Kiali's unknown), and GW0604 reports the half-FQDN destination instead.
        assertThat(findings(s, "KIA0203")).extracting(f -> f.location().field() + " " + f.severity())
                .containsExactlyInAnyOrder("/spec/subsets/0 INFO", "/spec/subsets/1 ERROR");
    }

    @Test
    void kialiSubsetLabelsMatch() {
        Snapshot s = load(shared("kiali").resolve("kiali-tests-data/virtualservices")
                .resolve("subset-presence-matching-not-referenced.yaml"), readRuntime());
        assertThat(withAlias(s, "KIA0203")).isEmpty();
    }

    private static String readRuntime() {
        try {
            return Files.readString(shared("kiali").resolve("_kiali-implicit-runtime.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void kialiNoSubsetLabelsChecker() {
        // A wildcard host without subsets: nothing to report (the fixture is not used by Kiali's tests either).
        assertThat(family(load(shared("kiali").resolve("kiali-tests-data/destinationrules/"
                + "no-subset-labels-checker.yaml")))).isEmpty();
    }

    @Test
    void kialiDocsDuplicateDestinationRules() {
        Snapshot s = load(shared("kiali").resolve("kiali.io-validation-examples/001.yaml"), BOOKINFO_RUNTIME);
        // Deliberate difference: Kiali flags both rules; istiod merges them and drops reviews-dr2's subset v1 and
        // trafficPolicy, so gwctl reports those parts on reviews-dr2.
        assertThat(withAlias(s, "KIA0201")).containsExactly("DestinationRule default/reviews-dr2 /spec/subsets/0",
                "DestinationRule default/reviews-dr2 /spec/trafficPolicy");
        // reviews.bookinfo is not the host reviews.bookinfo.svc.cluster.local: istiod does not merge the two.
        Snapshot other = load(shared("kiali").resolve("kiali.io-validation-examples/001-format-unsupported.yaml"));
        assertThat(withAlias(other, "KIA0201")).isEmpty();
    }

    @Test
    void kialiDocsUnknownHostAndSubsets() {
        // Kiali's docs examples are applied to a cluster running bookinfo: read as from that cluster.
        assertThat(withAlias(cluster(load(shared("kiali").resolve("kiali.io-validation-examples/002.yaml"),
                BOOKINFO_RUNTIME)), "KIA0202")).containsExactly("DestinationRule default/reviews /spec/host");
        Snapshot s = load(shared("kiali").resolve("kiali.io-validation-examples/003.yaml"), BOOKINFO_RUNTIME);
        assertThat(withAlias(s, "KIA0203")).containsExactly("DestinationRule default/reviews /spec/subsets/0",
                "DestinationRule default/reviews /spec/subsets/1");
    }

    @Test
    void kialiDocsDestinationHostAndSubset() {
        assertThat(withAlias(cluster(load(shared("kiali").resolve("kiali.io-validation-examples/102.yaml"),
                BOOKINFO_RUNTIME)), "KIA1101")).containsExactly(
                "VirtualService default/details /spec/http/0/route/0/destination/host");
        Snapshot s = load(shared("kiali").resolve("kiali.io-validation-examples/105.yaml"), BOOKINFO_RUNTIME, """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: reviews, namespace: default}
                spec:
                  host: reviews
                  subsets:
                  - {name: v1, labels: {version: v1}}
                  - {name: v2, labels: {version: v2}}
                """);
        assertThat(withAlias(s, "KIA1107")).containsExactly(
                "VirtualService default/reviews /spec/http/0/route/0/destination/subset");
    }
}
