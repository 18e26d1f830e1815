package io.gwctl.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.Gwctl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose findings pass the memory budget (they go to run files and are merged, {@code FindingSorter}) prints
 * what a run that keeps them on the heap prints, byte for byte, in every format, with an output threshold and a
 * baseline; on the examples and the real-world corpus. {@code -Dgwctl.findings-budget-kb=0} writes every finding
 * to disk.
 */
class SpilledFindingsTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    private static final Path CORPUS = ROOT.resolveSibling("shared").resolve("realworld");
    private static final String BUDGET = "gwctl.findings-budget-kb";

    private static Gwctl.Result run(String budget, List<String> args) {
        return new Gwctl().runWithProperty(BUDGET, budget, args.toArray(String[]::new));
    }

    private static void assertSame(List<String> args) {
        Gwctl.Result heap = run(null, args);
        for (String budget : List.of("0", "1")) {
            Gwctl.Result spilled = run(budget, args);
            assertThat(spilled.out()).as("%s, budget %s KB", args, budget).isEqualTo(heap.out());
            assertThat(spilled.err()).as("%s, budget %s KB", args, budget).isEqualTo(heap.err());
            assertThat(spilled.exitCode()).as("%s, budget %s KB", args, budget).isEqualTo(heap.exitCode());
        }
    }

    @Test
    void theExamplesPrintTheSameInEveryFormatWithThresholdsAndABaseline(@TempDir Path dir) {
        String examples = ROOT.resolve("testdata/examples").toString();
        String baseline = dir.resolve("baseline.json").toString();
        // The baseline of the examples without one file's findings: the rest are existing, that file's are new.
        Gwctl.Result written = run(null, List.of("validate", "-f", ROOT.resolve("testdata/examples/multi-team").toString(),
                "--write-baseline", baseline));
        assertThat(written.exitCode()).as(written.err()).isIn(0, 79);
        int compared = 0;
        for (String format : List.of("text", "json", "yaml", "sarif", "junit", "github")) {
            for (List<String> options : List.of(List.<String>of(), List.of("--output-threshold", "warning"),
                    List.of("--failure-threshold", "error", "--output-threshold", "error"),
                    List.of("--baseline", baseline), List.of("--baseline", baseline, "--show-baseline"))) {
                List<String> args = new ArrayList<>(List.of("validate", "-o", format, "-f", examples));
                args.addAll(options);
                assertSame(args);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(30);
    }

    @Test
    void theRealWorldCorpusPrintsTheSame() throws IOException {
        List<String> inputs = new ArrayList<>();
        if (Files.isDirectory(CORPUS)) {
            try (Stream<Path> dirs = Files.list(CORPUS)) {
                dirs.map(d -> d.resolve("input.yaml")).filter(Files::isRegularFile).sorted()
                        .forEach(p -> inputs.add(p.toString()));
            }
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(inputs.isEmpty(),
                "../shared/realworld is not beside the checkout: the real-world inputs were not compared");
        for (String input : inputs) {
            assertSame(List.of("validate", "-o", "json", "-f", input));
            assertSame(List.of("validate", "-f", input));
        }
    }
}
