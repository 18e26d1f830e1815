package io.gwctl.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionScriptsTest {
    @TempDir
    Path dir;

    private Path write(String name, String script) throws IOException {
        return Files.writeString(dir.resolve(name), script);
    }

    /** What bash offers for the words typed so far (the last one being completed), via picocli's function. */
    private List<String> bashComplete(Path script, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append("'");
        }
        String program = "source '" + script + "'\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"\n"
                + "COMP_POINT=${#COMP_LINE}\n"
                + "_complete_gwfake\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        return Shell.run("bash", "-c", program).lines().map(String::trim).toList();
    }

    /** What fish offers for {@code line}: the candidates without their descriptions. */
    private List<String> fishComplete(Path script, String line) throws Exception {
        return Shell.run("fish", "--no-config", "-c", "source '" + script + "'; complete -C '" + line + "'")
                .lines().map(l -> l.split("\t")[0]).toList();
    }

    @Test
    void bashScriptIsValidAndCompletesSubcommandsAliasesOptionsAndEnums() throws Exception {
        Shell.assumeInstalled("bash");
        Path script = write("gwfake.bash", CompletionScripts.bash(FakeTree.commandLine()));
        Shell.run("bash", "-n", script.toString());
        assertThat(bashComplete(script, "gwfake", "")).contains("proxy-config", "pc", "validate", "help");
        assertThat(bashComplete(script, "gwfake", "pc", "l")).contains("listener", "listeners", "l");
        assertThat(bashComplete(script, "gwfake", "proxy-config", "listener", "--"))
                .contains("--filename", "--config-dump", "--output", "--port");
        assertThat(bashComplete(script, "gwfake", "validate", "--failure-threshold", ""))
                .containsExactly("Info", "Warning", "Error");
        assertThat(bashComplete(script, "gwfake", "validate", "--"))
                .contains("--all-namespaces", "--failure-threshold").doesNotContain("--debug-internals");
    }

    @Test
    void zshScriptIsValidAndLoadsTheBashCompletion() throws Exception {
        String zsh = CompletionScripts.zsh(FakeTree.commandLine());
        assertThat(zsh).startsWith("# zsh completion for gwfake").doesNotContain("#!/usr/bin/env bash")
                .contains("bashcompinit").contains("complete -F _complete_gwfake");
        Shell.assumeInstalled("zsh");
        Shell.run("zsh", "-n", write("gwfake.zsh", zsh).toString());
        // Sourcing it in a real zsh registers the completion function.
        assertThat(Shell.run("zsh", "-f", "-c", "source '" + dir.resolve("gwfake.zsh") + "' && echo ${+functions[_complete_gwfake]}"))
                .isEqualTo("1\n");
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
