package io.gwctl.completions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM choices both launchers share ({@code cli/src/dist/lib/gwctl-jvm.sh}), run in dash (POSIX sh) and bash: C1
 * alone for runs that read little, full tiering for large inputs, standard input and the shell; the JDK's major version
 * read from its release file; an AOT cache on JDK 25 and later and a CDS archive before, trained once and reused. A
 * stand-in {@code java} records how it is called, so the test needs no second JDK.
 */
class LauncherJvmChoiceTest {
    private static final Path ROOT = Path.of(System.getProperty("gwctl.root.dir", "..")).toAbsolutePath().normalize();
    private static final Path LIB = ROOT.resolve("cli/src/dist/lib/gwctl-jvm.sh");

    @TempDir
    Path dir;

    private String sh(String shell, String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(shell, "-c", ". \"$1\"; " + script, "sh", LIB.toString())
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("GWCTL_JIT");
        pb.environment().remove("GWCTL_C1_LIMIT_KB");
        pb.environment().remove("GWCTL_GC");
        pb.environment().remove("GWCTL_G1_LIMIT_KB");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.strip();
    }

    private String jit(String shell, String args, Map<String, String> env) throws Exception {
        return sh(shell, "gwctl_jit " + args + "; echo \"[$GWCTL_JIT_OPT]\"", env);
    }

    @Test
    void smallRunsGetC1AndLargeOnesFullTiering() throws Exception {
        Path small = Files.writeString(dir.resolve("small.yaml"), "kind: Gateway\n");
        Path big = dir.resolve("big");
        Files.createDirectories(big);
        Files.write(big.resolve("a.yaml"), new byte[3 * 1024 * 1024]);
        Files.write(big.resolve("b.yaml"), new byte[2 * 1024 * 1024]);
        String c1 = "[-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:CompileThresholdScaling=0.3]";
        for (String shell : List.of("dash", "bash")) {
            assertThat(jit(shell, "--version", Map.of())).as(shell).isEqualTo(c1);
            assertThat(jit(shell, "validate -f " + small, Map.of())).as(shell).isEqualTo(c1);
            assertThat(jit(shell, "validate --filename=" + small + " -o json", Map.of())).as(shell).isEqualTo(c1);
            assertThat(jit(shell, "pc route -f" + small, Map.of())).as(shell).isEqualTo(c1);
            assertThat(jit(shell, "pc route --config-dump " + small, Map.of())).as(shell).isEqualTo(c1);
            // The default limit is 100 MB; with a 4 MB limit, 5 MB in one directory or in two -f paths of which each
            // alone is under it gets full tiering.
            Map<String, String> limit4m = Map.of("GWCTL_C1_LIMIT_KB", "4096");
            assertThat(jit(shell, "validate -f " + big, Map.of())).as("under 100 MB").isEqualTo(c1);
            assertThat(jit(shell, "pc route -f " + big, limit4m)).as(shell).isEqualTo("[]");
            assertThat(jit(shell, "pc route -f " + big.resolve("a.yaml") + " -f " + big.resolve("b.yaml"), limit4m))
                    .as(shell).isEqualTo("[]");
            assertThat(jit(shell, "validate -f " + big, Map.of("GWCTL_C1_LIMIT_KB", "8192"))).as(shell).isEqualTo(c1);
            // validate's limit is one and a half times the others': 5 MB is over 4 MB, under 6 MB.
            assertThat(jit(shell, "validate -f " + big, limit4m)).as(shell).isEqualTo(c1);
            assertThat(jit(shell, "validate -f " + big, Map.of("GWCTL_C1_LIMIT_KB", "3000"))).as(shell)
                    .isEqualTo("[]");
            assertThat(jit(shell, "validate -f -", Map.of())).as("stdin: size unknown").isEqualTo("[]");
            assertThat(jit(shell, "validate -f " + dir.resolve("missing"), Map.of())).as(shell).isEqualTo("[]");
            assertThat(jit(shell, "shell -f " + small, Map.of())).as("long running").isEqualTo("[]");
            // gwctl diff BASE HEAD [WORKLOAD]: positional paths, counted together; the workload word is no path.
            assertThat(jit(shell, "diff " + small + " " + small + " deploy/gw", Map.of())).as(shell).isEqualTo(c1);
            assertThat(jit(shell, "diff " + small + " " + big, limit4m)).as(shell).isEqualTo("[]");
            assertThat(jit(shell, "diff - " + small, Map.of())).as("stdin: size unknown").isEqualTo("[]");
            assertThat(jit(shell, "validate -f " + big, Map.of("GWCTL_JIT", "c1"))).as(shell).isEqualTo(c1);
            assertThat(jit(shell, "--version", Map.of("GWCTL_JIT", "full"))).as(shell).isEqualTo("[]");
        }
    }

