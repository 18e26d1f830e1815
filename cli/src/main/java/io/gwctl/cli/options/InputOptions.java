package io.gwctl.cli.options;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The manifest inputs of a command: files, directories (walked recursively) or {@code -} for standard input. */
public final class InputOptions {
    @Option(names = {"-f", "--filename"}, paramLabel = "PATH",
            description = "Manifest file or directory to read (YAML or JSON, multi-document, kind: List); "
                    + "'-' reads standard input. Repeatable. Without -f the cluster of the kubeconfig is read.")
    private List<String> paths = new ArrayList<>();

    /** The paths as given, in order; empty when none. */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    public boolean hasFiles() {
        return !paths.isEmpty();
    }
}
