package io.gwctl.renderers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.gwctl.model.Snapshot;
import io.gwctl.model.envoy.BootstrapStatics;
import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.envoy.RouteConfigurationsOnDemand;
import io.gwctl.model.install.InstalledGateways;
import io.gwctl.model.load.LoadOptions;
import io.gwctl.model.load.LoadResult;
import io.gwctl.model.load.ManifestLoader;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.GatewayTranslator;
import io.gwctl.model.translate.GatewayView;
import io.gwctl.model.translate.GatewayWorkloads;
import io.gwctl.renderers.table.ListenerFilter;
import io.gwctl.renderers.table.ListenerTableRenderer;
import io.gwctl.renderers.table.RouteFilter;
import io.gwctl.renderers.table.RouteTableRenderer;
import io.gwctl.renderers.table.TextAssert;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests of the whole offline path: each {@code testdata/translate/<case>/input.yaml} is loaded, translated for
 * its only gateway workload (or Istio's default ingress gateway) and printed as istioctl's verbose listener and route
 * tables, which must equal {@code listeners.txt} and {@code routes.txt} byte for byte.
 * {@code -Dgwctl.update-golden=true} rewrites the files; a mismatch shows a unified diff.
 */
class TranslationGoldenTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).resolve("testdata/translate");
    private static final boolean UPDATE = Boolean.getBoolean("gwctl.update-golden");

    @TestFactory
    Stream<DynamicTest> goldens() throws IOException {
        assertThat(ROOT).as("golden case directory").isDirectory();
        List<Path> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("input.yaml"))).sorted().forEach(cases::add);
        }
        assertThat(cases).as("golden cases").isNotEmpty();
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    /**
     * The golden files of the spec's worked examples are checked against the spec text itself, not only against
     * gwctl's own output: §10's listener table and §11's are byte-exact; §10's route table has the same lines (its
     * block order is Envoy's, gwctl's is documented in docs/route-order.md); the blackhole table is byte-exact.
     */
    @Test
    void workedExampleGoldensEqualTheSpecText() throws IOException {
        Path spec = Path.of(System.getProperty("gwctl.shared.dir", "../shared")).resolve("spec/istio-translation.md");
        Assumptions.assumeTrue(Files.isRegularFile(spec), "../shared/spec absent: " + spec + " not found");
        List<String> lines = Files.readAllLines(spec, StandardCharsets.UTF_8);
        String listeners10 = codeBlockAfter(lines, "`istioctl proxy-config listener` (byte-exact", 0);
        String routes10 = codeBlockAfter(lines, "`istioctl proxy-config route` (exact", 0);
        String blackhole = codeBlockAfter(lines, "Before the VirtualService `test-gw` existed", 0);
        String listeners11 = codeBlockAfter(lines, "## 11.", 0);
        String routes11 = codeBlockAfter(lines, "## 11.", 1);

        assertThat(golden("spec-10-worked-example/listeners.txt")).isEqualTo(listeners10);
        List<String> expected10 = new ArrayList<>(List.of(routes10.split("\n", -1)));
        List<String> actual10 = new ArrayList<>(List.of(golden("spec-10-worked-example/routes.txt").split("\n", -1)));
        assertThat(actual10.get(0)).isEqualTo(expected10.get(0));
        assertThat(actual10).containsExactlyInAnyOrderElementsOf(expected10);
        assertThat(golden("spec-10-blackhole/routes.txt")).isEqualTo(blackhole);

        assertThat(golden("spec-11-multi-port/listeners.txt")).isEqualTo(listeners11);
        List<String> shown11 = new ArrayList<>(List.of(routes11.split("\n")));
        shown11.removeIf(l -> l.startsWith("\u2026"));
        assertThat(shown11).hasSizeGreaterThan(5);
        assertThat(List.of(golden("spec-11-multi-port/routes.txt").split("\n"))).containsAll(shown11)
                .startsWith(shown11.get(0));
    }

    private static String golden(String file) throws IOException {
        return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
    }

    /** The {@code n}-th fenced code block after the first line containing {@code marker}, with a final newline. */
    private static String codeBlockAfter(List<String> lines, String marker, int n) {
        int i = 0;
        while (!lines.get(i).contains(marker)) {
            i++;
        }
        for (int block = 0; ; block++) {
            while (!lines.get(i).startsWith("```")) {
                i++;
            }
            int start = ++i;
            while (!lines.get(i).startsWith("```")) {
                i++;
            }
            if (block == n) {
                return String.join("\n", lines.subList(start, i)) + "\n";
            }
            i++;
        }
    }

    private static void check(Path dir) throws Exception {
        String input = Files.readString(dir.resolve("input.yaml"), StandardCharsets.UTF_8);
        LoadResult loaded = new ManifestLoader(LoadOptions.defaults()).loadString(input, "input.yaml");
        assertThat(loaded.problems()).as("load problems").isEmpty();
        Snapshot snapshot = InstalledGateways.expand(loaded.snapshot(), List.of());
        GatewayProxy proxy = GatewayWorkloads.resolve(snapshot, null, null);
        GatewayView view = GatewayTranslator.translate(snapshot, proxy);

        StringWriter listeners = new StringWriter();
        ListenerTableRenderer.render(view.listeners(), ListenerFilter.ALL, true, false, listeners);
        StringWriter routes = new StringWriter();
        RouteTableRenderer.render(view.routeConfigs(), RouteFilter.ALL, true, false, routes);

        List<String> failures = new ArrayList<>();
        compare(dir.resolve("listeners.txt"), listeners.toString(), failures);
        compare(dir.resolve("routes.txt"), routes.toString(), failures);
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
        sameTablesAtEveryDetail(input, view);
    }

    /**
     * What pc listener and pc route translate with (less detail, a model loaded without positions, route
     * configurations made on demand) prints the tables the full view prints, in every layout and filter.
     */
    private static void sameTablesAtEveryDetail(String input, GatewayView full) throws Exception {
        LoadResult lean = new ManifestLoader(LoadOptions.defaults().withoutPositions()).loadString(input, "input.yaml");
        Snapshot snapshot = InstalledGateways.expand(lean.snapshot(), List.of());
        assertThat(snapshot.all()).as("no positions kept").allSatisfy(r -> assertThat(r.source().size()).isZero());
        GatewayProxy proxy = GatewayWorkloads.resolve(snapshot, null, null);
        List<String> names = full.routeConfigs().stream().map(RouteConfiguration::name).toList();
        for (GatewayTranslator.Detail detail : GatewayTranslator.Detail.values()) {
            GatewayView view = GatewayTranslator.translate(snapshot, proxy, detail);
            assertThat(listenerTable(view.listeners(), true)).as(detail.name())
                    .isEqualTo(listenerTable(full.listeners(), true));
            assertThat(listenerTable(view.listeners(), false)).as(detail.name())
                    .isEqualTo(listenerTable(full.listeners(), false));
            if (detail == GatewayTranslator.Detail.LISTENERS) {
                assertThat(view.routeConfigs()).as("no route configuration is made").isEmpty();
                continue;
            }
            for (RouteFilter filter : filters(names)) {
                for (boolean verbose : new boolean[] {true, false}) {
                    assertThat(routeTable(view.routeConfigs(), filter, verbose))
                            .as(detail + " " + filter + " verbose=" + verbose)
                            .isEqualTo(routeTable(full.routeConfigs(), filter, verbose));
                }
            }
            if (detail == GatewayTranslator.Detail.FULL) {
                continue;
            }
            for (RouteConfiguration rc : view.routeConfigs()) {
                for (var vh : rc.virtualHosts()) {
                    assertThat(vh.routes()).as("the table reads no rule source nor weighted cluster")
                            .allSatisfy(r -> assertThat(r.source()).isNull())
                            .allSatisfy(r -> assertThat(r.weightedClusters()).isEmpty());
                }
            }
            if (detail == GatewayTranslator.Detail.ROUTE_TABLE_ON_DEMAND) {
                assertThat(view.routeConfigs()).isInstanceOf(RouteConfigurationsOnDemand.class);
                if (view.routeConfigs().size() == BootstrapStatics.routeConfigs().size()) {
                    continue; // only the bootstrap's constant ones
                }
                assertThat(view.routeConfigs().get(0)).as("made again, not held").isNotSameAs(view.routeConfigs().get(0))
                        .isEqualTo(view.routeConfigs().get(0));
            }
        }
    }

    private static List<RouteFilter> filters(List<String> names) {
        List<RouteFilter> out = new ArrayList<>(List.of(RouteFilter.ALL, new RouteFilter("no-such-route")));
        names.stream().distinct().map(RouteFilter::new).forEach(out::add);
        return out;
    }

    private static String listenerTable(List<Listener> listeners, boolean verbose) throws IOException {
        StringWriter out = new StringWriter();
        ListenerTableRenderer.render(listeners, ListenerFilter.ALL, verbose, false, out);
        return out.toString();
    }

    private static String routeTable(List<RouteConfiguration> routes, RouteFilter filter, boolean verbose)
            throws IOException {
        StringWriter out = new StringWriter();
        RouteTableRenderer.render(routes, filter, verbose, false, out);
        return out.toString();
    }

    private static void compare(Path golden, String actual, List<String> failures) throws IOException {
        if (UPDATE) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.isRegularFile(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual)) {
            failures.add(golden + " differs (--- expected, +++ actual; '·' marks trailing spaces; rerun with"
                    + " -Dgwctl.update-golden=true after checking):\n"
                    + TextAssert.unifiedDiff(expected, actual));
        }
    }
}
