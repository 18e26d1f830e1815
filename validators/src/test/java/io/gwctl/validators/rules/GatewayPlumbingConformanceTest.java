package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.load.LoadResult;
import io.gwctl.validators.RuleFixtures;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance of GW0201, GW0202 and GW0301 with istioctl analyze's gateway analyzer fixtures (IST0162, IST0101
 * selector, IST0145) and Kiali's documented KIA0301/KIA0302 examples, read from {@code ../shared/conformance}
 * (EXPECTED.md there lists what Istio's and Kiali's tests expect).
 *
 * <p>Istio's harness adds an implicit default ingress Pod and Service to every case
 * ({@code _implicit-default-ingress.template.yaml}, EXPECTED.md "How the Istio test harness evaluates each row"),
 * so these tests load each fixture together with that template rendered for {@code istio-system/istio-ingressgateway}.
 * The harness leaves namespace-less resources without a namespace; gwctl puts them in {@code default}, so
 * {@code Gateway alpha} of EXPECTED.md is {@code Gateway default/alpha} here. For every finding EXPECTED.md lists,
 * gwctl reports a finding on the same resource carrying the IST code as an alias, except where a comment says why
 * gwctl deliberately differs.
 */
class GatewayPlumbingConformanceTest {
    private static final Set<String> CODES = Set.of("GW0201", "GW0202", "GW0301");

    @TempDir
    static Path tmp;
    private static Path istio;
    private static Path kiali;
    private static Path implicitIngress;

    @BeforeAll
    static void renderImplicitIngress() throws IOException {
        Path conformance = RuleFixtures.sharedDir().resolve("conformance");
        if (!Files.isDirectory(conformance)) {
            return;
        }
        istio = conformance.resolve("istio-analyzers");
        kiali = conformance.resolve("kiali");
        String template = Files.readString(istio.resolve("_implicit-default-ingress.template.yaml"));
        implicitIngress = tmp.resolve("implicit-default-ingress.yaml");
        Files.writeString(implicitIngress, template.replace("{{.ingressService}}", "istio-ingressgateway")
                .replace("{{.namespace}}", "istio-system"));
    }

    @BeforeEach
    void requireSharedConformance() {
        // Skips each test visibly (surefire counts them as skipped) in a clone without ../shared.
        assumeTrue(istio != null, "../shared/conformance absent: " + RuleFixtures.sharedDir()
                + "/conformance (set -Dgwctl.shared.dir); Istio/Kiali conformance not checked");
    }

    /** Our findings for an Istio fixture, loaded as Istio's harness does (with the implicit ingress). */
    private static List<Finding> istio(String fixture) {
        return run(List.of(istio.resolve(fixture), implicitIngress));
    }

    private static List<Finding> run(List<Path> files) {
        LoadResult loaded = RuleFixtures.load(files);
        assertThat(loaded.problems()).as("%s loads", files).isEmpty();
        return Validator.run(loaded.snapshot(), ValidateOptions.defaults().withNow(RuleFixtures.DEFAULT_NOW))
                .findings().stream().filter(f -> CODES.contains(f.code())).toList();
    }

    /** The one finding of {@code code} on {@code resource} (friendly name); it must carry {@code alias}. */
    private static Finding on(List<Finding> findings, String code, String alias, String resource) {
        List<Finding> matching = findings.stream().filter(f -> f.code().equals(code)
                && f.resource().friendlyName().equals(resource)).toList();
        assertThat(matching).as("%s on %s among %s", code, resource, describe(findings)).hasSize(1);
        assertThat(matching.get(0).aliases()).contains(alias);
        return matching.get(0);
    }

    private static List<String> describe(List<Finding> findings) {
        List<String> out = new ArrayList<>();
        findings.forEach(f -> out.add(RuleTesting.line(f)));
        return out;
    }

