package io.gwctl.validators.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.Resource;
import io.gwctl.model.ResourceRef;
import io.gwctl.model.Snapshot;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleFixtures;
import io.gwctl.validators.RuleRegistry;
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
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks {@code ../shared/conformance/kiali/EXPECTED.md}: for every fixture of Kiali's checker tests and documented
 * examples, every check Kiali expects is a gwctl finding carrying that KIA code as an alias on the resource the
 * test checks, and the gwctl rules carrying the section's KIA codes report none where Kiali expects nothing. The
 * setting of each Kiali test is rebuilt: G4 checks the file's first VirtualService; G5 adds the Service and
 * workloads {@code no_dest_checker_test.go} builds in Go ({@code _kiali-implicit-runtime.yaml}) and checks
 * DestinationRule {@code bookinfo/testrule}; G6 declares the test's namespaces. Deliberate differences are in
 * {@link #DIFFERENT} with the reason; the tally is printed.
 */
class KialiConformanceTest {
    static final Map<String, String> DIFFERENT = Map.ofEntries(
            Map.entry("102.yaml KIA1101 the fixture's resource", "the file holds no Service at all: a missing "
                    + "destination is then skipped, saying so (DestinationConformanceTest reports it from a cluster)"),
            Map.entry("602.yaml KIA0602 the fixture's resource", "no workload in the file, so no evidence the "
                    + "Service's pods are in the mesh, which Kiali requires too (GW0206 fires with such evidence)"),
            Map.entry("701.yaml KIA0601 the fixture's resource", "no workload in the file, so no evidence the "
                    + "Service's pods are in the mesh, which Kiali requires too (GW0203 fires with such evidence)"),
            // istiod completes only names without a dot: reviews.bookinfo is not reviews.bookinfo.svc.cluster.local,
            // so a DestinationRule for one does not give subsets to the other (503 NC); Kiali treats them as equal.
            Map.entry("subset-presence-matching-subsets-half-fqdn.yaml unexpected KIA1107 VirtualService "
                    + "bookinfo/reviews-vs", "a half-FQDN host is not the DestinationRule's host for istiod"),
            Map.entry("subset-presence-matching-subsets-diff-ns-half-fqdn.yaml unexpected KIA1107 VirtualService "
                    + "bookinfo/reviews-vs", "a half-FQDN host is not the DestinationRule's host for istiod"));

    @TempDir
    static Path tmp;

    private static Path kiali() {
        return ExpectedTables.conformanceDir("kiali", "Kiali");
    }

    static String defaultKind(String section) {
        return switch (section) {
            case "G4" -> "VirtualService";
            case "G5" -> "DestinationRule";
            default -> null; // G6, G7: the file's resource
        };
    }

    @Test
    void everyExpectedCheckOfKialisTests() throws IOException {
        Path dir = kiali();
        Path data = dir.resolve("kiali-tests-data");
        List<Row> rows = ExpectedTables.read(dir.resolve("EXPECTED.md"), KialiConformanceTest::defaultKind,
                List.of(data.resolve("virtualservices"), data.resolve("destinationrules"), data.resolve("exportto"),
                        dir.resolve("kiali.io-validation-examples")));
        assertThat(rows).as("rows read from EXPECTED.md").hasSizeGreaterThan(25);
        Path namespaces = tmp.resolve("kiali-test-namespaces.yaml");
        StringBuilder ns = new StringBuilder();
        for (String n : List.of("bookinfo", "bookinfo2", "default")) {
            ns.append("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ").append(n).append("\n---\n");
        }
        Files.writeString(namespaces, ns);

        Tally tally = new Tally(DIFFERENT);
        rows.forEach(r -> r.expected().forEach(e -> tally.sectionCode(r.section(), e.code())));
        Map<String, List<Row>> cases = ExpectedTables.bySectionAndFixture(rows);
        for (List<Row> group : cases.values()) {
            Row first = group.get(0);
            List<Expected> expected = group.stream().flatMap(r -> r.expected().stream()).toList();
            List<Path> files = new ArrayList<>(first.fixtures());
            switch (first.section()) {
                case "G5" -> files.add(dir.resolve("_kiali-implicit-runtime.yaml"));
                case "G6" -> files.add(namespaces);
                default -> { }
            }
            Snapshot snapshot = RuleFixtures.load(files).snapshot();
            Predicate<ResourceRef> underTest = underTest(first.section(), snapshot, first.fixtures());
            List<Expected> resolved = expected.stream().map(e -> resolve(e, first.section(), snapshot)).toList();
            List<Finding> findings = Validator.run(snapshot,
                    ValidateOptions.defaults().withNow(RuleFixtures.DEFAULT_NOW)).findings();
            tally.check(first.section(), first.fixtureNames(), resolved,
                    answering(tally, first.section()), findings, underTest);
        }
        System.out.println(tally.report("Kiali checkers (kiali/EXPECTED.md)"));
        assertThat(tally.missing).as("expected by Kiali, not reported by gwctl").isEmpty();
        assertThat(tally.unexpected).as("reported by gwctl where Kiali's test expects nothing").isEmpty();
        assertThat(tally.unusedDifferences()).as("DIFFERENT entries that no longer apply").isEmpty();
    }

    /** The gwctl rules that carry one of the KIA codes the section expects somewhere. */
    private static Set<String> answering(Tally tally, String section) {
        Set<String> codes = new TreeSet<>();
        for (Rule rule : RuleRegistry.all()) {
            if (rule.info().aliases().stream().anyMatch(a -> tally.sectionCodes(section).contains(a))) {
                codes.add(rule.info().code());
            }
        }
        return codes;
    }

    /** The resource each Kiali test checks: the first VirtualService (G4), {@code bookinfo/testrule} (G5), any. */
    private static Expected resolve(Expected e, String section, Snapshot s) {
        if (e.name() != null) {
            return e;
        }
        return switch (section) {
            case "G4" -> s.virtualServices().isEmpty() ? e : new Expected(e.code(), "VirtualService",
                    s.virtualServices().get(0).metadata().namespace(), s.virtualServices().get(0).metadata().name(),
                    e.count());
            case "G5" -> new Expected(e.code(), "DestinationRule", "bookinfo", "testrule", e.count());
            default -> e;
        };
    }

    private static Predicate<ResourceRef> underTest(String section, Snapshot s, List<Path> fixtures) {
        if (section.equals("G4") && !s.virtualServices().isEmpty()) {
            VirtualService first = s.virtualServices().get(0);
            return r -> r.equals(ref(first));
        }
        if (section.equals("G5")) {
            return r -> r.kind().equals("DestinationRule") && r.name().equals("testrule");
        }
        // G6, G7: everything the fixture itself defines
        Set<String> files = new TreeSet<>();
        fixtures.forEach(f -> files.add(f.getFileName().toString()));
        Set<ResourceRef> own = new TreeSet<>();
        for (Resource res : s.all()) {
            if (res.origin() != null && files.stream().anyMatch(f -> res.origin().file().endsWith(f))) {
                own.add(ref(res));
            }
        }
        return own::contains;
    }

    private static ResourceRef ref(Resource r) {
        return new ResourceRef(r.kind().kindName(), r.metadata().namespace(), r.metadata().name());
    }
}
