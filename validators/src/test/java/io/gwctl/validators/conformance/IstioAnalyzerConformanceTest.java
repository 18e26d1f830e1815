package io.gwctl.validators.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.load.LoadResult;
import io.gwctl.validators.RuleFixtures;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.Validator;
import io.gwctl.validators.conformance.ExpectedTables.Expected;
import io.gwctl.validators.conformance.ExpectedTables.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks {@code ../shared/conformance/istio-analyzers/EXPECTED.md}: for every fixture of the gateway, virtualservice,
 * destinationrule and service analyzers, every finding Istio's test expects is a gwctl finding carrying that IST code
 * as an alias on the same resource, and the gwctl rules that answer that analyzer report that alias on no other
 * resource of the fixture. Where gwctl deliberately answers differently, {@link #DIFFERENT} says why; the tally
 * (expected, matched, deliberately different, out of scope) is printed.
 *
 * <p>Each fixture is loaded with Istio's implicit default ingress Pod and Service, as the harness does. Resources
 * without a namespace are in {@code default} for gwctl (as for the istioctl CLI); the harness leaves them without one.
 */
class IstioAnalyzerConformanceTest {
    /** The sections in scope and the gwctl codes that answer each analyzer. */
    static final Map<String, Set<String>> ANSWERED_BY = Map.ofEntries(
            Map.entry("A1", Set.of("GW0201", "GW0202")),
            Map.entry("A2", Set.of("GW0101", "GW0102", "GW0202")),
            Map.entry("A3", Set.of("GW0301")),
            Map.entry("A4", Set.of("GW0110")),
            Map.entry("B1", Set.of("GW0401", "GW0403")),
            Map.entry("B2", Set.of("GW0601", "GW0602", "GW0603", "GW0707")),
            Map.entry("B3", Set.of("GW0604")),
            Map.entry("B4", Set.of("GW0704")),
            Map.entry("B6", Set.of("GW0706")),
            Map.entry("C", Set.of("GW0605", "GW0606", "GW0610", "GW0611")),
            Map.entry("D", Set.of("GW0203", "GW0206", "GW0207")));

    /** Sections of EXPECTED.md outside gateway linting, or not analyzers (E is about the CLI, tested elsewhere). */
    static final Map<String, String> OUT_OF_SCOPE = Map.of(
            "B5", "IST0149 needs the RequestAuthentications selecting the gateway pods; gwctl does not read security "
                    + "policies (not implemented, listed here so the gap stays visible)",
            "E", "CLI-level fixtures: exit codes and file:line are tested by the cli module's tests");

    /**
     * Expected findings (as {@link Expected#toString()} prefixed by the fixture file) and unexpected ones (prefixed
     * {@code unexpected }) where gwctl deliberately differs, with the reason.
     */
    static final Map<String, String> DIFFERENT = Map.ofEntries(
            Map.entry("virtualservice_gateways.yaml IST0132 VirtualService httpbin-bogus",
                    "a missing Gateway is reported once, as GW0401 (IST0101); Istio repeats it as IST0132"),
            // IST0138: istioctl reports a shared certificate on the Gateway with the smaller selector (both when
            // equal); gwctl reports each pair once, on the later Gateway in istiod's order, naming the earlier one
            // (TlsConformanceTest checks that every istioctl pair is covered).
            Map.entry("gateway-duplicate-certificate.yaml IST0138 Gateway istio-system/gateway-01-test-01",
                    "reported on its partner gateway-02-test-01, which names it"),
            Map.entry("gateway-duplicate-certificate.yaml IST0138 Gateway istio-system/gateway-01-test-02",
                    "reported on its partner gateway-02-test-02, which names it"),
            Map.entry("gateway-duplicate-certificate.yaml IST0138 Gateway default/gateway-01-test-03",
                    "reported on its partner istio-system/gateway-02-test-03, which names it"),
            Map.entry("gateway-duplicate-certificate.yaml unexpected IST0138 Gateway istio-system/gateway-02-test-02",
                    "the later Gateway of the pair gateway-01-test-02/gateway-02-test-02 (see above)"),
            Map.entry("gateway-duplicate-certificate.yaml unexpected IST0138 Gateway istio-system/gateway-02-test-03",
                    "the later Gateway of the pair gateway-01-test-03/gateway-02-test-03 (see above)"),
            // Gateway API: gwctl translates Istio Gateways only; it does not read gateway.networking.k8s.io.
            Map.entry("virtualservice_kubernetes_gateways.yaml IST0132 VirtualService default/my-vs-host-mismatch",
                    "the hosts of a Gateway API listener are not read, so gwctl cannot compare them"),
            Map.entry("virtualservice_internal_gateway_ref.yaml IST0165 VirtualService httpbin",
                    "a reference to a Gateway generated from a Gateway API Gateway is skipped, not judged"),
            // B6: a rule that is dead as a whole is reported once (IST0130); istioctl adds an IST0131 for each of its
            // matches (RouteRulesConformanceTest has the details).
            Map.entry("virtualservice_dupmatches.yaml + virtualservice_overlappingmatches.yaml IST0131 VirtualService duplicate-match",
                    "its dead rule is reported once, as IST0130, not again per match"),
            Map.entry("virtualservice_dupmatches.yaml + virtualservice_overlappingmatches.yaml IST0131 VirtualService duplicate-tcp-match",
                    "its dead rule is reported once, as IST0130, not again per match"),
            Map.entry("virtualservice_dupmatches.yaml + virtualservice_overlappingmatches.yaml IST0131 VirtualService none/tls-routing",
                    "its dead rule is reported once, as IST0130, not again per match"),
            Map.entry("virtualservice_dupmatches.yaml + virtualservice_overlappingmatches.yaml IST0131 VirtualService overlapping-in-two-matches",
                    "the rule's only match is covered, so the whole rule is dead: IST0130 (below)"),
            Map.entry("virtualservice_dupmatches.yaml + virtualservice_overlappingmatches.yaml unexpected IST0130 VirtualService default/overlapping-in-two-matches",
                    "the rule's only match is covered by the earlier rule: the rule is never used"),
            Map.entry("virtualservice_dupmatches.yaml + virtualservice_overlappingmatches.yaml unexpected IST0131 VirtualService default/uri-with-prefix-exact",
                    "the exact / match after prefix / in the same rule is redundant; istioctl compares prefixes only"),
            // B2, C: files hold part of the Services and pods; a missing one is reported only with a sign of a
            // mistake or when read from a cluster, else the check says it was skipped (DestinationConformanceTest
            // reads these fixtures as from a cluster and gets Istio's findings).
            Map.entry("virtualservice_destinationhosts.yaml IST0101 VirtualService default/reviews-mirror-bogushost",
                    "no Service reviews-bogus and no sign of a typo in a file that holds part of the Services: skipped"),
            Map.entry("destinationrule-with-fake-host.yaml IST0174 DestinationRule default/fake-host",
                    "no Service of namespace default in the file: skipped, saying so"),
            Map.entry("destinationrule-subsets-not-select-pods.yaml IST0173 DestinationRule "
                    + "default/subsets-not-select-pods", "the file holds no pods: skipped, saying so"),
            Map.entry("destinationrule-empty-topology-labels.yaml IST0173 DestinationRule default/empty-topology-labels",
                    "nothing routes to the subset: Info (Kiali's KIA0203 'unknown'), below IST0173's Error"),
            Map.entry("destinationrule-simple-destination-credentialname.yaml IST0128 DestinationRule db-tls",
                    "with a credentialName the CA may come with the credential: Info, below IST0128's Warning"),
            Map.entry("destinationrule-simple-port-credentialname.yaml IST0129 DestinationRule db-tls",
                    "with a credentialName the CA may come with the credential: Info, below IST0129's Warning"),
            // D: IST0118 is an Info on every Service; gwctl checks port names as Kiali does (KIA0601, an Error) on
            // Services whose pods are in the mesh, and the fixture has no pods.
            Map.entry("service-no-port-name.yaml IST0118 Service my-namespace1/my-service1 ×2",
                    "no pods in the file, so no evidence the Service is in the mesh (GW0203 checks as Kiali)"),
            Map.entry("service-no-port-name.yaml IST0118 Service my-namespace2/my-service2",
                    "no pods in the file, so no evidence the Service is in the mesh (GW0203 checks as Kiali)"),
            // A2: the fixture's "valid" Secret pairs its certificate with another certificate's private key (the
            // RSA moduli differ; istioctl never reads the key).
            Map.entry("gateway-secrets.yaml unexpected IST0161 Gateway default/defaultgateway-noerrors",
                    "its Secret's private key does not match its certificate; istioctl does not compare them"));

    @TempDir
    static Path tmp;

    private static Path istio() {
        return ExpectedTables.conformanceDir("istio-analyzers", "Istio analyzer");
    }

    static String defaultKind(String section) {
        return switch (section.isEmpty() ? ' ' : section.charAt(0)) {
            case 'A' -> "Gateway";
            case 'B' -> "VirtualService";
            case 'C' -> "DestinationRule";
            case 'D' -> "Service";
            default -> null;
        };
    }

    @Test
    void everyExpectedFindingOfTheInScopeAnalyzers() throws IOException {
        Path dir = istio();
        Path implicit = tmp.resolve("implicit-default-ingress.yaml");
        Files.writeString(implicit, Files.readString(dir.resolve("_implicit-default-ingress.template.yaml"))
                .replace("{{.ingressService}}", "istio-ingressgateway").replace("{{.namespace}}", "istio-system"));
        List<Row> rows = ExpectedTables.read(dir.resolve("EXPECTED.md"), IstioAnalyzerConformanceTest::defaultKind,
                List.of(dir, dir.resolve("integration"), dir.resolve("istioctl-analyze-file")));
        assertThat(rows).as("rows read from EXPECTED.md").hasSizeGreaterThan(40);

        Tally tally = new Tally(DIFFERENT);
        rows.forEach(r -> r.expected().forEach(e -> tally.sectionCode(r.section(), e.code())));
        Map<String, List<Row>> cases = ExpectedTables.bySectionAndFixture(rows);
        for (List<Row> group : cases.values()) {
            Row first = group.get(0);
            Set<String> answeredBy = ANSWERED_BY.get(first.section());
            List<Expected> expected = group.stream().flatMap(r -> r.expected().stream()).toList();
            if (answeredBy == null || !inScope(first)) {
                tally.outOfScope.add(first.section() + " " + first.fixtureNames() + " (" + expected.size()
                        + " expected): " + OUT_OF_SCOPE.getOrDefault(first.section(), "not a gateway, virtualservice, "
                        + "destinationrule, service or secret analyzer"));
                continue;
            }
            List<Path> files = new ArrayList<>(first.fixtures());
            files.add(implicit);
            LoadResult loaded = RuleFixtures.load(files);
            List<Finding> findings = Validator.run(loaded.snapshot(),
                    ValidateOptions.defaults().withNow(RuleFixtures.DEFAULT_NOW)).findings();
            tally.check(first.section(), first.fixtureNames(), expected, answeredBy, findings, r -> true);
        }
        System.out.println(tally.report("Istio analyzers (istio-analyzers/EXPECTED.md)"));
        assertThat(tally.missing).as("expected by Istio, not reported by gwctl").isEmpty();
        assertThat(tally.unexpected).as("reported by gwctl where Istio's test expects nothing").isEmpty();
        assertThat(tally.unusedDifferences()).as("DIFFERENT entries that no longer apply")
                .isEmpty();
    }

    /** Section D mixes analyzers; only the service ones are about gateway linting. */
    private static boolean inScope(Row r) {
        return !r.section().equals("D") || r.analyzer().startsWith("service.");
    }
}
