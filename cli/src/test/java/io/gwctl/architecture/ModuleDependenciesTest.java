package io.gwctl.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the module arrows of STYLE.md §1 true: model depends on no other module and knows nothing of picocli or
 * fabric8; validators and renderers depend on model only, never on each other; only cli talks to the process and
 * the cluster. Checked on both the POMs (declared dependencies) and the sources (imports), so a transitive leak
 * through a new dependency is caught too.
 */
class ModuleDependenciesTest {

    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", ".."));

    /** Module → the gwctl modules it may depend on. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "model", List.of(),
            "validators", List.of("model"),
            "renderers", List.of("model"),
            "cli", List.of("model", "validators", "renderers"),
            "completions", List.of("model", "validators", "renderers", "cli"));

    /** Import prefixes no module but cli (and completions, which walks cli's command tree) may use. */
    private static final List<String> CLI_ONLY = List.of("picocli.", "io.fabric8.", "org.jline.");

    static Stream<Arguments> modules() {
        return ALLOWED.keySet().stream().sorted().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void declaredModuleDependenciesFollowTheArrows(String module) throws IOException {
        String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
        TreeSet<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("<artifactId>gwctl-([a-z]+)</artifactId>").matcher(pom);
        while (m.find()) {
            if (!m.group(1).equals(module) && !m.group(1).equals("parent")) {
                used.add(m.group(1));
            }
        }
        assertThat(used).as("gwctl modules %s depends on", module).isSubsetOf(ALLOWED.get(module));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void sourcesImportOnlyWhatTheirModuleMay(String module) throws IOException {
        Path src = ROOT.resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(src)) {
            return;
        }
        List<String> forbidden = new ArrayList<>();
        for (String other : ALLOWED.keySet()) {
            if (!other.equals(module) && !ALLOWED.get(module).contains(other) && !other.equals("model")) {
                forbidden.add("io.gwctl." + other + ".");
            }
        }
        if (!module.equals("cli") && !module.equals("completions")) {
            forbidden.addAll(CLI_ONLY);
        }
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.startsWith("import ")) {
                        continue;
                    }
                    String imported = line.substring(7).replace("static ", "").trim();
                    for (String prefix : forbidden) {
                        if (imported.startsWith(prefix)) {
                            violations.add(ROOT.relativize(f) + ": " + line.trim());
                        }
                    }
                }
            }
        }
        assertThat(violations).as("imports that break the module arrows in %s", module).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void onlyCliExitsTheProcess(String module) throws IOException {
        Path src = ROOT.resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(src)) {
            return;
        }
        List<String> exits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String text = Files.readString(f);
                // The entry points: Main, and Launch, the jar's, which prints the quick help before Main loads.
                boolean isMain = f.endsWith(Path.of("io/gwctl/cli/Main.java"))
                        || f.endsWith(Path.of("io/gwctl/cli/Launch.java"))
                        || f.getFileName().toString().equals("GenerateCompletions.java");
                if (text.contains("System.exit(") && !isMain) {
                    exits.add(ROOT.relativize(f).toString());
                }
            }
        }
        assertThat(exits).as("classes that call System.exit (only the entry points may)").isEmpty();
    }
}
