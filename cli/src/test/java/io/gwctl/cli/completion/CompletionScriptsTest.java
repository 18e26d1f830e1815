package io.gwctl.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionScriptsTest {
    @TempDir
    Path dir;

    private Path write(String name, String script) throws IOException {
        return Files.writeString(dir.resolve(name), script);
    }

    /** What bash offers for the words typed so far (the last one being completed), through the script's function. */
    private List<String> bashComplete(Path script, String... words) throws Exception {
        return new Completer("bash", script, Map.of(), dir).complete(String.join(" ", words));
    }

    /** What fish offers for {@code line}: the candidates without their descriptions. */
    private List<String> fishComplete(Path script, String line) throws Exception {
        return new Completer("fish", script, Map.of(), dir).complete(line);
    }

    @Test
    void bashScriptIsValidAndCompletesSubcommandsAliasesOptionsAndEnums() throws Exception {
        Shell.assumeInstalled("bash");
        Path script = write("gwfake.bash", CompletionScripts.bash(FakeTree.commandLine()));
        Shell.run("bash", "-n", script.toString());
        assertThat(bashComplete(script, "gwfake", "")).containsExactly("proxy-config", "pc", "validate", "help");
        assertThat(bashComplete(script, "gwfake", "pc", "l")).containsExactly("listener", "listeners", "l");
        assertThat(bashComplete(script, "gwfake", "proxy-config", "listener", "--"))
                .contains("--filename", "--config-dump", "--output", "--port");
        assertThat(bashComplete(script, "gwfake", "validate", "--failure-threshold", ""))
                .containsExactly("Info", "Warning", "Error");
        assertThat(bashComplete(script, "gwfake", "validate", "--"))
                .contains("--all-namespaces", "--failure-threshold").doesNotContain("--debug-internals");
        // a value after an option is not a subcommand, nor the positional
        assertThat(bashComplete(script, "gwfake", "validate", "-f", "pc", "--f"))
                .containsExactly("--filename", "--failure-threshold");
        // --output=VALUE, which bash splits at the = into three words
        assertThat(bashComplete(script, "gwfake", "pc", "l", "--output", "=")).containsExactly("short", "json", "yaml");
        assertThat(bashComplete(script, "gwfake", "pc", "l", "--output", "=", "j")).containsExactly("json");
    }

    @Test
    void bashOffersFilesOnlyWhereAFileIsExpected() throws Exception {
        Shell.assumeInstalled("bash");
        Files.writeString(dir.resolve("gateway.yaml"), "kind: Gateway\n");
        Path script = write("gwfake.bash", CompletionScripts.bash(FakeTree.commandLine()));
        assertThat(bashComplete(script, "gwfake", "validate", "-f", "gat")).containsExactly("gateway.yaml");
        assertThat(bashComplete(script, "gwfake", "pc", "l", "--config-dump", "gat")).containsExactly("gateway.yaml");
        assertThat(bashComplete(script, "gwfake", "validate", "gat")).containsExactly("gateway.yaml");
        assertThat(bashComplete(script, "gwfake", "pc", "l", "--port", "")).isEmpty();
        assertThat(bashComplete(script, "gwfake", "pc", "l", "--verbose", "--p")).containsExactly("--port");
    }

    @Test
    void zshScriptIsValidAndCompletesTheTree() throws Exception {
        String zsh = CompletionScripts.zsh(FakeTree.commandLine());
        assertThat(zsh).startsWith("#compdef gwfake\n# zsh completion for gwfake").contains("compdef _gwfake gwfake")
                .doesNotContain("bashcompinit");
        Shell.assumeInstalled("zsh");
        Path script = write("gwfake.zsh", zsh);
        Shell.run("zsh", "-n", script.toString());
        Files.writeString(dir.resolve("gateway.yaml"), "kind: Gateway\n");
        Completer c = new Completer("zsh", script, Map.of("HOME", dir.toString()), dir);
        assertThat(c.complete("gwfake ")).containsExactly("proxy-config", "pc", "validate", "help");
        assertThat(c.complete("gwfake pc l --o")).containsExactly("--output");
        assertThat(c.complete("gwfake validate --failure-threshold W")).containsExactly("Warning");
        assertThat(c.complete("gwfake validate -f gat")).containsExactly(Completer.ZSH_FILES);
        assertThat(c.complete("gwfake pc l --port ")).isEmpty();
    }

    @Test
    void fishScriptIsValidAndCompletesTheTree() throws Exception {
        Shell.assumeInstalled("fish");
        Path script = write("gwfake.fish", CompletionScripts.fish(FakeTree.commandLine()));
        Shell.run("fish", "--no-execute", script.toString());
        assertThat(fishComplete(script, "gwfake ")).contains("proxy-config", "pc", "validate", "help")
                .doesNotContain("listener");
        assertThat(fishComplete(script, "gwfake pc ")).contains("listener", "listeners", "l", "route", "routes")
                .doesNotContain("validate");
        assertThat(fishComplete(script, "gwfake proxy-config listener --"))
                .contains("--filename", "--config-dump", "--output", "--port").doesNotContain("--name");
        assertThat(fishComplete(script, "gwfake pc l --output ")).containsExactlyInAnyOrder("short", "json", "yaml");
        // --verbose takes an optional value: the next word is completed as usual, not as its argument.
        assertThat(fishComplete(script, "gwfake pc l --verbose --p")).containsExactly("--port");
        assertThat(fishComplete(script, "gwfake validate --failure-threshold "))
                .containsExactlyInAnyOrder("Info", "Warning", "Error");
        assertThat(fishComplete(script, "gwfake validate -"))
                .contains("-f", "-A", "--all-namespaces").doesNotContain("--debug-internals");
        // A value after an option is not a subcommand: "-f pc" must not enter proxy-config.
        assertThat(fishComplete(script, "gwfake validate -f pc --")).contains("--failure-threshold");
    }

    @Test
    void fishOffersFilesOnlyWhereAFileIsExpected() throws Exception {
        Shell.assumeInstalled("fish");
        Files.writeString(dir.resolve("gateway.yaml"), "kind: Gateway\n");
        Path script = write("gwfake.fish", CompletionScripts.fish(FakeTree.commandLine()));
        String cd = "cd '" + dir + "'; source '" + script + "'; ";
        assertThat(Shell.run("fish", "--no-config", "-c", cd + "complete -C 'gwfake validate -f gat'"))
                .contains("gateway.yaml");
        assertThat(Shell.run("fish", "--no-config", "-c", cd + "complete -C 'gwfake pc l --config-dump gat'"))
                .contains("gateway.yaml");
        assertThat(Shell.run("fish", "--no-config", "-c", cd + "complete -C 'gwfake pc route --name gat'"))
                .doesNotContain("gateway.yaml");
    }

    @Test
    void fishDescriptionsAreQuoted() {
        String fish = CompletionScripts.fish(FakeTree.commandLine());
        assertThat(fish).contains("-a 'proxy-config' -d 'Print the gateway\\'s listeners and routes.'");
        assertThat(fish).contains("-l 'port' -d 'Only this port (100% numeric).' -x");
        assertThat(fish).contains("-l 'verbose' -d 'More columns; --verbose=false for fewer.'\n");
        assertThat(fish).contains("-d 'Fail at this level: Info, Warning, Error.' -x -a 'Info Warning Error'");
        assertThat(FishScript.quote("a\\b'c")).isEqualTo("'a\\\\b\\'c'");
    }

    @Test
    void scriptPicksTheShellByName() {
        assertThat(CompletionScripts.script("FISH", FakeTree.commandLine())).startsWith("# fish completion");
        assertThatThrownBy(() -> CompletionScripts.script("tcsh", FakeTree.commandLine()))
                .hasMessage("unknown shell \"tcsh\": valid values are bash, zsh, fish");
    }
}
