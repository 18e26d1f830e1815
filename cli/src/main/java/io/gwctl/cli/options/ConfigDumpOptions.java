package io.gwctl.cli.options;

import picocli.CommandLine.Option;

/**
 * The Envoy config dump input of {@code proxy-config}: istioctl's {@code -f/--file} (spec §1), renamed because
 * gwctl's {@code -f} names manifests.
 */
public final class ConfigDumpOptions {
    @Option(names = "--config-dump", paramLabel = "FILE",
            description = "Read an Envoy /config_dump JSON (e.g. from 'kubectl exec POD -c istio-proxy -- "
                    + "pilot-agent request GET config_dump') instead of manifests; '-' reads standard input.")
    private String configDump;

    /** The dump file, {@code -} for stdin, or null. */
    public String configDump() {
        return configDump;
    }
}
