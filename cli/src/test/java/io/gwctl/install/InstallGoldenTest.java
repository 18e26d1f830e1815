package io.gwctl.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.GoldenFiles;
import io.gwctl.cli.Gwctl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden runs of what the input installs and produces: gateways of an IstioOperator or of gateway chart values
 * ({@code testdata/operator/<case>/}) and Secrets of cert-manager, External Secrets and Sealed Secrets
 * ({@code testdata/producers/<case>/}). Each case's {@code commands} file lists {@code OUTPUT: gwctl arguments}; the
 * run's stdout must equal {@code OUTPUT} and its exit code and stderr {@code OUTPUT} with {@code .run} for
 * {@code .txt}. Paths are written as from the repository root. {@code -Dgwctl.update-golden=true} rewrites them.
 */
class InstallGoldenTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (String group : List.of("operator", "producers")) {
            List<Path> dirs;
            try (Stream<Path> s = Files.list(ROOT.resolve("testdata").resolve(group))) {
                dirs = s.filter(d -> Files.isRegularFile(d.resolve("commands"))).sorted().toList();
            }
            for (Path dir : dirs) {
                for (String line : Files.readAllLines(dir.resolve("commands"), StandardCharsets.UTF_8)) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    int colon = line.indexOf(':');
                    all.add(Arguments.of(group + "/" + dir.getFileName(), line.substring(0, colon).trim(),
                            List.of(line.substring(colon + 1).trim().split("\\s+"))));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("cases")
    void matchesExpectedOutput(String caseName, String file, List<String> args) throws IOException {
        List<String> absolute = new ArrayList<>();
        for (String a : args) {
            absolute.add(a.replace("testdata/", ROOT + "/testdata/"));
        }
        Gwctl.Result r = new Gwctl().run(absolute.toArray(String[]::new));
        String prefix = ROOT + "/";
        String out = r.out().replace(prefix, "");
        String err = r.err().replace(prefix, "");
        StringBuilder meta = new StringBuilder("$ gwctl ").append(String.join(" ", args)).append('\n');
        meta.append("exit ").append(r.exitCode()).append('\n');
        if (!err.isEmpty()) {
            meta.append("--- stderr\n").append(err);
        }
        Path dir = ROOT.resolve("testdata").resolve(caseName);
        compare(dir.resolve(file), out);
        compare(dir.resolve(file.substring(0, file.lastIndexOf('.')) + ".run"), meta.toString());
        assertThat(out).as("stdout must not contain absolute paths").doesNotContain(ROOT.toString());
    }

    private static void compare(Path file, String actual) throws IOException {
        GoldenFiles.compare(ROOT, file, actual);
    }
}
