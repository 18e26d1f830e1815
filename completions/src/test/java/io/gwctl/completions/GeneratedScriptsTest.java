package io.gwctl.completions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gwctl.cli.Environment;
import io.gwctl.cli.Main;
import io.gwctl.cli.completion.CompletionScripts;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The scripts the build wrote to target/completions: present, current, accepted by their shell, complete. */
class GeneratedScriptsTest {
    /** Where exec-maven-plugin wrote them (surefire runs in the module directory). */
    private static final Path DIR = Path.of("target", "completions");

    private static CommandLine tree() {
        return Main.commandLine(Environment.system());
    }

    private static String generated(String shell) throws IOException {
        Path file = DIR.resolve("gwctl." + shell);
        assertThat(file).as("written by GenerateCompletions in process-classes").exists();
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void buildWroteTheScriptOfTheCurrentTree(String shell) throws IOException {
        assertThat(generated(shell)).isEqualTo(CompletionScripts.script(shell, tree()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void gwctlCompletionPrintsTheSameScript(String shell) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"completion", shell}, out, err);
        assertThat(err.toString()).isEmpty();
        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo(generated(shell));
    }

    @Test
    void bashAcceptsTheBashScript() throws Exception {
        syntaxCheck("bash", "-n");
    }

    @Test
    void zshAcceptsTheZshScript() throws Exception {
        syntaxCheck("zsh", "-n");
    }

    @Test
    void fishAcceptsTheFishScript() throws Exception {
        syntaxCheck("fish", "--no-execute");
    }

    @Test
    void everySubcommandAndOptionIsOffered() throws IOException {
        String bash = generated("bash");
        String fish = generated("fish");
        List<String> missing = new ArrayList<>();
        walk(tree().getCommandSpec(), bash, fish, missing);
        assertThat(missing).isEmpty();
    }

    private static void walk(CommandSpec spec, String bash, String fish, List<String> missing) {
        for (CommandLine sub : spec.subcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            if (s.usageMessage().hidden()) {
                continue;
            }
            for (String name : s.names()) {
                if (!bash.matches("(?s).*\\b" + java.util.regex.Pattern.quote(name) + "\\b.*")) {
                    missing.add("bash: subcommand " + name);
                }
                if (!fish.contains(" -a '" + name + "'")) {
                    missing.add("fish: subcommand " + name);
                }
            }
        }
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            for (String name : o.names()) {
                if (!bash.contains(name)) {
                    missing.add("bash: " + spec.qualifiedName() + " " + name);
                }
                String fishName = name.startsWith("--") ? " -l '" + name.substring(2) + "'"
                        : name.length() == 2 ? " -s '" + name.substring(1) + "'" : " -o '" + name.substring(1) + "'";
                if (!fish.contains(fishName)) {
                    missing.add("fish: " + spec.qualifiedName() + " " + name);
                }
            }
        }
        spec.subcommands().values().stream().distinct()
                .forEach(sub -> walk(sub.getCommandSpec(), bash, fish, missing));
    }

    /** Runs {@code shell flag gwctl.<shell>}; skips visibly when the shell is not installed, fails then in CI. */
    private static void syntaxCheck(String shell, String flag) throws Exception {
        boolean installed = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            installed |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, shell));
        }
        String why = shell + " is not installed: gwctl." + shell + " was not syntax-checked";
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(why + "; CI=true, where every shell must be checked (.ci/run installs them)");
        }
        assumeTrue(installed, why);
        Path script = DIR.resolve("gwctl." + shell);
        generated(shell);
        Process p = new ProcessBuilder(shell, flag, script.toString()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(shell + " finished").isTrue();
        assertThat(p.exitValue()).as(shell + " " + flag + " " + script + ":\n" + output).isZero();
    }
}
