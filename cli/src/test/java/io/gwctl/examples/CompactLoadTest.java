package io.gwctl.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.Gwctl;
import io.gwctl.model.load.ManifestLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A compact load (values shared, positions as tree-shaped tables: what the loader does when the input is large for
 * the heap) gives the same output as the plain one, on the examples and the real-world corpus, for validate (its
 * findings carry file:line) and both tables (their routes carry rule sources).
 */
class CompactLoadTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    private static final Path CORPUS = ROOT.resolveSibling("shared").resolve("realworld");

    private static Gwctl.Result run(boolean compact, List<String> args) {
        return new Gwctl().runWithProperty("gwctl.compact", Boolean.toString(compact), args.toArray(String[]::new));
    }

    @Test
    void compactAndPlainLoadsPrintTheSame() throws IOException {
        List<String> inputs = new ArrayList<>(List.of(ROOT.resolve("testdata/examples").toString()));
        if (Files.isDirectory(CORPUS)) {
            try (Stream<Path> dirs = Files.list(CORPUS)) {
                dirs.map(d -> d.resolve("input.yaml")).filter(Files::isRegularFile).sorted()
                        .forEach(p -> inputs.add(p.toString()));
            }
        }
        assertThat(inputs).as("the examples and the real-world inputs").hasSizeGreaterThan(1);
        int compared = 0;
        for (String input : inputs) {
            for (List<String> cmd : List.of(List.of("validate", "-o", "json"), List.of("validate"),
                    List.of("pc", "listener"), List.of("pc", "route"))) {
                List<String> args = new ArrayList<>(cmd);
                args.addAll(List.of("-f", input));
                Gwctl.Result plain = run(false, args);
                Gwctl.Result compact = run(true, args);
                assertThat(compact.out()).as("%s", args).isEqualTo(plain.out());
                assertThat(compact.err()).as("%s", args).isEqualTo(plain.err());
                assertThat(compact.exitCode()).as("%s", args).isEqualTo(plain.exitCode());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(inputs.size() * 4);
    }

    @Test
    void aLoadIsCompactWhenItsInputIsOverAThirdOfTheHeap() {
        long heap = Runtime.getRuntime().maxMemory();
        assertThat(ManifestLoader.compactFor(heap / 3 + 1)).isTrue();
        assertThat(ManifestLoader.compactFor(heap / 3)).isFalse();
        assertThat(ManifestLoader.compactFor(0)).isFalse();
    }
}
