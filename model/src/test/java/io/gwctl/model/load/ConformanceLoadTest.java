package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.VirtualService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Loads every fixture of Istio's analyzer tests and Kiali's validation tests from {@code ../shared/conformance}:
 * all of them must load without problems except the few that are not manifests on purpose, and the lines gwctl
 * gives for fields must be the lines istioctl reports (EXPECTED.md, TestErrorLine).
 */
class ConformanceLoadTest {
    private static final Path SHARED = Path.of(System.getProperty("gwctl.shared.dir", "../shared"));
    private static final Path ISTIO = SHARED.resolve("conformance/istio-analyzers");
    private static final Path KIALI = SHARED.resolve("conformance/kiali");

    private static LoadResult load(Path... paths) {
        assumeTrue(Files.isDirectory(ISTIO) && Files.isDirectory(KIALI),
                "../shared/conformance absent: " + SHARED.toAbsolutePath() + " (set -Dgwctl.shared.dir)");
        return new ManifestLoader(LoadOptions.defaults()).load(
                java.util.Arrays.stream(paths).map(Path::toString).toList());
    }

    @Test
    void everyFixtureLoadsAndOnlyTheOddOnesHaveProblems() {
        LoadResult r = load(ISTIO, KIALI);

        Map<String, List<String>> byFile = r.problems().stream().collect(Collectors.groupingBy(
                p -> Path.of(p.file()).getFileName().toString(), java.util.TreeMap::new,
                Collectors.mapping(p -> p.type() + " " + p.line() + ":" + p.column() + " " + p.message(),
                        Collectors.toList())));
        String template = "expected a key, got a map (a complex key, or an unrendered {{ template }}?)";
        assertThat(byFile).containsOnly(
                // A Go template with {{.namespace}} placeholders: not YAML until rendered.
                Map.entry("_implicit-default-ingress.template.yaml", List.of(
                        "PARSE 6:11 " + template + "; skipped to the next document at line 12",
                        "PARSE 16:11 " + template + "; the rest of the file was skipped")),
                // A weight that is not a number: the very mistake this Kiali example shows.
                Map.entry("107.yaml", List.of(
                        "INVALID 13:15 spec.http[0].route[0].weight: expected an integer, got \"abc\"")),
                // Mesh config files passed with --meshConfigFile, not manifests.
                Map.entry("serviceentry-address-allocated-mesh-cfg.yaml", List.of("INVALID 1:1 missing kind")),
                Map.entry("serviceentry-missing-addresses-protocol-mesh-cfg.yaml",
                        List.of("INVALID 1:1 missing kind")));
        assertThat(r.stats().files()).isGreaterThan(150);
        assertThat(r.snapshot().gateways()).hasSizeGreaterThan(50);
        // Gateway API Gateways share the kind name but are not Istio Gateways.
        assertThat(r.stats().skippedKinds()).containsEntry("Gateway.gateway.networking.k8s.io", 2);
        assertThat(r.snapshot().gateways()).allSatisfy(
                g -> assertThat(g.line("/metadata/name")).isGreaterThan(0));
    }

    @Test
    void fieldLinesMatchWhatIstioctlReports() {
        Path integration = ISTIO.resolve("integration");
        LoadResult r = load(integration.resolve("gateway.yaml"), integration.resolve("virtualservice.yaml"),
                ISTIO.resolve("gateway-secrets.yaml"), ISTIO.resolve("gateway-custom-ingressgateway-svcselector.yaml"),
                ISTIO.resolve("gateway-no-workload.yaml"));

        assertThat(r.problems()).isEmpty();
        // TestErrorLine: gateway.yaml:9 (the selector label) and virtualservice.yaml:11 (destination host).
        assertThat(gateway(r, "httpbin-gateway-bogus").line("/spec/selector/istio")).isEqualTo(9);
        VirtualService reviews = r.snapshot().virtualServices().stream()
                .filter(v -> v.metadata().name().equals("reviews")).findFirst().orElseThrow();
        assertThat(reviews.line("/spec/http/0/route/0/destination/host")).isEqualTo(11);
        // EXPECTED.md A2 and A1: credentialName at line 50, the second Gateway's selector at line 24.
        assertThat(gateway(r, "defaultgateway-bogusCredentialName").line("/spec/servers/0/tls/credentialName"))
                .isEqualTo(50);
        assertThat(gateway(r, "httpbin8002-gateway").line("/spec/selector/myapp")).isEqualTo(24);
        assertThat(gateway(r, "httpbin-gateway").line("/spec/selector/istio")).isEqualTo(9);
    }

    @Test
    void listFixtureItemsBecomeResources() {
        LoadResult r = load(ISTIO.resolve("analyze-list-type.yaml"));

        assertThat(r.problems()).isEmpty();
        assertThat(r.snapshot().gateways()).extracting(g -> g.metadata().name() + "@" + g.origin().document() + ":"
                + g.origin().line() + ":" + g.origin().column() + " servers at " + g.line("/spec/servers/0"))
                .containsExactly("alpha@0:1:1 servers at 9", "beta-l@1:19:5 servers at 27",
                        "alpha-l@1:34:5 servers at 42");
    }

    private static Gateway gateway(LoadResult r, String name) {
        return r.snapshot().gateways().stream().filter(g -> g.metadata().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Gateway " + name));
    }
}
