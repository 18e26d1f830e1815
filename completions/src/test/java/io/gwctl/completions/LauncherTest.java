package io.gwctl.completions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code gwctl} launcher script with the jar the cli module packaged (this module builds after it): a truncated
 * class-data-sharing archive, as an interrupted first run or a partial CI cache restore leaves it, is rebuilt
 * instead of crashing every run, and a run leaves no JVM crash report in the working directory. With a stand-in
 * {@code mvn} on the PATH (it writes the real jar slowly, in two halves, as shade does), runs started together while
 * the sources are newer than the jar build once and all succeed, a build killed midway leaves the previous jar in
 * place and is redone by the next run, and only what the jar is built from (poms, src/main, rule pages) makes it stale.
 */
class LauncherTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();

    @TempDir
    Path cache;
    @TempDir
    Path cwd;

    private int gwctl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", ROOT.resolve("gwctl").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(cwd.resolve("out.txt").toFile());
        pb.environment().put("GWCTL_CACHE_DIR", cache.toString());
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("gwctl finished").isTrue();
        return p.exitValue();
    }

    private Path archive() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(".jsa")).findFirst().orElseThrow();
        }
    }

    /**
     * Both launchers start the jar's main class from the class path (not {@code -jar}, which reads the jar twice): the
     * class they name is the one the manifest names, so that {@code java -jar} and the launchers run the same program.
     */
    @Test
    void theLaunchersStartTheMainClassTheManifestNames() throws Exception {
        Path jar = ROOT.resolve("cli/target/gwctl.jar");
        assumeTrue(Files.isRegularFile(jar), "cli/target/gwctl.jar not built: run mvn verify from the root");
        String main;
        try (java.util.jar.JarFile f = new java.util.jar.JarFile(jar.toFile())) {
            main = f.getManifest().getMainAttributes().getValue("Main-Class");
        }
        assertThat(main).isNotBlank();
        assertThat(Files.readString(ROOT.resolve("gwctl"))).contains("-cp \"$jar\" " + main + " \"$@\"")
                .doesNotContain("-jar \"$jar\"");
        assertThat(Files.readString(ROOT.resolve("cli/src/dist/bin/gwctl")))
                .contains("set -- -cp \"$jar\" " + main + " \"$@\"").doesNotContain("-jar \"$jar\"");
    }

    @Test
    void aTruncatedArchiveIsRebuiltAndRunsLeaveNoCrashReport() throws Exception {
        Path jar = ROOT.resolve("cli/target/gwctl.jar");
        assumeTrue(Files.isRegularFile(jar), "cli/target/gwctl.jar not built: run mvn verify from the root");
        assertThat(gwctl("--version")).as(Files.readString(cwd.resolve("out.txt"))).isZero();
        Path jsa = archive();
        long size = Files.size(jsa);
        assertThat(Files.readString(Path.of(jsa + ".size"), StandardCharsets.UTF_8).trim())
                .isEqualTo(Long.toString(size));

        jsa.toFile().setWritable(true);
        try (FileChannel ch = FileChannel.open(jsa, StandardOpenOption.WRITE)) {
            ch.truncate(size / 3);
        }
        int code = gwctl("validate", "-f", ROOT.resolve("testdata/examples/test-io").toString());
        String out = Files.readString(cwd.resolve("out.txt"));
        assertThat(code).as(out).isIn(0, 79);
        assertThat(out).doesNotContain("hs_err", "SIGSEGV", "NoClassDefFoundError");
        assertThat(Files.size(archive())).as("rebuilt whole").isEqualTo(Long.parseLong(
                Files.readString(Path.of(archive() + ".size"), StandardCharsets.UTF_8).trim()));
        try (Stream<Path> files = Files.list(cwd)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err"));
        }
    }
    @Test
    void aSymlinkToTheLauncherRunsFromAnyDirectory(@TempDir Path bin) throws Exception {
        Path jar = ROOT.resolve("cli/target/gwctl.jar");
        assumeTrue(Files.isRegularFile(jar), "cli/target/gwctl.jar not built: run mvn verify from the root");
        // As the README installs it: ln -s "$PWD/gwctl" ~/bin/gwctl, then run it from elsewhere.
        Path link = Files.createSymbolicLink(bin.resolve("gwctl"), ROOT.resolve("gwctl"));
        ProcessBuilder pb = new ProcessBuilder("bash", link.toString(), "validate", "-f",
                ROOT.resolve("testdata/examples/test-io").toString()).directory(cwd.toFile())
                .redirectErrorStream(true).redirectOutput(cwd.resolve("link.txt").toFile());
        pb.environment().put("GWCTL_CACHE_DIR", cache.toString());
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(cwd.resolve("link.txt"));
        assertThat(p.exitValue()).as(out).isIn(0, 79);
        assertThat(out).doesNotContain("Could not find the selected project", "building the jar");
        try (Stream<Path> files = Files.list(cwd)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("link.txt");
        }
    }

    /** A checkout with the launcher, sources newer than its (working, older) jar, and a stand-in {@code mvn}. */
    private static final class StaleCheckout {
        final Path root;
        final Path jar;
        final Path bin;
        final Path mvnLog;

        StaleCheckout(Path root) throws IOException {
            this.root = root;
            Path real = ROOT.resolve("cli/target/gwctl.jar");
            assumeTrue(Files.isRegularFile(real), "cli/target/gwctl.jar not built: run mvn verify from the root");
            Files.copy(ROOT.resolve("gwctl"), root.resolve("gwctl"));
            Path lib = root.resolve("cli/src/dist/lib/gwctl-jvm.sh");
            Files.createDirectories(lib.getParent());
            Files.copy(ROOT.resolve("cli/src/dist/lib/gwctl-jvm.sh"), lib);
            jar = root.resolve("cli/target/gwctl.jar");
            Files.createDirectories(jar.getParent());
            Files.copy(real, jar);
            Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                    System.currentTimeMillis() - 3_600_000));
            Path src = root.resolve("cli/src/main/java/io/gwctl/cli/Changed.java");
            Files.createDirectories(src.getParent());
            Files.writeString(src, "class Changed {}\n");
            Files.writeString(root.resolve("pom.xml"), "<project/>\n");
            bin = Files.createDirectories(root.resolve("bin"));
            mvnLog = root.resolve("mvn-calls.log");
            // The stand-in build: records the call, then writes the real jar to -Dgwctl.jar.output in two halves with
            // a pause between them (FAKE_MVN_HANG=1: it never finishes the second half).
            Path mvn = bin.resolve("mvn");
            Files.writeString(mvn, String.join("\n",
                    "#!/usr/bin/env bash",
                    "echo \"$$ $*\" >> " + mvnLog,
                    "out=''",
                    "for a in \"$@\"; do case $a in -Dgwctl.jar.output=*) out=${a#-Dgwctl.jar.output=};; esac; done",
                    "[ -n \"$out\" ] || { echo '[ERROR] no -Dgwctl.jar.output'; exit 1; }",
                    "size=$(stat -c %s " + real + ")",
                    "head -c $((size / 2)) " + real + " > \"$out\"",
                    "if [ \"${FAKE_MVN_HANG:-0}\" = 1 ]; then sleep 60; fi",
                    "sleep 1",
                    "tail -c +$((size / 2 + 1)) " + real + " >> \"$out\"",
                    ""));
            mvn.toFile().setExecutable(true);
        }

        Process start(Path cwd, String outName, boolean hang) throws IOException {
            ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("gwctl").toString(), "--version")
                    .directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(cwd.resolve(outName).toFile());
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            pb.environment().put("GWCTL_CDS", "0");
            pb.environment().put("FAKE_MVN_HANG", hang ? "1" : "0");
            return pb.start();
        }

        long builds() throws IOException {
            return Files.exists(mvnLog) ? Files.readAllLines(mvnLog).size() : 0;
        }

        List<String> leftovers() throws IOException {
            try (Stream<Path> files = Files.list(jar.getParent())) {
                return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".gwctl-build")).toList();
            }
        }
    }

    private static boolean hasFlock() {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "flock")));
    }

    @Test
    void runsStartedTogetherWithAStaleJarBuildOnceAndAllSucceed(@TempDir Path checkout) throws Exception {
        assumeTrue(hasFlock(), "flock(1) not on PATH: the launcher then builds without a lock");
        StaleCheckout c = new StaleCheckout(checkout);
        List<Process> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(c.start(cwd, "run" + i + ".txt", false));
        }
        for (int i = 0; i < runs.size(); i++) {
            Process p = runs.get(i);
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("run %d finished", i).isTrue();
            String out = Files.readString(cwd.resolve("run" + i + ".txt"));
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("gwctl ").doesNotContain("Unable to access jarfile", "Error", "failed");
        }
        assertThat(c.builds()).as("one build for three runs").isEqualTo(1);
        assertThat(Files.size(c.jar)).isEqualTo(Files.size(ROOT.resolve("cli/target/gwctl.jar")));
        assertThat(c.leftovers()).isEmpty();
    }

    @Test
    void onlyWhatTheJarIsBuiltFromMakesItStale(@TempDir Path checkout) throws Exception {
        StaleCheckout c = new StaleCheckout(checkout);
        long now = System.currentTimeMillis();
        Files.setLastModifiedTime(c.jar, FileTime.fromMillis(now + 30_000));
        for (String notInTheJar : List.of("cli/src/test/java/io/gwctl/cli/ChangedTest.java",
                "model/target/classes/Changed.class", "README.md", "testdata/examples/gw.yaml")) {
            touch(checkout.resolve(notInTheJar), now + 60_000);
        }
        Process p = c.start(cwd, "fresh.txt", false);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(cwd.resolve("fresh.txt"));
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(c.builds()).as("tests, build output and docs other than rule pages: %s", out).isZero();

        // The rule pages are resources of the validators module (its pom), so --explain prints the edited page.
        touch(checkout.resolve("docs/rules/GW0101.md"), now + 60_000);
        p = c.start(cwd, "page.txt", false);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        out = Files.readString(cwd.resolve("page.txt"));
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("building the jar");
        assertThat(c.builds()).isEqualTo(1);
    }

    private static void touch(Path file, long millis) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "changed\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(millis));
    }

    @Test
    void aBuildKilledMidwayLeavesTheOldJarAndTheNextRunRebuilds(@TempDir Path checkout) throws Exception {
        StaleCheckout c = new StaleCheckout(checkout);
        long before = Files.getLastModifiedTime(c.jar).toMillis();
        Process p = c.start(cwd, "killed.txt", true);
        // Wait until the stand-in build has written half of the jar, then kill the launcher and its build.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (c.builds() == 0 || c.leftovers().isEmpty()
                || leftoverJarSize(c) == 0) {
            assertThat(System.nanoTime()).as("the build started").isLessThan(deadline);
            Thread.sleep(50);
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(Files.getLastModifiedTime(c.jar).toMillis()).as("the old jar is untouched").isEqualTo(before);
        assertThat(Files.size(c.jar)).isEqualTo(Files.size(ROOT.resolve("cli/target/gwctl.jar")));

        Process again = c.start(cwd, "again.txt", false);
        assertThat(again.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(cwd.resolve("again.txt"));
        assertThat(again.exitValue()).as(out).isZero();
        assertThat(out).contains("building the jar", "gwctl ");
        assertThat(c.builds()).as("the interrupted build is redone").isEqualTo(2);
        assertThat(Files.getLastModifiedTime(c.jar).toMillis()).isGreaterThan(before);
        if (hasFlock()) {
            // Only a build holding the lock knows no other build is using those directories.
            assertThat(c.leftovers()).as("the interrupted build's directory is cleaned up").isEmpty();
        }
    }

    private static long leftoverJarSize(StaleCheckout c) throws IOException {
        for (String dir : c.leftovers()) {
            Path partial = c.jar.getParent().resolve(dir).resolve("gwctl.jar");
            if (Files.exists(partial)) {
                return Files.size(partial);
            }
        }
        return 0;
    }
}