    private String gc(String shell, String args, Map<String, String> env) throws Exception {
        return sh(shell, "gwctl_jit " + args + "; echo \"[$GWCTL_GC_OPT]\"", env);
    }

    @Test
    void inputsOverTheLimitGetG1AndHalfTheMemoryOthersTheSerialCollectorParallelOnlyWhenAsked() throws Exception {
        // The serial collector's old generation is two thirds of the heap: N=30,000 ran out of -Xmx512m with it.
        Path small = Files.writeString(dir.resolve("small.yaml"), "kind: Gateway\n");
        Path big = dir.resolve("big");
        Files.createDirectories(big);
        Files.write(big.resolve("a.yaml"), new byte[3 * 1024 * 1024]);
        Files.write(big.resolve("b.yaml"), new byte[2 * 1024 * 1024]);
        String serial = "[-XX:+UseSerialGC -XX:MaxTenuringThreshold=0 -XX:NewRatio=4]";
        String parallel = "[-XX:+UseParallelGC -XX:MaxTenuringThreshold=0]";
        String g1 = "[-XX:+UseG1GC -XX:MaxRAMPercentage=50]";
        Map<String, String> limit4m = Map.of("GWCTL_G1_LIMIT_KB", "4096");
        for (String shell : List.of("dash", "bash")) {
            assertThat(gc(shell, "--version", Map.of())).as(shell).isEqualTo(serial);
            assertThat(gc(shell, "validate -f " + big, Map.of())).as("under 200 MB").isEqualTo(serial);
            assertThat(gc(shell, "validate -f " + big, limit4m)).as(shell).isEqualTo(g1);
            assertThat(gc(shell, "validate -f " + small, limit4m)).as(shell)
                    .isEqualTo("[-XX:+UseSerialGC -XX:MaxTenuringThreshold=0 -XX:NewRatio=4 -Dgwctl.heap-watch=false]");
            // Counted over all -f paths, also when full tiering was already decided by the first.
            assertThat(gc(shell, "pc route -f " + big.resolve("a.yaml") + " -f " + big.resolve("b.yaml"),
                    Map.of("GWCTL_G1_LIMIT_KB", "4000"))).as(shell).isEqualTo(g1);
            assertThat(gc(shell, "diff " + small + " " + big, limit4m)).as(shell).isEqualTo(g1);
            assertThat(gc(shell, "validate -f -", limit4m)).as("stdin: size unknown").isEqualTo(serial);
            assertThat(gc(shell, "validate -n prod", Map.of())).as("a cluster").isEqualTo(serial);
            assertThat(gc(shell, "validate -f " + big, Map.of("GWCTL_G1_LIMIT_KB", "4096", "GWCTL_GC", "serial")))
                    .as(shell).isEqualTo(serial);
            assertThat(gc(shell, "--version", Map.of("GWCTL_GC", "g1"))).as(shell).isEqualTo(g1);
            assertThat(gc(shell, "--version", Map.of("GWCTL_GC", "parallel"))).as(shell).isEqualTo(parallel);
            assertThat(gc(shell, "validate -f " + big, Map.of("GWCTL_G1_LIMIT_KB", "4096", "GWCTL_JIT", "c1")))
                    .as("the JIT override leaves the collector to the size").isEqualTo(g1);
            assertThat(gc(shell, "validate -f " + big, Map.of("GWCTL_GC", "parallel")))
                    .as("asked for: with adaptive sizing, which lets the heap grow").isEqualTo(parallel);
        }
    }

    @Test
    void smallFileInputsTurnTheHeapWatchOffEverythingElseKeepsIt() throws Exception {
        Path small = Files.writeString(dir.resolve("small.yaml"), "kind: Gateway\n");
        Path big = dir.resolve("big.yaml");
        Files.write(big, new byte[5 * 1024 * 1024]);
        String off = "-Dgwctl.heap-watch=false";
        for (String shell : List.of("dash", "bash")) {
            assertThat(gc(shell, "validate -f " + small, Map.of())).as(shell).contains(off);
            assertThat(gc(shell, "pc route -f " + small + " -f " + small, Map.of())).as(shell).contains(off);
            assertThat(gc(shell, "validate -f " + small, Map.of("GWCTL_JIT", "full")))
                    .as("the JIT override leaves the watch to the size").contains(off);
            assertThat(gc(shell, "validate -f " + big, Map.of())).as("over 4 MB").doesNotContain(off);
            assertThat(gc(shell, "validate -f " + small, Map.of("GWCTL_C1_LIMIT_KB", "0")))
                    .as("the JIT's limit is not the watch's").contains(off);
            assertThat(gc(shell, "validate -f -", Map.of())).as("stdin: size unknown").doesNotContain(off);
            assertThat(gc(shell, "validate -n prod", Map.of())).as("a cluster").doesNotContain(off);
            assertThat(gc(shell, "shell -f " + small, Map.of())).as("the shell loads more").doesNotContain(off);
        }
    }

