package io.gwctl.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gwctl.cli.GoldenFiles;
import io.gwctl.cli.Gwctl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Public projects' gateway configurations ({@code ../shared/realworld/}, one {@code input.yaml} per case) as their
 * users would run gwctl on them: {@code validate}, {@code pc listener} and {@code pc route}. Every case is a working
 * setup, so every run exits 0, and what gwctl prints is compared with {@code testdata/realworld/<case>/}, where each
 * golden was read as that project's user would read it. A Warning or Error in a golden must be argued for in the
 * case's {@code README.md} (a line naming its code), so that no false finding passes review silently.
 * {@code -Dgwctl.update-golden=true} rewrites the goldens (review the diff).
 */
class RealWorldGoldenTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    private static final Path SHARED = ROOT.resolveSibling("shared");
    private static final Path CORPUS = SHARED.resolve("realworld");
    private static final Path GOLDEN = ROOT.resolve("testdata/realworld");
    private static final Pattern WARNING_OR_ERROR = Pattern.compile("(?m)^(Error|Warning) \\[(GW\\d{4})");

    static Stream<Arguments> cases() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            // One visible skip instead of none: the corpus lives beside the checkout, not in it.
            return Stream.of(Arguments.of("(../shared/realworld absent)", "", List.of()));
        }
        List<Arguments> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("input.yaml"))).sorted().toList()) {
                String name = dir.getFileName().toString();
                String input = "../shared/realworld/" + name + "/input.yaml";
                all.add(Arguments.of(name, "validate.txt", List.of("validate", "-f", input)));
                all.add(Arguments.of(name, "listeners.txt", List.of("pc", "listener", "-f", input)));
                all.add(Arguments.of(name, "routes.txt", List.of("pc", "route", "-f", input)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("cases")
    void exitsZeroAndMatchesTheReviewedGolden(String caseName, String file, List<String> args) throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "../shared/realworld is absent: the real-world cases were not run");
        List<String> absolute = new ArrayList<>();
        for (String a : args) {
            absolute.add(a.startsWith("../shared/") ? SHARED.resolve(a.substring("../shared/".length())).toString()
                    : a);
        }
        Gwctl.Result r = new Gwctl().run(absolute.toArray(String[]::new));
        String out = relative(r.out());
        String err = relative(r.err());
        assertThat(r.exitCode()).as("%s exits 0 on a working setup\n%s", caseName, r).isZero();
        String base = file.substring(0, file.lastIndexOf('.'));
        compare(caseName + "/" + file, out);
        compare(caseName + "/" + base + ".run", "$ gwctl " + String.join(" ", args) + "\nexit " + r.exitCode() + "\n"
                + (err.isEmpty() ? "" : "--- stderr\n" + err));
        if (file.equals("validate.txt")) {
            Matcher m = WARNING_OR_ERROR.matcher(out);
            Path readme = GOLDEN.resolve(caseName).resolve("README.md");
            while (m.find()) {
                String reasoned = Files.exists(readme) ? Files.readString(readme, StandardCharsets.UTF_8) : "";
                assertThat(reasoned).as("%s: the %s %s needs its reasoning in %s", caseName, m.group(1), m.group(2),
                        ROOT.relativize(readme)).contains(m.group(2));
            }
        }
    }

    private static String relative(String s) {
        return s.replace(SHARED + "/", "../shared/").replace(ROOT + "/", "");
    }

    private static void compare(String name, String actual) throws IOException {
        GoldenFiles.compare(ROOT, GOLDEN.resolve(name), actual);
    }
}