    private static List<Finding> ofCode(List<Finding> findings, String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    // ---- A1 gateway.IngressGatewayPortAnalyzer: IST0101 selector, IST0162 ---------------------------------------

    @Test
    void gatewayNoWorkload() {
        List<Finding> f = istio("gateway-no-workload.yaml");
        Finding selector = on(f, "GW0202", "IST0101", "Gateway default/httpbin-gateway");
        assertThat(selector.severity()).isEqualTo(Severity.ERROR);
        // TestErrorLine: the line of {.spec.selector.istio}.
        assertThat(selector.location().line()).isEqualTo(9);
        assertThat(selector.message()).contains("istio=ingresstypo");
        assertThat(f).hasSize(1);
    }

    @Test
    void gatewayBadPort() {
        List<Finding> f = istio("gateway-no-port.yaml");
        Finding port = on(f, "GW0201", "IST0162", "Gateway default/httpbin-gateway");
        // istioctl points at the selector line; gwctl at the offending port (8004), not at port 80.
        assertThat(port.location().line()).isEqualTo(18);
        assertThat(port.message()).isEqualTo("Gateway listens on 8004 but Service istio-system/istio-ingressgateway "
                + "exposes 80, 443, 31400, 15443");
        assertThat(f).hasSize(1);
    }

    @Test
    void gatewayCorrectPortAndCustomGatewaysThatMatchAreClean() {
        assertThat(istio("gateway-correct-port.yaml")).isEmpty();
        // Port 8003 is the Service's targetPort.
        assertThat(istio("gateway-custom-ingressgateway.yaml")).isEmpty();
        // Port 80 is the Service's port, translated to 8003 (istio#51257).
        assertThat(istio("gateway-custom-ingressgateway-translation.yaml")).isEmpty();
    }

    @Test
    void gatewayCustomIngressGatewayBadPorts() {
        for (String fixture : List.of("gateway-custom-ingressgateway-badport.yaml",
                "gateway-custom-ingressgateway-badport-notarget.yaml")) {
            List<Finding> f = istio(fixture);
            Finding port = on(f, "GW0201", "IST0162", "Gateway default/httpbin-gateway");
            assertThat(port.message()).as(fixture).startsWith("Gateway listens on 8004 but Service "
                    + "default/my-ingressgateway exposes 80");
            assertThat(f).as(fixture).hasSize(1);
        }
    }

    @Test
    void gatewayServiceMatchPod() {
        List<Finding> f = istio("gateway-custom-ingressgateway-svcselector.yaml");
        Finding port = on(f, "GW0201", "IST0162", "Gateway default/httpbin8002-gateway");
        // Service my-8002 selects another Pod: only my-8001 counts.
        assertThat(port.message()).isEqualTo("Gateway listens on 8002 but Service default/my-8001 exposes 8001");
        assertThat(f).hasSize(1);
    }

    // ---- A2 gateway.SecretAnalyzer: the IST0101 selector findings (credentialName is GW0101's) --------------------

    @Test
    void gatewaySecretSelectors() {
        List<Finding> f = istio("gateway-secrets.yaml");
        on(f, "GW0202", "IST0101", "Gateway default/customgateway-wrongnamespace");
        on(f, "GW0202", "IST0101", "Gateway default/bogusgateway");
        assertThat(ofCode(f, "GW0202")).hasSize(2);
    }

    // ---- A3 gateway.ConflictingGatewayAnalyzer: IST0145 ----------------------------------------------------------

    @Test
    void conflictingGatewaysDetect() {
        List<Finding> f = istio("conflicting-gateways.yaml");
        // TCP beta and HTTP alpha on port 80, host foo.bar. istiod merges alpha first (by name) and drops beta.
        Finding beta = on(f, "GW0301", "IST0145", "Gateway default/beta");
        assertThat(beta.severity()).isEqualTo(Severity.ERROR);
        assertThat(beta.message()).isEqualTo("server dropped: port 80 is already used by the HTTP server of Gateway "
                + "default/alpha, which istiod merges first (by name), and a TCP server cannot share a plaintext port "
                + "with it; istiod skips this whole server, so foo.bar becomes unreachable on port 80");
        assertThat(beta.location().line()).isEqualTo(14);
        // Both sides, as istioctl: alpha, the server istiod keeps, is reported at the same severity, naming beta.
        Finding alpha = on(f, "GW0301", "IST0145", "Gateway default/alpha");
        assertThat(alpha.severity()).isEqualTo(Severity.ERROR);
        assertThat(alpha.message()).contains("is also used by the TCP server of Gateway default/beta, which istiod"
                + " drops whole");
        assertThat(ofCode(f, "GW0301")).hasSize(2);
    }

    @Test
    void gatewaysWithDifferentPortAndWithoutPortAreNonConflicting() {
        assertThat(ofCode(istio("gateway-different-port.yaml"), "GW0301")).isEmpty();
        assertThat(ofCode(istio("conflicting-gateways-invalid-port.yaml"), "GW0301")).isEmpty();
    }

    @Test
    void conflictingGatewaysWithMultiplePorts() {
        List<Finding> f = istio("conflicting-gateways-multiple-ports.yaml");
        Finding beta = on(f, "GW0301", "IST0145", "Gateway default/beta");
        assertThat(beta.message()).startsWith("server dropped: port 90 is already used by the HTTP server of Gateway "
                + "default/alpha");
        // alpha too, as above; ports 80 and 70 do not conflict.
        on(f, "GW0301", "IST0145", "Gateway default/alpha");
        assertThat(ofCode(f, "GW0301")).hasSize(2);
    }

    @Test
    void conflictingGatewaysDetectBySubSelector() {
        List<Finding> f = istio("conflicting-gateways-subSelector.yaml");
        // Both selectors are subsets of the two Pods' labels: the same proxies, so the same merge (istiod's rule,
        // not istioctl's selector-substring heuristic). alpha (HTTP) wins by name, beta (TCP) is dropped.
        Finding beta = on(f, "GW0301", "IST0145", "Gateway default/beta");
        assertThat(beta.message()).contains("Gateway default/alpha");
        // alpha too, as above. The two Pods merge identically: one finding per side, not two.
        on(f, "GW0301", "IST0145", "Gateway default/alpha");
        assertThat(ofCode(f, "GW0301")).hasSize(2);
    }

    @Test
    void conflictingGatewaysInAList() {
        List<Finding> f = istio("analyze-list-type.yaml");
        // alpha (TCP) wins by name; alpha-l (HTTP) and beta-l (TCP) cannot join a TCP port.
        on(f, "GW0301", "IST0145", "Gateway default/alpha-l");
        on(f, "GW0301", "IST0145", "Gateway default/beta-l");
        // alpha, the winner, is reported once for each server it makes istiod drop.
        assertThat(ofCode(f, "GW0301")).filteredOn(x -> x.resource().name().equals("alpha")).hasSize(2);
        assertThat(ofCode(f, "GW0301")).hasSize(4);
    }

    // ---- Kiali: KIA0301, KIA0302 (kiali.io validation examples, EXPECTED.md G7 layout) -------------------------

    @Test
    void kialiMultiMatchExample() {
        List<Finding> f = run(List.of(kiali.resolve("kiali.io-validation-examples/201.yaml")));
        // Kiali shows KIA0301 on both bookinfo/bookinfo-gateway and bookinfo2/bookinfo-gateway-copy (same selector,
        // port 80, host *); so does gwctl. Both are plain HTTP: istiod merges them, so only as Info: no
        // VirtualService binds either, so no route is shadowed (deliberate difference in severity).
        Finding copy = on(f, "GW0301", "KIA0301", "Gateway bookinfo2/bookinfo-gateway-copy");
        assertThat(copy.severity()).isEqualTo(Severity.INFO);
        assertThat(copy.message()).contains("also served by Gateway bookinfo/bookinfo-gateway");
        Finding original = on(f, "GW0301", "KIA0301", "Gateway bookinfo/bookinfo-gateway");
        assertThat(original.severity()).isEqualTo(Severity.INFO);
        assertThat(ofCode(f, "GW0301")).hasSize(2);
        // Kiali shows nothing for bookinfo-gateway-diff-ingress (istio: ingressgateway-pub): its docs assume that
        // workload exists. This input has no workload at all, and the selector does not match the default ingress
        // gwctl assumes, so gwctl warns that it cannot find one (GW0202 Warning, not Error).
        Finding pub = on(f, "GW0202", "KIA0302", "Gateway bookinfo/bookinfo-gateway-diff-ingress");
        assertThat(pub.severity()).isEqualTo(Severity.WARNING);
        assertThat(ofCode(f, "GW0202")).hasSize(1);
    }

    @Test
    void kialiNoWorkloadExample() {
        List<Finding> f = run(List.of(kiali.resolve("kiali.io-validation-examples/202.yaml")));
        Finding none = on(f, "GW0202", "KIA0302", "Gateway bookinfo/bookinfo-gateway");
        assertThat(none.message()).contains("app=nonexisting");
        assertThat(none.location().field()).isEqualTo("/spec/selector/app");
    }
}
