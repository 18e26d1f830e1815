package io.gwctl.cli.proxyconfig;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.GwctlException;
import io.gwctl.cli.options.ClusterOptions;
import io.gwctl.cli.options.ConfigDumpOptions;
import io.gwctl.cli.options.InputOptions;
import io.gwctl.cli.options.VerbosityOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Turns the input flags of {@code proxy-config listener|route} into the Envoy configuration to print. */
final class ProxyConfigInputs {
    private ProxyConfigInputs() {
    }

    static ProxyConfigData read(CommandSpec spec, String workload, InputOptions input, ConfigDumpOptions dump,
                                ClusterOptions cluster, VerbosityOptions verbosity) {
        if (dump.configDump() != null && input.hasFiles()) {
            throw new ParameterException(spec.commandLine(), "use either -f (manifests) or --config-dump, not both");
        }
        if (dump.configDump() != null && workload != null) {
            throw new ParameterException(spec.commandLine(),
                    "a workload argument cannot be combined with --config-dump (the dump is one proxy's)");
        }
        throw new GwctlException(ExitCodes.INTERNAL_ERROR, "proxy-config is not wired yet");
    }
}
