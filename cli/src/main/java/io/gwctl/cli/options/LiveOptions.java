package io.gwctl.cli.options;

import io.gwctl.cli.live.LiveConfigDump;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --live}: read what a running gateway proxy serves, its Envoy {@code /config_dump}, through a port-forward to
 * its admin port ({@code --proxy-admin-port}, istioctl's flag), instead of computing it from manifests.
 */
public final class LiveOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--live",
            description = "Read the running gateway proxy's /config_dump through a port-forward to its Envoy admin"
                    + " port, as istioctl does (the cluster of the kubeconfig; the workload argument picks the pod).")
    private boolean live;

    @Option(names = "--proxy-admin-port", paramLabel = "PORT",
            description = "With --live: the Envoy admin port of the proxy (default: "
                    + LiveConfigDump.DEFAULT_ADMIN_PORT + ").")
    private Integer adminPort;

    /** True when --live was given. */
    public boolean live() {
        return live;
    }

    /**
     * Rejects {@code --proxy-admin-port} without {@code --live} and a port outside 1..65535.
     *
     * @throws ParameterException (exit 64)
     */
    public void validate() {
        if (adminPort == null) {
            return;
        }
        if (!live) {
            throw new ParameterException(mixee.commandLine(), "--proxy-admin-port needs --live");
        }
        if (adminPort < 1 || adminPort > 65535) {
            throw new ParameterException(mixee.commandLine(), "--proxy-admin-port " + adminPort
                    + " is not a port (1-65535)");
        }
    }

    /** The admin port to read: --proxy-admin-port, else Envoy's 15000. */
    public int adminPort() {
        return adminPort == null ? LiveConfigDump.DEFAULT_ADMIN_PORT : adminPort;
    }
}
