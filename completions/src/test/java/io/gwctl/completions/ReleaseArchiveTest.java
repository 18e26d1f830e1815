package io.gwctl.completions;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.Environment;
import io.gwctl.cli.Main;
import io.gwctl.cli.completion.CompletionScripts;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive the cli module packaged ({@code cli/target/gwctl-VERSION.tar.gz}; this module builds after it),
 * unpacked as a user would: it holds the jar, the launcher, the man pages and the three completion scripts, and its
 * launcher runs through a symlink from another directory with nothing but {@code java} and base utilities on the
 * PATH (no Maven, no checkout), leaving nothing behind in the working directory.
 */
class ReleaseArchiveTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("gwctl.version", "");
    /**
     * What the launcher runs besides java: POSIX utilities, looked up on the test's PATH and linked one by one. No
     * dirname, basename, cut or sed: parameter expansion and read do their work without a process each run.
     */
    private static final List<String> TOOLS = List.of("sh", "readlink", "stat", "cksum", "mkdir", "rm", "mv", "cat",
            "du");

    @TempDir
    static Path home;
    private static Path prefix;

    @BeforeAll
    static void unpack(@TempDir Path opt) throws Exception {
        assertThat(VERSION).as("gwctl.version, set by the completions pom").isNotEmpty();
        Path archive = ROOT.resolve("cli/target/gwctl-" + VERSION + ".tar.gz");
        assertThat(archive).as("built by mvn package of the cli module (maven-assembly-plugin)").isRegularFile();
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", opt.toString())
                .redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(tar.exitValue()).as(out).isZero();
        try (Stream<Path> top = Files.list(opt)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactly("gwctl-" + VERSION);
        }
        prefix = opt.resolve("gwctl-" + VERSION);
    }

    @Test
    void holdsTheJarLauncherManPagesAndCompletionScripts() throws IOException {
        assertThat(prefix.resolve("lib/gwctl.jar")).isRegularFile();
        assertThat(Files.isExecutable(prefix.resolve("bin/gwctl"))).as("bin/gwctl mode 755").isTrue();
        assertThat(Files.readString(prefix.resolve("bin/gwctl"))).startsWith("#!/bin/sh\n").doesNotContain("\r");

        Path man1 = prefix.resolve("share/man/man1");
        List<String> pages;
        try (Stream<Path> files = Files.list(man1)) {
            pages = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> built;
        try (Stream<Path> files = Files.list(ROOT.resolve("cli/target/man/man1"))) {
            built = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(pages).as("the roff pages ManPagesTest checks, one per command").isEqualTo(built)
                .contains("gwctl.1", "gwctl-validate.1", "gwctl-proxy-config-route.1");
        assertThat(Files.readString(man1.resolve("gwctl-validate.1"))).contains(".SH \"OPTIONS\"");

        var tree = Main.commandLine(Environment.system());
        Map<String, String> scripts = Map.of(
                "bash", "share/bash-completion/completions/gwctl",
                "zsh", "share/zsh/site-functions/_gwctl",
                "fish", "share/fish/vendor_completions.d/gwctl.fish");
        for (var script : scripts.entrySet()) {
            assertThat(Files.readString(prefix.resolve(script.getValue()), StandardCharsets.UTF_8))
                    .as(script.getValue()).isEqualTo(CompletionScripts.script(script.getKey(), tree));
        }
        assertThat(prefix.resolve("share/doc/gwctl/README.md")).isRegularFile();
        assertThat(prefix.resolve("share/gwctl/examples/istio-system")).isDirectory();
    }

    /** A PATH of one directory: java (as installed, through its links) and the base tools, without mvn. */
    private static Path bareToolsDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.createSymbolicLink(dir.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        for (String tool : TOOLS) {
            Path found = Stream.of(System.getenv("PATH").split(File.pathSeparator)).filter(d -> !d.isEmpty())
                    .map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new AssertionError(tool + " not on the PATH"));
            Files.createSymbolicLink(dir.resolve(tool), found);
        }
        return dir;
    }

    private record Run(int exit, String out) {
    }

    private static Run run(Path link, Path cwd, Path tools, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(link.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "out", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", link.getParent() + File.pathSeparator + tools);
        env.put("HOME", home.toString());
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("gwctl %s finished", String.join(" ", args)).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void theLauncherRunsThroughASymlinkWithOnlyJavaOnThePath(@TempDir Path bin, @TempDir Path cwd,
            @TempDir Path tools) throws Exception {
        Path link = Files.createSymbolicLink(bin.resolve("gwctl"), prefix.resolve("bin/gwctl"));
        Path bare = bareToolsDir(tools.resolve("bin"));
        assertThat(bare.resolve("mvn")).doesNotExist();

        Run version = run(link, cwd, bare, "--version");
        assertThat(version.exit()).as(version.out()).isZero();
        assertThat(version.out()).isEqualTo("gwctl " + VERSION + "\n");

        // The exit code .ci/run expects of the examples: 79, findings at or above Error.
        Run validate = run(link, cwd, bare, "validate", "-f", ROOT.resolve("testdata/examples").toString());
        assertThat(validate.exit()).as(validate.out()).isEqualTo(79);
        assertThat(validate.out()).contains("Error [GW0101/IST0101]", "errors, ")
                .doesNotContain("mvn", "building the jar", "Exception");

        try (Stream<Path> left = Files.list(cwd)) {
            assertThat(left).as("nothing left in the working directory").isEmpty();
        }
        // The class-data-sharing archive went to the user's cache, trained and recorded whole.
        try (Stream<Path> cache = Files.list(home.resolve(".cache/gwctl"))) {
            List<Path> jsa = cache.filter(f -> f.toString().endsWith(".jsa")).toList();
            assertThat(jsa).hasSize(1);
            assertThat(Files.readString(Path.of(jsa.get(0) + ".size")).trim())
                    .isEqualTo(Long.toString(Files.size(jsa.get(0))));
        }
    }
}
