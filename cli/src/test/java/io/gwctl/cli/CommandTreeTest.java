package io.gwctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Start-up (issue 12): a command line builds only the commands it names ({@link CommandTree}), and that changes no
 * output: every help, version and error text is the one the whole tree gives; and {@code --version} and
 * {@code --help} load none of the classes of the commands they do not run.
 */
class CommandTreeTest {
    private final Environment env = new Gwctl().environment();

    /** What the whole tree (as built before lazy building) prints for {@code args}. */
    private Gwctl.Result wholeTree(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err);
        int code = Main.commandLine(env).setOut(o).setErr(e).execute(args);
        o.flush();
        e.flush();
        return new Gwctl.Result(code, out.toString(), err.toString());
    }

    private Gwctl.Result lazyTree(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, out, err, env);
        return new Gwctl.Result(code, out.toString(), err.toString());
    }

    /** Every command's path, e.g. [], [proxy-config], [proxy-config, route], by name and alias. */
    private static void paths(CommandLine command, List<String> path, Map<String, List<String>> out) {
        out.put(String.join(" ", path), path);
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(path);
            p.add(sub.getKey());
            paths(sub.getValue(), p, out);
        }
    }

    @Test
    void everyHelpIsTheWholeTreesHelp() {
        Map<String, List<String>> paths = new TreeMap<>();
        paths(Main.commandLine(env), List.of(), paths);
        assertThat(paths).containsKeys("", "pc route", "proxy-config trace", "validate", "version");

        for (List<String> path : paths.values()) {
            List<String> help = new ArrayList<>(path);
            help.add("--help");
            String[] args = help.toArray(String[]::new);
            assertThat(lazyTree(args)).as("gwctl %s", String.join(" ", args)).isEqualTo(wholeTree(args));
            List<String> helpCommand = new ArrayList<>(List.of("help"));
            helpCommand.addAll(path);
            args = helpCommand.toArray(String[]::new);
            assertThat(lazyTree(args)).as("gwctl %s", String.join(" ", args)).isEqualTo(wholeTree(args));
        }
    }

    @Test
    void versionAndErrorsAreTheWholeTrees() {
        List<String[]> lines = List.of(new String[] {}, new String[] {"--version"}, new String[] {"-V"},
                new String[] {"-h"}, new String[] {"version"}, new String[] {"version", "-o", "json"},
                new String[] {"valdate"}, new String[] {"pc"}, new String[] {"pc", "cluster"},
                new String[] {"proxy-config", "routes", "--nope"}, new String[] {"help", "nope"},
                new String[] {"help", "pc", "nope"}, new String[] {"--nope"}, new String[] {"--help", "validate"},
                new String[] {"completion", "bash"}, new String[] {"completion", "tcsh"},
                new String[] {"validate", "--list-rules"}, new String[] {"validate", "--explain", "IST0145"});
        for (String[] args : lines) {
            Gwctl.Result lazy = lazyTree(args);
            assertThat(lazy).as("gwctl %s", String.join(" ", args)).isEqualTo(wholeTree(args));
            assertThat(lazy.err()).doesNotContain("was not built");
        }
    }

    @Test
    void anAtFileGetsTheWholeTree(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path args = java.nio.file.Files.writeString(dir.resolve("args"), "validate\n--list-rules\n");

        Gwctl.Result lazy = lazyTree("@" + args);

        assertThat(lazy).isEqualTo(wholeTree("validate", "--list-rules"));
        assertThat(lazy.exitCode()).isZero();
    }

    /** The classes a child JVM loads for {@code gwctl ARGS}, from -Xlog:class+load. */
    private static List<String> loadedClasses(String... args) throws Exception {
        return loadedClasses(List.of(), 0, args);
    }

    /** The same, with JVM options, for a run that exits with {@code exitCode}. */
    private static List<String> loadedClasses(List<String> jvmOptions, int exitCode, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xshare:off", "-Xlog:class+load=info:stdout"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(exitCode);
        List<String> classes = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            int at = line.indexOf("[class,load] ");
            if (at >= 0) {
                String rest = line.substring(at + "[class,load] ".length());
                classes.add(rest.substring(0, rest.indexOf(' ') < 0 ? rest.length() : rest.indexOf(' ')));
            }
        }
        return classes;
    }

    @Test
    void versionAndHelpLoadNothingOfTheCommandsTheyDoNotRun() throws Exception {
        for (String arg : List.of("--version", "--help")) {
            List<String> classes = loadedClasses(arg);

            assertThat(classes).as(arg).contains("io.gwctl.cli.Main", "picocli.CommandLine")
                    .noneMatch(c -> c.startsWith("com.fasterxml.jackson.") || c.startsWith("io.fabric8.")
                            || c.startsWith("org.jline.") || c.startsWith("org.yaml.")
                            || c.startsWith("java.lang.management.") || c.startsWith("io.gwctl.model.")
                            || c.startsWith("io.gwctl.validators.") || c.startsWith("io.gwctl.renderers.")
                            || c.startsWith("io.gwctl.cli.options.") || c.startsWith("io.gwctl.cli.validate.")
                            && !c.equals("io.gwctl.cli.validate.ValidateCommand"));
        }
    }

    @Test
    void validateLoadsTheValidateCommandButNoOtherCommandsOptions() throws Exception {
        List<String> classes = loadedClasses("validate", "--help");

        assertThat(classes).contains("io.gwctl.cli.validate.ValidateCommand", "io.gwctl.cli.options.InputOptions")
                .doesNotContain("io.gwctl.cli.proxyconfig.TraceCommand$Formats",
                        "io.gwctl.cli.diff.GatewayDiffCommand$Format", "io.gwctl.cli.VersionCommand$Formats")
                .noneMatch(c -> c.startsWith("io.fabric8.") || c.startsWith("org.jline."));
    }

    /** The certificate warm-up (Main.warmUp) runs only with a core to spare, and only for runs that read input. */
    @Test
    void theCertificateWarmUpRunsOnlyWithACoreToSpare() throws Exception {
        String examples = Path.of(System.getProperty("gwctl.root.dir", ".."), "testdata", "examples").toString();
        String warmUp = "io.gwctl.model.tls.TlsWarmUp";

        assertThat(loadedClasses(List.of("-XX:ActiveProcessorCount=4", "-Dgwctl.heap-watch=false"),
                ExitCodes.FINDINGS, "validate", "-f", examples)).contains(warmUp);
        assertThat(loadedClasses(List.of("-XX:ActiveProcessorCount=2", "-Dgwctl.heap-watch=false"),
                ExitCodes.FINDINGS, "validate", "-f", examples)).doesNotContain(warmUp);
        assertThat(loadedClasses(List.of("-XX:ActiveProcessorCount=4"), 0, "validate", "--help"))
                .doesNotContain(warmUp);
    }

    @Test
    void aTextOrJsonValidateOfSmallInputsStartsNeitherJacksonsMappersNorTheHeapWatch() throws Exception {
        String examples = Path.of(System.getProperty("gwctl.root.dir", ".."), "testdata", "examples").toString();
        List<String> small = List.of("-Dgwctl.heap-watch=false");

        List<String> text = loadedClasses(small, ExitCodes.FINDINGS, "validate", "-f", examples);
        List<String> json = loadedClasses(small, ExitCodes.FINDINGS, "validate", "-o", "json", "-f", examples);
        List<String> yaml = loadedClasses(small, ExitCodes.FINDINGS, "validate", "-o", "yaml", "-f", examples);
        List<String> watched = loadedClasses(List.of(), ExitCodes.FINDINGS, "validate", "-f", examples);

        assertThat(text).contains("io.gwctl.validators.Validator")
                .doesNotContain("com.fasterxml.jackson.databind.ObjectMapper")
                .noneMatch(c -> c.startsWith("java.lang.management."));
        assertThat(json).as("streamed with jackson-core alone").contains("com.fasterxml.jackson.core.JsonGenerator")
                .doesNotContain("com.fasterxml.jackson.databind.ObjectMapper");
        assertThat(yaml).contains("com.fasterxml.jackson.databind.ObjectMapper");
        assertThat(watched).contains("java.lang.management.ManagementFactory");
    }

    @Test
    void aLineThatStartsWithACommandGetsThatCommandAloneAndHelpGetsAll() {
        assertThat(Main.commandLineFor(env, new String[] {"validate", "-f", "x"}).getSubcommands().keySet())
                .containsExactly("validate");
        assertThat(Main.commandLineFor(env, new String[] {"pc", "route"}).getSubcommands().keySet())
                .containsExactlyInAnyOrder("proxy-config", "pc");
        assertThat(Main.commandLineFor(env, new String[] {"help", "validate"}).getSubcommands().keySet())
                .contains("validate", "proxy-config", "diff", "version", "help");
        assertThat(Main.commandLineFor(env, new String[] {"-h", "validate"}).getSubcommands().keySet())
                .contains("validate", "proxy-config", "diff", "version", "help");
        assertThat(lazyTree("validate", "--no-such-option")).isEqualTo(wholeTree("validate", "--no-such-option"));
        assertThat(lazyTree("validate", "route")).isEqualTo(wholeTree("validate", "route"));
    }

    @Test
    void onlyLinesThatReadInputsWatchTheHeap() {
        assertThat(Main.readsInputs(new String[] {"validate", "-f", "x"})).isTrue();
        assertThat(Main.readsInputs(new String[] {"pc", "route"})).isTrue();
        assertThat(Main.readsInputs(new String[] {"--version"})).isFalse();
        assertThat(Main.readsInputs(new String[] {"validate", "--help"})).isFalse();
        assertThat(Main.readsInputs(new String[] {"completion", "bash"})).isFalse();
        assertThat(Main.readsInputs(new String[] {})).isFalse();
    }
}
