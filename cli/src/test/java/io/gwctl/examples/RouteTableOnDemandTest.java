package io.gwctl.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.Gwctl;
import io.gwctl.model.translate.GatewayTranslator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code pc route} prints the same whether its route configurations are built once and held or made each time the
 * table reads them (what it does when the model would take half the heap), through the gwctl entry point, on the
 * examples and the real-world corpus, in every layout, with and without a --name filter.
 */
class RouteTableOnDemandTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    private static final Path CORPUS = ROOT.resolveSibling("shared").resolve("realworld");
    private static final String PROPERTY = "gwctl.routes-on-demand";

    private static Gwctl.Result run(boolean onDemand, List<String> args) {
        return new Gwctl().runWithProperty(PROPERTY, Boolean.toString(onDemand), args.toArray(String[]::new));
    }

    @Test
    void onDemandAndHeldRouteConfigurationsPrintTheSame() throws IOException {
        List<String> inputs = new ArrayList<>(List.of(ROOT.resolve("testdata/examples").toString()));
        if (Files.isDirectory(CORPUS)) {
            try (Stream<Path> dirs = Files.list(CORPUS)) {
                dirs.filter(Files::isDirectory).sorted().forEach(p -> inputs.add(p.toString()));
            }
        }
        int compared = 0;
        int withRoutes = 0;
        for (String input : inputs) {
            for (List<String> variant : List.of(List.<String>of(), List.of("--verbose=false"),
                    List.of("--name", "http.8080"), List.of("--name", "no-such-route"))) {
                List<String> args = new ArrayList<>(List.of("pc", "route", "-f", input));
                args.addAll(variant);
                Gwctl.Result held = run(false, args);
                Gwctl.Result onDemand = run(true, args);
                assertThat(onDemand.out()).as("%s", args).isEqualTo(held.out());
                assertThat(onDemand.err()).as("%s", args).isEqualTo(held.err());
                assertThat(onDemand.exitCode()).as("%s", args).isEqualTo(held.exitCode());
                compared++;
                withRoutes += held.out().lines().count() > 3 ? 1 : 0;
            }
        }
        assertThat(compared).isEqualTo(inputs.size() * 4);
        assertThat(withRoutes).as("tables with routes in them were compared").isPositive();
    }

    @Test
    void routesAreMadeOnDemandWhenTheResourcesWouldTakeHalfTheHeapAtOneKilobyteEach() {
        long heap = 512L << 20;
        assertThat(Gwctl.withProperty(PROPERTY, null, () -> List.of(
                GatewayTranslator.routesOnDemandFor(heap / 2 / 1024 + 1, heap),
                GatewayTranslator.routesOnDemandFor(heap / 2 / 1024, heap),
                GatewayTranslator.routesOnDemandFor(0, heap)))).containsExactly(true, false, false);
        assertThat(Gwctl.withProperty(PROPERTY, "true", () -> GatewayTranslator.routesOnDemandFor(0, heap)))
                .as("forced").isTrue();
        assertThat(Gwctl.withProperty(PROPERTY, "false",
                () -> GatewayTranslator.routesOnDemandFor(Long.MAX_VALUE / 2048, heap))).as("forced").isFalse();
    }
}
