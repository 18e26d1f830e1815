package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.load.LoadOptions;
import io.gwctl.model.load.LoadResult;
import io.gwctl.model.load.ManifestLoader;
import io.gwctl.validators.RuleContext;
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
 * Values several rules read are kept for the run where they fit easily in the heap ({@link
 * RuleContext#keepsForTheRun}) and made again by each rule where they do not: the destinations
 * ({@link MeshRegistry#destinations()}, six rules) and the credential uses ({@link CredentialUse#all}, five rules).
 * The rules must find the same either way.
 */
class KeptForTheRunTest {
    private static final ValidateOptions OPTS = ValidateOptions.defaults().withNow(RuleFixtures.DEFAULT_NOW);
    private static final String PROPERTY = "gwctl.keep-shared";

    /** Every rule fixture directory, the examples and (when ../shared is there) the realworld corpus. */
    @Test
    void findingsAreTheSameWithTheSharedValuesKeptAndMadeByEachRule() throws IOException {
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
        int credentialFindings = 0;
        for (Path in : inputs) {
            LoadResult r = new ManifestLoader(LoadOptions.defaults()).load(List.of(in.toString()));
            ValidationResult kept = withProperty("true", () -> Validator.run(r.snapshot(), OPTS, RuleRegistry.all()));
            ValidationResult made = withProperty("false", () -> Validator.run(r.snapshot(), OPTS, RuleRegistry.all()));
            assertThat(kept.findings()).as(in.toString()).containsExactlyElementsOf(made.findings());
            assertThat(kept.notes()).as(in.toString()).isEqualTo(made.notes());
            destinationFindings += (int) kept.findings().stream()
                    .filter(f -> List.of("GW0601", "GW0602", "GW0603", "GW0604", "GW0605").contains(f.code()))
                    .count();
            credentialFindings += (int) kept.findings().stream().filter(f -> f.code().startsWith("GW01")).count();
        }
        assertThat(destinationFindings).as("findings of the rules that read the destinations").isGreaterThan(10);
        assertThat(credentialFindings).as("findings of the credential rules").isGreaterThan(10);
    }

    @Test
    void keptWhenTheyTakeAnEighthOfTheHeapAtMost() {
        withProperty("", () -> {
            long mb512 = 512L << 20;
            assertThat(RuleContext.keepsForTheRun(64L << 20, mb512)).isTrue();
            assertThat(RuleContext.keepsForTheRun((64L << 20) + 1, mb512)).isFalse();
            // The destinations (2 KB a VirtualService) and credential uses (2 KB a Gateway) of the benchmark corpus:
            // N=10,000 has 20,000 VirtualServices, N=100,000 (which needs all of 512 MB) 100,000 Gateways.
            assertThat(RuleContext.keepsForTheRun(20_000 * 2048L, mb512)).as("N=10,000").isTrue();
            assertThat(RuleContext.keepsForTheRun(100_000 * 2048L, mb512)).as("N=100,000 in 512 MB").isFalse();
            assertThat(RuleContext.keepsForTheRun(200_000 * 2048L, 6L << 30)).as("N=100,000, 6 GB").isTrue();
            return null;
        });
        assertThat(withProperty("false", () -> RuleContext.keepsForTheRun(1, 1L << 30))).isFalse();
        assertThat(withProperty("true", () -> RuleContext.keepsForTheRun(1L << 40, 1))).isTrue();
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
