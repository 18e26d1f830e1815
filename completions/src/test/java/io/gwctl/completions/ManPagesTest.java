package io.gwctl.completions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gwctl.cli.Environment;
import io.gwctl.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The man pages the build generated from the command tree (target/man, picocli's ManPageGenerator in
 * process-classes) are the ones committed in docs/man/, one per command: a change to an option or its help that
 * was not regenerated fails here. {@code -Dgwctl.update-golden=true} copies them over.
 */
class ManPagesTest {
    private static final Path GENERATED = Path.of("target", "man");

    private static Path committed() {
        String root = System.getProperty("gwctl.root.dir");
        return (root != null && !root.isEmpty() ? Path.of(root) : Path.of("..")).resolve("docs/man");
    }

    /** gwctl.adoc, gwctl-validate.adoc, gwctl-proxy-config-route.adoc...: one per command, aliases left out. */
    private static List<String> expectedNames(CommandLine c, String prefix, List<String> names) {
        String name = prefix.isEmpty() ? c.getCommandName() : prefix + "-" + c.getCommandName();
        names.add(name + ".adoc");
        c.getSubcommands().forEach((n, sub) -> {
            if (sub.getCommandName().equals(n)) {
                expectedNames(sub, name, names);
            }
        });
        return names;
    }

    private static List<String> adocNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".adoc")).sorted().toList();
        }
    }

    @Test
    void buildGeneratedAPageForEveryCommand() throws IOException {
        List<String> expected = expectedNames(Main.commandLine(Environment.system()), "", new ArrayList<>());
        assertThat(adocNames(GENERATED)).as("written by ManPageGenerator in process-classes")
                .containsExactlyInAnyOrderElementsOf(expected);
        String validate = Files.readString(GENERATED.resolve("gwctl-validate.adoc"), StandardCharsets.UTF_8);
        assertThat(validate).contains("= gwctl-validate(1)", "*--explain*=_CODE_", "*--sarif-root*=_DIR_");
    }

    @Test
    void committedPagesAreTheGeneratedOnes() throws IOException {
        Path docs = committed();
        if (Boolean.getBoolean("gwctl.update-golden")) {
            Files.createDirectories(docs);
            for (String stale : adocNames(docs)) {
                Files.delete(docs.resolve(stale));
            }
            for (String name : adocNames(GENERATED)) {
                Files.copy(GENERATED.resolve(name), docs.resolve(name));
            }
            return;
        }
        assertThat(adocNames(docs)).as("docs/man/*.adoc; regenerate with mvn -o -pl completions -am test"
                + " -Dtest=ManPagesTest -Dsurefire.failIfNoSpecifiedTests=false -Dgwctl.update-golden=true")
                .isEqualTo(adocNames(GENERATED));
        for (String name : adocNames(GENERATED)) {
            String generated = Files.readString(GENERATED.resolve(name), StandardCharsets.UTF_8);
            String committed = Files.readString(docs.resolve(name), StandardCharsets.UTF_8);
            if (!generated.equals(committed)) {
                fail("docs/man/" + name + " differs from the command tree's page; regenerate with -Dgwctl.update-golden"
                        + "=true (see docs/man/README.md)\n--- committed\n" + committed + "--- generated\n" + generated);
            }
        }
    }
}
