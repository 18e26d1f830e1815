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

    @Option(names = "--allow-empty",
            description = "Exit 0 when the input holds no resource gwctl reads (a pipeline that may legitimately be"
                    + " empty); without it such an input is an error (exit 65), so a broken pipe or a wrong path"
                    + " does not pass a CI gate.")
    private boolean allowEmpty;

    /** True when an input without resources is not an error. */
    public boolean allowEmpty() {
        return allowEmpty;
    }

    @Option(names = "--gateway-values", paramLabel = "[[NS/]RELEASE=]FILE",
            description = "Values file of Istio's gateway Helm chart (or of the istio-ingress chart): gwctl adds the"
                    + " gateway Deployment and Service the chart installs, unless the input has them. Release and"
                    + " namespace default to istio-ingress, as Istio's Helm install instructions use. Repeatable.")
    private List<String> gatewayValues = new ArrayList<>();

    /** The paths as given, in order; empty when none. */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    /** The --gateway-values arguments as given, in order. */
    public List<String> gatewayValues() {
        return List.copyOf(gatewayValues);
    }

    public boolean hasFiles() {
        return !paths.isEmpty();
    }
}