    private String pages(String shell, String thpSetting) throws Exception {
        Map<String, String> env = Map.of("GWCTL_THP_FILE", dir.resolve("thp").toString());
        if (thpSetting != null) {
            Files.writeString(dir.resolve("thp"), thpSetting);
        } else {
            Files.deleteIfExists(dir.resolve("thp"));
        }
        return sh(shell, "gwctl_jit validate -f -; echo \"[$GWCTL_PAGE_OPT]\"", env);
    }

    @Test
    void hugePagesAreAskedForOnlyWhereTheKernelGivesThemOnRequest() throws Exception {
        for (String shell : List.of("dash", "bash")) {
            assertThat(pages(shell, "always [madvise] never\n")).as(shell)
                    .isEqualTo("[-XX:+UseTransparentHugePages]");
            assertThat(pages(shell, "always [madvise] never")).as("no line end").isEqualTo(
                    "[-XX:+UseTransparentHugePages]");
            // "always": the heap gets them without asking; "never": the JVM would only warn.
            assertThat(pages(shell, "[always] madvise never\n")).as(shell).isEqualTo("[]");
            assertThat(pages(shell, "always madvise [never]\n")).as(shell).isEqualTo("[]");
            assertThat(pages(shell, "")).as("empty").isEqualTo("[]");
            assertThat(pages(shell, null)).as("a kernel without the setting").isEqualTo("[]");
        }
    }

