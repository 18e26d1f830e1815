package io.gwctl.model.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.Snapshot;
import io.gwctl.model.load.LoadOptions;
import io.gwctl.model.load.ManifestLoader;
import io.gwctl.model.kube.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Robustness over real-world inputs: every Istio analyzer and Kiali fixture in {@code ../shared/conformance} is
 * translated for each of its gateway workloads and for the default ingress gateway; translation must not throw, must
 * be deterministic, and every listener must reference only route configurations the view contains.
 */
class ConformanceInputsTranslateTest {
    private static final Path DIR = Path.of(System.getProperty("gwctl.shared.dir", "../shared"))
            .resolve("conformance");

    @TestFactory
    Stream<DynamicTest> everyFixtureTranslates() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DIR), "../shared/conformance absent: " + DIR + " not found");
        List<Path> files = new ArrayList<>();
        for (String sub : List.of("istio-analyzers", "kiali")) {
            try (Stream<Path> walk = Files.walk(DIR.resolve(sub))) {
                walk.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
        return files.stream().map(f -> DynamicTest.dynamicTest(DIR.relativize(f).toString(), () -> {
            Snapshot s = new ManifestLoader(LoadOptions.defaults()).loadString(Files.readString(f), f.toString())
                    .snapshot();
            List<GatewayProxy> proxies = new ArrayList<>();
            for (Workload w : GatewayWorkloads.find(s)) {
                proxies.add(GatewayWorkloads.proxyFor(s, w));
            }
            proxies.add(GatewayWorkloads.defaultIngress());
            for (GatewayProxy p : proxies) {
                GatewayView v = GatewayTranslator.translate(s, p);
                GatewayView again = GatewayTranslator.translate(s, p);
                assertThat(again.listeners()).isEqualTo(v.listeners());
                assertThat(again.routeConfigs()).isEqualTo(v.routeConfigs());
                List<String> names = v.routeConfigs().stream().map(rc -> rc.name()).toList();
                assertThat(names).containsAll(GatewayTranslator.referencedRouteNames(v.listeners()));
            }
        }));
    }
}
