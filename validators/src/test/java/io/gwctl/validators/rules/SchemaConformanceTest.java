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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance of the schema rules (IST0106/IST0133, Istio's {@code schema.ValidationAnalyzer.Gateway}) and of
 * GW0203 (Kiali's KIA0601) with the fixtures in {@code ../shared/conformance} that cover those codes (EXPECTED.md
 * there): istioctl's {@code istioctl-analyze-file/specific-analyzer.yaml} and Kiali's documented example
 * {@code 701.yaml}. No fixture there covers IST0133; the rule fixtures and {@code AliasCatalogueTest} check that every
 * warning of the schema rules carries it. Deliberate differences are asserted as gwctl's behaviour, with the reason.
 */
class SchemaConformanceTest {
    @TempDir
    Path tmp;
    private Path conformance;

    @BeforeEach
    void requireSharedConformance() {
        conformance = RuleFixtures.sharedDir().resolve("conformance");
        assumeTrue(Files.isDirectory(conformance), "../shared/conformance absent: " + conformance
                + " (set -Dgwctl.shared.dir); IST0106/IST0133/KIA0601 conformance not checked");
    }

    private static List<Finding> run(Path... files) {
        LoadResult loaded = RuleFixtures.load(List.of(files));
        assertThat(loaded.problems()).as("%s loads", List.of(files)).isEmpty();
        return Validator.run(loaded.snapshot(), ValidateOptions.defaults().withNow(RuleFixtures.DEFAULT_NOW))
                .findings();
    }

    private static List<String> withAlias(List<Finding> findings, String alias) {
        return findings.stream().filter(f -> f.aliases().contains(alias))
                .map(f -> f.severity().label() + " " + f.code() + " " + f.resource().friendlyName() + ":"
                        + f.location().line() + " " + f.message()).toList();
    }

    /** Namespace bookinfo labelled for injection and the pods of Kiali's ratings-java examples. */
    private Path bookinfoMesh() throws IOException {
        Path mesh = tmp.resolve("bookinfo-mesh.yaml");
        Files.writeString(mesh, """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: bookinfo
                  labels: {istio-injection: enabled}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: ratings-java, namespace: bookinfo}
                spec:
                  selector:
                    matchLabels: {app: ratings-java, version: v1}
                  template:
                    metadata:
                      labels: {app: ratings-java, version: v1}
                    spec:
                      containers:
                      - {name: ratings, image: ratings-java:v1}
                """);
        return mesh;
    }

    @Test
    void specificAnalyzerPortIsRequired() {
        // EXPECTED E: `istioctl analyze --use-kube=false` fails with the schema errors "port is required" (IST0106)
        // on both Gateways, whose servers have hosts but no port. gwctl: GW0505 on each, at the server.
        List<Finding> f = run(conformance.resolve("istio-analyzers/istioctl-analyze-file/specific-analyzer.yaml"));
        assertThat(withAlias(f, "IST0106")).containsExactlyInAnyOrder(
                "Error GW0505 Gateway default/beta:9 port is required (server 0)",
                "Error GW0505 Gateway default/alpha:20 port is required (server 0)");
        assertThat(withAlias(f, "IST0133")).isEmpty();
    }

    @Test
    void kialiServicePortName() throws IOException {
        // Kiali docs, EXPECTED G7 701.yaml: KIA0601 (error) at spec/ports[0] of Service bookinfo/ratings-java-svc,
        // port name "wrong-http", "only when the Service's Pods are in the mesh". Deliberate difference: the
        // fixture holds the Service alone, so nothing in the input says its pods are in the mesh (Kiali's
        // docs set-up injects bookinfo) and gwctl reports nothing ...
        Path service = conformance.resolve("kiali/kiali.io-validation-examples/701.yaml");
        assertThat(withAlias(run(service), "KIA0601")).isEmpty();
        // ... until the input shows the mesh: bookinfo labelled for injection and the pods the Service selects.
        Path mesh = bookinfoMesh();
        List<Finding> f = run(service, mesh);
        assertThat(withAlias(f, "KIA0601")).containsExactly("Error GW0203 Service bookinfo/ratings-java-svc:11 Port "
                + "name must follow <protocol>[-suffix] form: port name \"wrong-http\" (port 9080) starts with none of "
                + "grpc, grpc-web, http, http2, https, mongo, redis, tcp, tls, udp, mysql; the Service selects "
                + "Deployment bookinfo/ratings-java, which gets a sidecar (namespace bookinfo has "
                + "istio-injection=enabled)");
        assertThat(f).filteredOn(x -> x.code().equals("GW0203")).extracting(x -> x.location().field())
                .containsExactly("/spec/ports/0");
        assertThat(f).filteredOn(x -> x.code().equals("GW0203")).extracting(Finding::severity)
                .containsOnly(Severity.ERROR);
    }

    @Test
    void kialiAppProtocolIsCheckedByGw0206NotByName() throws IOException {
        // Kiali docs 602.yaml: KIA0602 on appProtocol "wrong-mysql", with the pods in the mesh. Like Kiali, gwctl
        // does not check the name of a port that has an appProtocol (no KIA0601); GW0206 checks the appProtocol.
        Path service = conformance.resolve("kiali/kiali.io-validation-examples/602.yaml");
        List<Finding> f = run(service, bookinfoMesh());
        assertThat(withAlias(f, "KIA0601")).isEmpty();
        assertThat(withAlias(f, "KIA0602")).singleElement().asString()
                .startsWith("Error GW0206 Service bookinfo/ratings-java-svc:13 Port appProtocol must follow");
    }
}
