package io.gwctl.cli;

import io.gwctl.cli.live.ProxyAdminTunnels;
import io.gwctl.cli.source.KubeClientFactory;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a gwctl run may take from the process besides its arguments: environment variables, standard input,
 * whether standard output is a terminal, the file system, the way to reach a cluster and the way to reach a proxy's
 * Envoy admin port in it. {@link Main#main} uses {@link #system()}; tests pass their own so that a run is a pure
 * function of (args, environment).
 */
public record Environment(Map<String, String> variables, Supplier<InputStream> stdin, boolean stdoutIsTerminal,
                          FileSystem fileSystem, KubeClientFactory kubeClients, ProxyAdminTunnels proxyAdmin) {
    public Environment {
        variables = Map.copyOf(variables);
    }

    /** The real process: System.getenv, System.in, a console check, the default file system, fabric8 (twice). */
    public static Environment system() {
        return new Environment(System.getenv(), () -> System.in, System.console() != null,
                FileSystems.getDefault(), KubeClientFactory.fabric8(), ProxyAdminTunnels.fabric8());
    }

    /** An environment variable, or null. */
    public String variable(String name) {
        return variables.get(name);
    }

    public Environment withStdin(Supplier<InputStream> in) {
        return new Environment(variables, in, stdoutIsTerminal, fileSystem, kubeClients, proxyAdmin);
    }

    public Environment withFileSystem(FileSystem fs) {
        return new Environment(variables, stdin, stdoutIsTerminal, fs, kubeClients, proxyAdmin);
    }
}
