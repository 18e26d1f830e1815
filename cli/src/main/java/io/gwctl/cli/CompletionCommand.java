package io.gwctl.cli;

import io.gwctl.cli.completion.CompletionScripts;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gwctl completion bash|zsh|fish}: prints the shell completion script generated from the command tree. */
@Command(name = "completion", mixinStandardHelpOptions = true, usageHelpAutoWidth = false,
        description = "Print the shell completion script for bash, zsh or fish (generated from the commands, so it"
                + " always matches this gwctl).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(gwctl completion bash)                       # bash, this session",
            "  source <(gwctl completion zsh)                        # zsh, add to ~/.zshrc",
            "  gwctl completion fish > ~/.config/fish/completions/gwctl.fish"})
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", completionCandidates = Shells.class,
            description = "The shell: ${COMPLETION-CANDIDATES}.")
    private String shell;

    @Override
    public Integer call() {
        String script;
        try {
            script = CompletionScripts.script(shell, Main.commandLine(GwctlCommand.environment(spec)));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        spec.commandLine().getOut().print(script);
        return ExitCodes.OK;
    }

    /** bash, zsh, fish. */
    static final class Shells implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return CompletionScripts.SHELLS.iterator();
        }
    }
}
