package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.load.LoadOptions;
import io.gwctl.model.load.LoadResult;
import io.gwctl.model.load.ManifestLoader;
import io.gwctl.validators.RuleFixtures;
import io.gwctl.validators.RuleRegistry;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.ValidationResult;
import io.gwctl.validators.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link MeshRegistry#destinations()} keeps the destinations where they fit easily in the heap and makes them as they
 * are read where they do not; the six rules that read them must find the same either way.
 */
class KeptDestinationsTest {
    private static final ValidateOptions OPTS = ValidateOptions.defaults().withNow(RuleFixtures.DEFAULT_NOW);
    private static final String PROPERTY = "gwctl.keep-destinations";

    /** Every rule fixture directory, the examples and (when ../shared is there) the realworld corpus. */
    @Test
    void findingsAreTheSameWithTheDestinationsKeptAndMadeAsTheyAreRead() throws IOException {
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(RuleFixtures.rulesDir())) {
            dirs.filter(Files::isDirectory).sorted().forEach(inputs::add);
        }
        inputs.add(RuleFixtures.root().resolve("testdata/examples"));
        Path realworld = RuleFixtures.sharedDir().resolve("realworld");
        if (Files.isDirectory(realworld)) {
            try (Stream<Path> dirs = Files.list(realworld)) {
                dirs.filter(Files::isDirectory).sorted().forEach(inputs::add);
            }
        }
        assertThat(inputs).hasSizeGreaterThan(50);
        int destinationFindings = 0;
        for (Path in : inputs) {
            LoadResult r = new ManifestLoader(LoadOptions.defaults()).load(List.of(in.toString()));
            ValidationResult kept = withProperty("true", () -> Validator.run(r.snapshot(), OPTS, RuleRegistry.all()));
            ValidationResult made = withProperty("false", () -> Validator.run(r.snapshot(), OPTS, RuleRegistry.all()));
            assertThat(kept.findings()).as(in.toString()).containsExactlyElementsOf(made.findings());
            assertThat(kept.notes()).as(in.toString()).isEqualTo(made.notes());
            destinationFindings += (int) kept.findings().stream()
                    .filter(f -> List.of("GW0601", "GW0602", "GW0603", "GW0604", "GW0605").contains(f.code()))
                    .count();
        }
        assertThat(destinationFindings).as("findings of the rules that read the destinations").isGreaterThan(10);
    }

    @Test
    void keptWhenAtTwoKilobytesAVirtualServiceTheyTakeAnEighthOfTheHeapAtMost() {
        withProperty("", () -> {
            long mb512 = 512L << 20;
            assertThat(MeshRegistry.keepsDestinations(20_000, mb512)).as("N=10,000 of the benchmark").isTrue();
            assertThat(MeshRegistry.keepsDestinations(32_768, mb512)).isTrue();
            assertThat(MeshRegistry.keepsDestinations(32_769, mb512)).isFalse();
            assertThat(MeshRegistry.keepsDestinations(60_000, mb512)).as("N=30,000, in 512 MB").isFalse();
            assertThat(MeshRegistry.keepsDestinations(200_000, 6L << 30)).as("N=100,000, 6 GB").isTrue();
            return null;
        });
        assertThat(withProperty("false", () -> MeshRegistry.keepsDestinations(1, 1L << 30))).isFalse();
        assertThat(withProperty("true", () -> MeshRegistry.keepsDestinations(1L << 40, 1))).isTrue();
    }

    private static <T> T withProperty(String value, java.util.function.Supplier<T> body) {
        String before = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, value);
        try {
            return body.get();
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
        }
    }
}
