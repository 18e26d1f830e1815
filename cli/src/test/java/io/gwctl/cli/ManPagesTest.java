package io.gwctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The man pages the build generated from the command tree (target/man, picocli's ManPageGenerator in
 * process-classes) are the ones committed in docs/man/, one per command: a change to an option or its help that
 * was not regenerated fails here. {@code -Dgwctl.update-golden=true} copies them over. Their roff conversion
 * (target/man/man1, Asciidoctor's manpage backend, shipped in the release archive) has a page per command with the
 * sections man readers expect, and {@code man} renders each without a warning.
 */
class ManPagesTest {
    private static final Path GENERATED = Path.of("target", "man");
    private static final Path ROFF = GENERATED.resolve("man1");

    private static Path committed() {
        String root = System.getProperty("gwctl.root.dir");
        return (root != null && !root.isEmpty() ? Path.of(root) : Path.of("..")).resolve("docs/man");
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
        // gwctl.adoc, gwctl-validate.adoc, gwctl-proxy-config-route.adoc...: one per command, aliases left out.
        List<String> expected = commands(Main.commandLine(Environment.system()), "", new java.util.TreeMap<>()).keySet()
                .stream().map(n -> n + ".adoc").toList();
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
        assertThat(adocNames(docs)).as("docs/man/*.adoc; regenerate with mvn -o -pl cli -am test"
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

    /** Each command by its page name (gwctl-proxy-config-route), aliases left out. */
    private static java.util.Map<String, CommandLine> commands(CommandLine c, String prefix,
            java.util.Map<String, CommandLine> byName) {
        String name = prefix.isEmpty() ? c.getCommandName() : prefix + "-" + c.getCommandName();
        byName.put(name, c);
        c.getSubcommands().forEach((n, sub) -> {
            if (sub.getCommandName().equals(n)) {
                commands(sub, name, byName);
            }
        });
        return byName;
    }

    @Test
    void everyCommandHasARoffPageWithNameSynopsisAndOptions() throws IOException {
        var commands = commands(Main.commandLine(Environment.system()), "", new java.util.TreeMap<>());
        assertThat(commands).containsKeys("gwctl", "gwctl-validate", "gwctl-proxy-config-route");
        for (var command : commands.entrySet()) {
            String name = command.getKey();
            Path page = ROFF.resolve(name + ".1");
            assertThat(page).as("written by Asciidoctor (manpage backend) in process-classes").isRegularFile();
            String roff = Files.readString(page, StandardCharsets.UTF_8);
            String escaped = name.replace("-", "\\-");
            assertThat(roff).as(name).contains(".TH \"" + escaped.toUpperCase(java.util.Locale.ROOT) + "\" \"1\"",
                    ".SH \"NAME\"\n" + name + " \\- ", ".SH \"SYNOPSIS\"");
            // An OPTIONS section exactly where the command has options (gwctl help has only its argument).
            if (command.getValue().getCommandSpec().options().isEmpty()) {
                assertThat(roff).as(name).doesNotContain(".SH \"OPTIONS\"");
            } else {
                assertThat(roff).as(name).contains(".SH \"OPTIONS\"");
            }
        }
        assertThat(Files.readString(ROFF.resolve("gwctl-validate.1"), StandardCharsets.UTF_8))
                .contains("\\fB\\-\\-explain\\fP=\\fICODE\\fP\n.RS 4\n");
    }

    /** {@code man -l} where man-db is installed, otherwise groff itself; CI installs them (.ci/run), so no skip. */
    private static List<String> renderer(Path page) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "man"))) {
                return List.of("man", "--warnings", "-l", page.toString());
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "groff"))) {
                return List.of("groff", "-man", "-Tutf8", "-wmac", page.toString());
            }
        }
        return fail("neither man nor groff is on the PATH: install man-db (or groff-base) to check the man pages");
    }

    @Test
    void manRendersEveryPageWithoutWarnings(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        for (String name : commands(Main.commandLine(Environment.system()), "", new java.util.TreeMap<>()).keySet()) {
            ProcessBuilder pb = new ProcessBuilder(renderer(ROFF.resolve(name + ".1")))
                    .redirectOutput(tmp.resolve(name + ".out").toFile())
                    .redirectError(tmp.resolve(name + ".err").toFile());
            pb.environment().put("MANWIDTH", "80");
            pb.environment().put("MAN_KEEP_FORMATTING", "");
            pb.environment().put("LC_ALL", "C.UTF-8");
            Process p = pb.start();
            assertThat(p.waitFor(1, TimeUnit.MINUTES)).as(name + " rendered").isTrue();
            String out = Files.readString(tmp.resolve(name + ".out"), StandardCharsets.UTF_8);
            String err = Files.readString(tmp.resolve(name + ".err"), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(name + ": " + err).isZero();
            assertThat(err).as(name + ": warnings of " + pb.command()).isEmpty();
            // Rendered text, not AsciiDoc left as it stands: no lone "_" or "*" of a markup the conversion missed.
            assertThat(out.replaceAll(".\b", "")).as(name).contains("NAME", "SYNOPSIS", name + " - ")
                    .doesNotContainPattern("(^|\\s)[_*](\\s|$)").doesNotContain("*--", "::");
        }
    }
}