    /** A JDK directory with a release file and a bin/java that logs its arguments and plays its archive part. */
    private Path fakeJdk(String version) throws IOException {
        Path home = dir.resolve("jdk-" + version);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, """
                #!/bin/sh
                echo "$*" >> "$(dirname "$0")/../calls"
                for a in "$@"; do
                  case $a in
                    -XX:AOTCacheOutput=*) printf 'aot' > "${a#*=}" ;;
                    -XX:SharedArchiveFile=*) case "$*" in *-Xshare:dump*) printf 'jsa' > "${a#*=}" ;; esac ;;
                  esac
                done
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private List<String> calls(Path jdk) throws IOException {
        Path f = jdk.resolve("calls");
        return Files.exists(f) ? Files.readAllLines(f) : new ArrayList<>();
    }

    @Test
    void readsTheMajorVersionFromTheReleaseFile() throws Exception {
        for (String[] c : new String[][] {{"25.0.3", "25"}, {"17.0.15", "17"}, {"1.8.0_402", "8"}, {"26", "26"}}) {
            Path jdk = fakeJdk(c[0]);
            assertThat(sh("dash", "gwctl_java_major " + jdk.resolve("bin/java"), Map.of())).isEqualTo(c[1]);
        }
        assertThat(sh("dash", "gwctl_java_major " + dir.resolve("nowhere/bin/java"), Map.of())).isEqualTo("0");
    }

    @Test
    void jdk25GetsAnAotCacheAndOlderJdksACdsArchiveEachTrainedOnce() throws Exception {
        Path examples = Files.createDirectories(dir.resolve("examples"));
        for (String[] c : new String[][] {{"25.0.3", "aot", "-XX:AOTCache="}, {"17.0.15", "jsa",
                "-XX:SharedArchiveFile="}}) {
            Path jdk = fakeJdk(c[0]);
            Path cache = dir.resolve("cache-" + c[1]);
            String call = "gwctl_archive " + cache + " gwctl-k 'gwctl-old*' jar.jar " + jdk.resolve("bin/java") + " "
                    + examples + "; echo \"[$GWCTL_ARCHIVE_OPT]\"";
            Files.createDirectories(cache);
            Files.writeString(cache.resolve("gwctl-old.jsa"), "stale");
            String first = sh("bash", call, Map.of());
            Path archive = cache.resolve("gwctl-k." + c[1]);
            assertThat(first).isEqualTo("[" + c[2] + archive + "]");
            assertThat(Files.readString(archive)).isEqualTo(c[1]);
            assertThat(Files.readString(cache.resolve("gwctl-k." + c[1] + ".size")).strip()).isEqualTo("3");
            assertThat(cache.resolve("gwctl-old.jsa")).as("replaced archives removed").doesNotExist();
            int trainingCalls = calls(jdk).size();
            assertThat(trainingCalls).as("%s", calls(jdk)).isEqualTo(c[1].equals("aot") ? 1 : 2);
            assertThat(calls(jdk).get(0)).contains("io.gwctl.cli.CdsTraining", examples.toString());

            assertThat(sh("dash", call, Map.of())).isEqualTo(first);
            assertThat(calls(jdk)).as("reused, not trained again").hasSize(trainingCalls);

            Files.writeString(archive, "a");
            assertThat(sh("dash", call, Map.of())).as("truncated: rebuilt").isEqualTo(first);
            assertThat(calls(jdk)).hasSize(2 * trainingCalls);
            assertThat(Files.readString(archive)).isEqualTo(c[1]);
            try (var left = Files.list(cache)) {
                assertThat(left.map(p -> p.getFileName().toString())).as("no temporary files left")
                        .containsExactlyInAnyOrder("gwctl-k." + c[1], "gwctl-k." + c[1] + ".size");
            }
        }
    }

    private String kind(String shell, String args) throws Exception {
        return sh(shell, "gwctl_jit " + args + "; echo \"[$GWCTL_ARCHIVE_KIND]\"", Map.of());
    }

    @Test
    void runsThatReadFilesOrNothingGetTheArchiveOfFileRunsTheOthersTheWholeOne() throws Exception {
        Path small = Files.writeString(dir.resolve("small.yaml"), "kind: Gateway\n");
        for (String shell : List.of("dash", "bash")) {
            for (String files : List.of("", "--version", "-h", "help pc route", "version", "completion bash",
                    "validate -f " + small, "validate -f -", "validate -f" + small, "validate --filename=" + small,
                    "pc route --config-dump " + small, "diff " + small + " " + small, "validate --help",
                    "pc route deploy/gw --help", "__complete namespace -f " + small, "validate --list-rules",
                    "validate --explain GW0301", "validate --explain=IST0145")) {
                assertThat(kind(shell, files)).as("%s: %s", shell, files).isEqualTo("[files]");
            }
            for (String cluster : List.of("validate", "validate -A", "pc route deploy/gw --context prod",
                    "validate -f " + small + " --with-cluster", "shell -f " + small, "__complete namespace",
                    "validate -f " + dir.resolve("missing") + " --with-cluster=true")) {
                assertThat(kind(shell, cluster)).as("%s: %s", shell, cluster).isEqualTo("[]");
            }
        }
    }

    @Test
    void theArchiveOfFileRunsIsTrainedOnFileRunsAndKeptBesideTheWholeOne() throws Exception {
        Path examples = Files.createDirectories(dir.resolve("examples"));
        Path jdk = fakeJdk("17.0.15");
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Files.writeString(cache.resolve("gwctl-old.jsa"), "stale");
        Files.writeString(cache.resolve("gwctl-old.files.jsa"), "stale");
        String call = "gwctl_archive " + cache + " gwctl-k 'gwctl-*' jar.jar " + jdk.resolve("bin/java") + " "
                + examples + " %s; echo \"[$GWCTL_ARCHIVE_OPT]\"";
        for (String shell : List.of("dash", "bash")) {
            String files = sh(shell, call.formatted("files"), Map.of());
            assertThat(files).isEqualTo("[-XX:SharedArchiveFile=" + cache.resolve("gwctl-k.files.jsa") + "]");
            assertThat(calls(jdk).get(0)).as("the training of file runs")
                    .endsWith("io.gwctl.cli.CdsTraining " + examples + " files");
            String whole = sh(shell, call.formatted(""), Map.of());
            assertThat(whole).isEqualTo("[-XX:SharedArchiveFile=" + cache.resolve("gwctl-k.jsa") + "]");
            assertThat(calls(jdk).get(2)).as("the whole training").endsWith("io.gwctl.cli.CdsTraining " + examples);
            assertThat(calls(jdk)).hasSize(4);
            assertThat(sh(shell, call.formatted("files"), Map.of())).as("reused").isEqualTo(files);
            assertThat(sh(shell, call.formatted(""), Map.of())).as("reused").isEqualTo(whole);
            assertThat(calls(jdk)).as("neither trained again").hasSize(4);
            try (var left = Files.list(cache)) {
                assertThat(left.map(p -> p.getFileName().toString())).as("older names removed, this name's kept")
                        .containsExactlyInAnyOrder("gwctl-k.jsa", "gwctl-k.jsa.size", "gwctl-k.files.jsa",
                                "gwctl-k.files.jsa.size");
            }
            try (var all = Files.list(cache)) {
                for (Path p : all.toList()) {
                    p.toFile().setWritable(true);
                    Files.delete(p);
                }
            }
            Files.delete(jdk.resolve("calls"));
        }
    }

    @Test
    void theArchiveKeyIsTheJdksPathAndReleaseFileWithoutRunningIt() throws Exception {
        Path jdk = fakeJdk("17.0.15");
        String bin = jdk.resolve("bin/java").toString();
        String key = sh("dash", "gwctl_jvm_key " + bin, Map.of());

        assertThat(key).matches("[0-9]+");
        assertThat(sh("bash", "gwctl_jvm_key " + bin, Map.of())).as("same in both shells").isEqualTo(key);
        assertThat(sh("dash", "gwctl_jvm_key " + bin, Map.of())).as("stable").isEqualTo(key);
        assertThat(calls(jdk)).as("no java -version: the JDK is never started for its key").isEmpty();

        // The same JDK elsewhere (another path), and this one updated in place (its release file changes).
        Path moved = dir.resolve("moved");
        Files.createDirectories(moved.resolve("bin"));
        Files.copy(jdk.resolve("release"), moved.resolve("release"));
        Files.copy(jdk.resolve("bin/java"), moved.resolve("bin/java"),
                StandardCopyOption.COPY_ATTRIBUTES);
        assertThat(sh("dash", "gwctl_jvm_key " + moved.resolve("bin/java"), Map.of())).isNotEqualTo(key);
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"17.0.16\"\n");
        assertThat(sh("dash", "gwctl_jvm_key " + bin, Map.of())).isNotEqualTo(key);
    }

    @Test
    void theJdksRealPathAndKeyAreRememberedAndCheckedWithBuiltinsOnly() throws Exception {
        Path jdk = fakeJdk("17.0.15");
        Path other = fakeJdk("21.0.2");
        Path link = dir.resolve("java");
        Files.createSymbolicLink(link, jdk.resolve("bin/java"));
        Path cache = dir.resolve("cache");
        Path log = dir.resolve("resolved");
        // A resolver that records each call: the memo must spare it (and cat and cksum) on later runs.
        String resolve = "res() { echo \"$1\" >> " + log + "; readlink -f \"$1\"; }; ";
        String call = resolve + "gwctl_jvm " + link + " " + cache + " res; echo \"$GWCTL_JAVA_REAL $GWCTL_JVM_KEY\"";
        for (String shell : List.of("dash", "bash")) {
            Files.deleteIfExists(log);
            Files.deleteIfExists(cache.resolve("jvm-key"));
            String key = sh(shell, "gwctl_jvm_key " + jdk.resolve("bin/java").toRealPath(), Map.of());
            String first = sh(shell, call, Map.of());
            assertThat(first).as(shell).isEqualTo(jdk.resolve("bin/java").toRealPath() + " " + key);
            assertThat(sh(shell, call, Map.of())).as("remembered").isEqualTo(first);
            assertThat(Files.readAllLines(log)).as(shell + ": resolved once").hasSize(1);

            // The link now points at another JDK: found again.
            Files.delete(link);
            Files.createSymbolicLink(link, other.resolve("bin/java"));
            String otherKey = sh(shell, "gwctl_jvm_key " + other.resolve("bin/java").toRealPath(), Map.of());
            assertThat(sh(shell, call, Map.of())).as(shell)
                    .isEqualTo(other.resolve("bin/java").toRealPath() + " " + otherKey);
            assertThat(Files.readAllLines(log)).hasSize(2);

            // That JDK updated in place: its release file is newer than the memo.
            Files.writeString(other.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"21.0.3\"\n");
            Files.setLastModifiedTime(other.resolve("release"), java.nio.file.attribute.FileTime.fromMillis(
                    Files.getLastModifiedTime(cache.resolve("jvm-key")).toMillis() + 2000));
            String updated = sh(shell, call, Map.of());
            assertThat(updated).as(shell).isNotEqualTo(other.resolve("bin/java").toRealPath() + " " + otherKey);
            assertThat(Files.readAllLines(log)).hasSize(3);

            Files.delete(link);
            Files.createSymbolicLink(link, jdk.resolve("bin/java"));
            Files.writeString(other.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"21.0.2\"\n");
        }
        assertThat(calls(jdk)).as("no JDK started").isEmpty();
        assertThat(calls(other)).isEmpty();
    }
}
