package io.gwctl.cli;

import io.gwctl.cli.proxyconfig.ProxyConfigCommand;
import io.gwctl.cli.shell.ShellCommand;
import io.gwctl.cli.diff.GatewayDiffCommand;
import io.gwctl.cli.validate.ValidateCommand;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The root command {@code gwctl}: holds the {@link Environment} of the run. Its subcommands are declared on {@link
 * Full}, which inherits everything else from this annotation: {@link Main#commandLine(Environment)} builds that whole
 * tree, while the command line of a gwctl process builds only what it names ({@link CommandTree}).
 */
@Command(name = "gwctl", mixinStandardHelpOptions = true, versionProvider = GwctlCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = false,
        description = {
            "Proxy-config and lint for Istio ingress gateways, from manifests, a cluster or the running proxy.",
            "Prints the listener and route tables an ingress gateway will serve, exactly as 'istioctl proxy-config'"
                    + " would, computed from Gateway/VirtualService manifests (-f), from a cluster (the kubeconfig's),"
                    + " or read from an Envoy config dump or the live proxy; and validates the configuration for CI"
                    + " with file:line."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gwctl proxy-config listener -f manifests/",
            "  gwctl pc routes -f manifests/ deploy/istio-ingressgateway.istio-system",
            "  gwctl pc listeners --config-dump config_dump.json --port 8443",
            "  gwctl validate -f manifests/ -o sarif > gwctl.sarif",
            "  kustomize build overlays/prod | gwctl validate -f -",
            "  gwctl validate --explain IST0145",
            "  gwctl help pc route",
            "",
            ExitCodes.HELP})
public class GwctlCommand implements Callable<Integer> {
    private final Environment environment;
    private final LoadedInputs loaded;

    @Spec
    private CommandSpec spec;

    public GwctlCommand(Environment environment) {
        this(environment, null);
    }

    /** A root command whose subcommands work on {@code loaded} unless they name inputs of their own (gwctl shell). */
    public GwctlCommand(Environment environment, LoadedInputs loaded) {
        this.environment = environment;
        this.loaded = loaded;
    }

    public Environment environment() {
        return environment;
    }

    /** The environment of the run a (sub)command belongs to. */
    public static Environment environment(CommandSpec anyCommand) {
        return ((GwctlCommand) anyCommand.root().userObject()).environment;
    }

    /** The inputs the shell this (sub)command runs in has loaded; empty outside a shell. */
    public static Optional<LoadedInputs> loadedInputs(CommandSpec anyCommand) {
        return Optional.ofNullable(((GwctlCommand) anyCommand.root().userObject()).loaded);
    }

    /** The gwctl version, e.g. {@code 0.1.0}, as --version prints it. */
    public static String version() {
        return buildInfo().version();
    }

    /** What the build recorded about itself (version.properties, filtered at build time). */
    public static BuildInfo buildInfo() {
        return BuildInfo.LOADED;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet().stream()
                        .filter(n -> spec.subcommands().get(n).getCommandName().equals(n)).toList()));
    }

    /** The root with all its subcommands, in the order help lists them (the man pages are generated from it). */
    @Command(subcommands = {ProxyConfigCommand.class, ValidateCommand.class, GatewayDiffCommand.class,
            ShellCommand.class, CompletionCommand.class, VersionCommand.class, HelpCommand.class})
    public static final class Full extends GwctlCommand {
        /** A root bound to the real process environment (for tools that only read the command tree). */
        public Full() {
            this(Environment.system(), null);
        }

        public Full(Environment environment, LoadedInputs loaded) {
            super(environment, loaded);
        }
    }

    /** {@code --version}: the same line as {@code gwctl version}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {buildInfo().line()};
        }
    }
}
