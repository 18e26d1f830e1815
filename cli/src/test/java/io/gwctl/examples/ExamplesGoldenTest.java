package io.gwctl.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.GoldenFiles;
import io.gwctl.cli.Gwctl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs gwctl on the bundled example repository ({@code testdata/examples/}) exactly as the README shows and compares
 * stdout, stderr and the exit code with {@code testdata/expected/<case>/}. Paths are given as a user at the
 * repository root would type them. {@code -Dgwctl.update-golden=true} rewrites the expected files (review the diff).
 */
class ExamplesGoldenTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    private static final Path EXPECTED = ROOT.resolve("testdata/expected");
    private static final String GATEWAY = "testdata/examples/istio-system";

    /** (case directory, output file, gwctl arguments). */
    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        // The whole repository.
        all.add(Arguments.of("all", "validate.txt", List.of("validate", "-f", "testdata/examples/")));
        all.add(Arguments.of("all", "validate.json", List.of("validate", "-f", "testdata/examples/", "-o", "json")));
        all.add(Arguments.of("all", "listeners.txt", List.of("proxy-config", "listener", "-f", "testdata/examples/")));
        all.add(Arguments.of("all", "routes.txt", List.of("proxy-config", "route", "-f", "testdata/examples/")));
        // Each team's configs with the shared gateway workload.
        for (String team : List.of("test-io", "multi-team", "unexposed-port", "missing-secret")) {
            String dir = "testdata/examples/" + team;
            all.add(Arguments.of(team, "listeners.txt", List.of("pc", "listener", "-f", GATEWAY, "-f", dir)));
            all.add(Arguments.of(team, "routes.txt", List.of("pc", "route", "-f", GATEWAY, "-f", dir)));
            all.add(Arguments.of(team, "validate.txt", List.of("validate", "-f", GATEWAY, "-f", dir)));
            all.add(Arguments.of(team, "validate.json", List.of("validate", "-f", GATEWAY, "-f", dir, "-o", "json")));
        }
        // bookinfo alone: no gateway workload in the input, so Istio's default ingress gateway is assumed.
        String bookinfo = "testdata/examples/bookinfo";
        all.add(Arguments.of("bookinfo", "listeners.txt", List.of("pc", "listener", "-f", bookinfo)));
        all.add(Arguments.of("bookinfo", "routes.txt", List.of("pc", "route", "-f", bookinfo)));
        all.add(Arguments.of("bookinfo", "validate.txt", List.of("validate", "-f", bookinfo)));
        all.add(Arguments.of("bookinfo", "validate.json", List.of("validate", "-f", bookinfo, "-o", "json")));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("cases")
    void matchesExpectedOutput(String caseName, String file, List<String> args) throws IOException {
        List<String> absolute = new ArrayList<>();
        for (String a : args) {
            absolute.add(a.startsWith("testdata/") ? ROOT.resolve(a) + (a.endsWith("/") ? "/" : "") : a);
        }
        Gwctl.Result r = new Gwctl().run(absolute.toArray(String[]::new));
        String prefix = ROOT + "/";
        String out = r.out().replace(prefix, "");
        String err = r.err().replace(prefix, "");
        String ext = file.substring(file.lastIndexOf('.') + 1);
        String base = file.substring(0, file.lastIndexOf('.')) + (ext.equals("txt") ? "" : "-" + ext);
        StringBuilder meta = new StringBuilder();
        meta.append("$ gwctl ").append(String.join(" ", args)).append('\n');
        meta.append("exit ").append(r.exitCode()).append('\n');
        if (!err.isEmpty()) {
            meta.append("--- stderr\n").append(err);
        }
        compare(caseName + "/" + file, out);
        compare(caseName + "/" + base + ".run", meta.toString());
        assertThat(out).as("stdout must not contain absolute paths").doesNotContain(ROOT.toString());
    }

    private static void compare(String name, String actual) throws IOException {
        GoldenFiles.compare(ROOT, EXPECTED.resolve(name), actual);
    }
}
