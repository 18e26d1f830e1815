package io.gwctl.cli.proxyconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.Fixtures;
import io.gwctl.cli.Gwctl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code proxy-config route --config-dump} against istioctl's own goldens in
 * {@code ../shared/conformance/istioctl-printer/routes/<case>/{configdump.json,output.txt}}; skipped visibly when
 * that folder is absent.
 */
class ConfigDumpTest {
    private static final Path ROUTES = Path.of(System.getProperty("gwctl.shared.dir", "../../shared"))
            .resolve("conformance/istioctl-printer/routes");

    @TempDir
    Path dir;
    private final Gwctl gwctl = new Gwctl();

    static Stream<Path> routeCases() throws IOException {
        if (!Files.isDirectory(ROUTES)) {
            return Stream.of(ROUTES); // one case that skips with the reason
        }
        try (Stream<Path> s = Files.list(ROUTES)) {
            List<Path> dirs = s.filter(Files::isDirectory).sorted().toList();
            return dirs.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeCases")
    void routeTableEqualsIstioctlGolden(Path caseDir) throws IOException {
        assumeTrue(Files.isDirectory(ROUTES), "../shared/conformance absent: " + ROUTES);
        String expected = Files.readString(caseDir.resolve("output.txt"), StandardCharsets.UTF_8);
        Gwctl.Result r = gwctl.run("pc", "route", "--config-dump", caseDir.resolve("configdump.json").toString());
        assertThat(r.err()).as(r.toString()).isEmpty();
        assertThat(r.out()).isEqualTo(expected);
        assertThat(r.exitCode()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routeCases")
    void stdinDumpGivesTheSameTable(Path caseDir) throws IOException {
        assumeTrue(Files.isDirectory(ROUTES), "../shared/conformance absent: " + ROUTES);
        gwctl.stdin(Files.readString(caseDir.resolve("configdump.json"), StandardCharsets.UTF_8));
        Gwctl.Result r = gwctl.run("pc", "routes", "--config-dump", "-");
        assertThat(r.out()).as(r.toString())
                .isEqualTo(Files.readString(caseDir.resolve("output.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void malformedDumpExits65WithFileLineAndColumn() {
        String bad = Fixtures.write(dir, "dump.json", "{\n  \"configs\": [\n    {,\n");
        Gwctl.Result r = gwctl.run("pc", "listener", "--config-dump", bad);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.DATA_ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("gwctl: " + bad + ":3:6: invalid JSON: ").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"route", "all"})
    void missingDumpExits66(String command) {
        String missing = dir.resolve("absent.json").toString();
        Gwctl.Result r = gwctl.run("pc", command, "--config-dump", missing);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.NO_INPUT);
        assertThat(r.err()).isEqualTo("gwctl: " + missing + ": no such file\n");
    }

    @Test
    void workloadArgumentWithADumpIsAUsageError() {
        Gwctl.Result r = gwctl.run("pc", "route", "--config-dump", "d.json", "pod/x.ns");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("gwctl: a workload argument cannot be combined with --config-dump");
    }
}
