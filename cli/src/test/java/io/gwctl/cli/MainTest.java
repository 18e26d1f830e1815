package io.gwctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Black-box tests of the command skeleton: help, version, usage errors and their exit codes. */
class MainTest {
    private final Gwctl gwctl = new Gwctl();

    @Test
    void helpListsCommandsExamplesAndExitCodes() {
        Gwctl.Result r = gwctl.run("--help");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Usage: gwctl [-hV] [COMMAND]")
                .contains("  proxy-config, pc", "  validate", "Examples:", "  gwctl validate -f manifests/ -o sarif",
                        "Exit codes:", "  79  validate found issues", "  64  usage error",
                        "  74  the output could not be written",
                        "When several apply, the first in this order wins: 74, 64, 69, 66, 65, 79, 0.");
    }

    @Test
    void versionPrintsProjectVersion() {
        Gwctl.Result r = gwctl.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).matches("gwctl \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n");
    }

    @Test
    void everyCommandHasHelpWithExamplesIn80Columns() {
        for (String[] cmd : new String[][] {{}, {"proxy-config"}, {"pc", "listener"}, {"pc", "route"}, {"pc", "diff"},
                {"validate"}, {"completion"}}) {
            String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
            args[cmd.length] = "--help";
            Gwctl.Result r = gwctl.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).contains("Usage: gwctl ", "Examples:", "  gwctl ");
            assertThat(r.out().lines().filter(line -> line.length() > 80)).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void validateHelpDocumentsExitCodesAndFormats() {
        Gwctl.Result r = gwctl.run("validate", "--help");
        assertThat(r.out()).contains("Output format: text, json, yaml, sarif, junit, github",
                "Exit codes:", "--failure-threshold=LEVEL", "Info, Warning, Error (default: Error)");
    }

    @Test
    void listenerHelpNamesItsFormats() {
        Gwctl.Result r = gwctl.run("pc", "l", "-h");
        assertThat(r.out()).contains("Output format: short, json, yaml (default: short).",
                "[TYPE/]NAME[.NAMESPACE]", "--verbose[=BOOL]");
    }

    @Test
    void noCommandIsAUsageError() {
        Gwctl.Result r = gwctl.run();
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gwctl: missing command: choose one of proxy-config, validate, diff, shell,"
                + " completion, version, help\n"
                + "Run 'gwctl --help' for usage.\n");
    }

    @Test
    void unknownOptionIsAUsageErrorWithTheHintLine() {
        Gwctl.Result r = gwctl.run("validate", "--bogus");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("gwctl: Unknown option: '--bogus'\n")
                .endsWith("Run 'gwctl validate --help' for usage.\n");
    }

    @Test
    void unknownCommandSuggestsTheClosestOne() {
        Gwctl.Result r = gwctl.run("validat");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("validate").endsWith("Run 'gwctl --help' for usage.\n");
    }

    @Test
    void unsupportedOutputFormatIsAUsageError() {
        Gwctl.Result r = gwctl.run("pc", "listener", "-f", "x.yaml", "-o", "table");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("gwctl: Invalid value for option '--output': 'table' is not one of short, json,"
                + " yaml\n"
                + "Run 'gwctl proxy-config listener --help' for usage.\n");
    }

    @Test
    void badColorIsAUsageErrorNamingTheValues() {
        Gwctl.Result r = gwctl.run("validate", "-f", "x.yaml", "--color", "Sometimes");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("gwctl: Invalid value for option '--color': 'Sometimes' is not one of auto,"
                + " always, never\n");
        assertThat(gwctl.run("validate", "--color", "NEVER", "--help").exitCode()).isZero();
    }

    @Test
    void badThresholdIsAUsageError() {
        Gwctl.Result r = gwctl.run("validate", "-f", "x.yaml", "--failure-threshold", "fatal");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("'fatal' is not one of Info, Warning, Error");
    }

    @Test
    void configDumpWithManifestsIsAUsageError() {
        Gwctl.Result r = gwctl.run("pc", "route", "-f", "a.yaml", "--config-dump", "d.json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("gwctl: use either -f (manifests) or --config-dump, not both\n");
    }

    @Test
    void exitCodePrecedence() {
        assertThat(ExitCodes.combine(ExitCodes.FINDINGS, ExitCodes.DATA_ERROR)).isEqualTo(ExitCodes.DATA_ERROR);
        assertThat(ExitCodes.combine(ExitCodes.DATA_ERROR, ExitCodes.NO_INPUT)).isEqualTo(ExitCodes.NO_INPUT);
        assertThat(ExitCodes.combine(ExitCodes.USAGE, ExitCodes.UNAVAILABLE)).isEqualTo(ExitCodes.USAGE);
        assertThat(ExitCodes.combine(ExitCodes.OK, ExitCodes.FINDINGS)).isEqualTo(ExitCodes.FINDINGS);
        assertThat(ExitCodes.combine(ExitCodes.OK, ExitCodes.OK)).isEqualTo(ExitCodes.OK);
    }

    @Test
    void completionPrintsTheScriptOfEachShell() {
        Gwctl.Result bash = gwctl.run("completion", "bash");
        assertThat(bash.exitCode()).isZero();
        assertThat(bash.out()).startsWith("# bash completion for gwctl").contains("proxy-config", "--failure-threshold")
                .endsWith("complete -F _gwctl gwctl\n");
        Gwctl.Result fish = gwctl.run("completion", "fish");
        assertThat(fish.out()).contains("complete -c gwctl").contains("validate");
        assertThat(gwctl.run("completion", "zsh").out()).startsWith("#compdef gwctl\n")
                .contains("    compdef _gwctl gwctl\n");
        Gwctl.Result unknown = gwctl.run("completion", "tcsh");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).isEqualTo("gwctl: unknown shell \"tcsh\": valid values are bash, zsh, fish\n"
                + "Run 'gwctl completion --help' for usage.\n");
    }
}
