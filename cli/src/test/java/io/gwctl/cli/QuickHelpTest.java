package io.gwctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code gwctl --help} printed from a resource without picocli ({@link QuickHelp}): the resource is what picocli
 * prints, and the process (the jar's entry point, {@link Launch}) prints it without loading picocli; the same for
 * {@code --version}, whose line is picocli's.
 * {@code -Dgwctl.update-golden=true} rewrites the resource from picocli's output.
 */
class QuickHelpTest {
    private static final Path SOURCE = Path.of("src/main/resources/io/gwctl/cli", QuickHelp.RESOURCE);

    private static String picocliHelp(String arg) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {arg}, out, err);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    private static String resource() throws IOException {
        try (InputStream in = QuickHelp.class.getResourceAsStream(QuickHelp.RESOURCE)) {
            assertThat(in).as("the resource " + QuickHelp.RESOURCE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theResourceIsWhatPicocliPrintsForTheRootHelp() throws IOException {
        String expected = picocliHelp("--help");
        if (Boolean.getBoolean("gwctl.update-golden")) {
            Files.writeString(SOURCE, expected);
        }
        assertThat(Files.readString(SOURCE)).as("%s is stale: run the tests with -Dgwctl.update-golden=true",
                SOURCE).isEqualTo(expected);
        assertThat(resource()).isEqualTo(expected);
        assertThat(picocliHelp("-h")).isEqualTo(expected);
        assertThat(expected).startsWith("Usage: gwctl ").contains("Exit codes:");
    }

    @Test
    void onlyTheRootsHelpAloneTakesTheQuickPath() {
        assertThat(QuickHelp.applies(new String[] {"--help"})).isEqualTo(System.console() == null
                && System.getenv("CLICOLOR_FORCE") == null && System.getProperty("picocli.ansi") == null);
        assertThat(QuickHelp.applies(new String[] {"validate", "--help"})).isFalse();
        assertThat(QuickHelp.applies(new String[] {"--help", "validate"})).isFalse();
        assertThat(QuickHelp.applies(new String[] {"--version"})).isFalse();
        assertThat(QuickHelp.applies(new String[] {})).isFalse();
        assertThat(QuickHelp.appliesToVersion(new String[] {"--version"})).isTrue();
        assertThat(QuickHelp.appliesToVersion(new String[] {"-V"})).isTrue();
        assertThat(QuickHelp.appliesToVersion(new String[] {"--version", "validate"})).isFalse();
        assertThat(QuickHelp.appliesToVersion(new String[] {"validate", "--version"})).isFalse();
        assertThat(QuickHelp.appliesToVersion(new String[] {"--help"})).isFalse();
    }

    /** Output and loaded classes of {@code gwctl ARGS} in a child JVM whose standard output is a pipe. */
    private static String[] child(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xshare:off", "-Xlog:class+load=info:file=" + classLog(), "-cp",
                System.getProperty("java.class.path"), Launch.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("CLICOLOR_FORCE");
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isZero();
        return new String[] {out.toString(StandardCharsets.UTF_8), Files.readString(classLog())};
    }

    private static Path classLog() {
        return Path.of("target", "quick-help-classes.log");
    }

    @Test
    void theProcessPrintsTheHelpWithoutLoadingPicocli() throws Exception {
        for (String arg : List.of("--help", "-h")) {
            String[] run = child(arg);
            assertThat(run[0]).as(arg).isEqualTo(resource());
            assertThat(run[1]).as(arg).contains("io.gwctl.cli.QuickHelp").doesNotContain("picocli.");
        }
        for (String arg : List.of("--version", "-V")) {
            String[] run = child(arg);
            assertThat(run[0]).as(arg).isEqualTo(picocliHelp(arg)).startsWith("gwctl ");
            assertThat(run[1]).as(arg).contains("io.gwctl.cli.BuildInfo").doesNotContain("picocli.");
        }
        // Anything else is picocli's, as before.
        assertThat(child("version")[1]).contains("picocli.CommandLine ");
        assertThat(child("--version", "--help")[1]).contains("picocli.CommandLine ");
    }
}
