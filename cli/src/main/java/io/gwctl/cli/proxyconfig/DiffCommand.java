package io.gwctl.cli.proxyconfig;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.GwctlException;
import io.gwctl.cli.options.ClusterOptions;
import io.gwctl.renderers.diff.ProxyConfigDiffRenderer;
import io.gwctl.renderers.diff.ProxyConfigDiffRenderer.Side;
import io.gwctl.renderers.diff.ProxyConfigDiffRenderer.Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gwctl proxy-config diff}: what the manifests say a gateway should serve against what its Envoy serves (a
 * live proxy or a config dump), as a unified diff of istioctl's listener and route tables.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, usageHelpAutoWidth = false,
        modelTransformer = DiffCommand.WorkloadHelp.class,
        description = {
            "Compare the listener and route tables the manifests give a gateway (-f, or the cluster) with those its"
                    + " Envoy serves (--live, or --config-dump FILE), as a unified diff.",
            "Route configurations are compared in name order (Envoy lists them in no fixed order). Exit 0 and no"
                    + " output when the tables are the same, 79 when they differ."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # the running default ingress gateway against the manifests",
            "  gwctl pc diff -f manifests/ --live",
            "  # one gateway, its route table only",
            "  gwctl pc diff -f gw/ deploy/my-gateway.gateways --live --table route",
            "  # offline, against a saved dump",
            "  gwctl pc diff -f manifests/ --config-dump config_dump.json"})
public final class DiffCommand implements Callable<Integer> {
    private static final List<String> TABLES = List.of("listener", "route", "all");

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProxyConfigInputs inputs;

    @Option(names = "--table", paramLabel = "TABLE", defaultValue = "all", completionCandidates = TableNames.class,
            description = "The tables to compare: listener, route or all (default: ${DEFAULT-VALUE}).")
    private String table;

    @Override
    public Integer call() throws IOException {
        Set<Table> tables = tables();
        ProxyConfigData expected = inputs.expected();
        ProxyConfigData actual = inputs.actual(expected);
        PrintWriter err = spec.commandLine().getErr();
        if (tables.size() > 1) {
            skipAbsentTables(tables, actual);
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean differ = ProxyConfigDiffRenderer.render(
                new Side("expected (" + expected.source() + ")", expected.listeners(), expected.routeConfigs()),
                new Side("actual (" + actual.source() + ")", actual.listeners(), actual.routeConfigs()),
                tables, out);
        out.flush();
        if (!differ) {
            err.println("gwctl: no differences between the " + expected.source() + " and " + actual.source() + " ("
                    + (tables.size() > 1 ? "listener and route tables" : names(tables) + " table") + ")");
        }
        return ExitCodes.combine(expected.exitCode(), differ ? ExitCodes.FINDINGS : ExitCodes.OK);
    }

    private Set<Table> tables() {
        return switch (table.toLowerCase(Locale.ROOT)) {
            case "listener", "listeners" -> EnumSet.of(Table.LISTENER);
            case "route", "routes" -> EnumSet.of(Table.ROUTE);
            case "all" -> EnumSet.allOf(Table.class);
            default -> throw new ParameterException(spec.commandLine(), "--table \"" + table
                    + "\" not supported (choose " + String.join(", ", TABLES) + ")");
        };
    }

    /**
     * A dump without any listener (or route configuration) was cut down, e.g. to its {@code RoutesConfigDump}: every
     * running proxy has the bootstrap ones. Comparing that table would only list everything as missing, so
     * {@code --table all} skips it with a note; {@code --table listener|route} still compares it.
     */
    private void skipAbsentTables(Set<Table> tables, ProxyConfigData actual) {
        boolean noListeners = actual.listeners().isEmpty();
        boolean noRoutes = actual.routeConfigs().isEmpty();
        if (noListeners && noRoutes) {
            throw new GwctlException(ExitCodes.DATA_ERROR, actual.source()
                    + ": no listeners and no route configurations to compare");
        }
        if (noListeners || noRoutes) {
            tables.remove(noListeners ? Table.LISTENER : Table.ROUTE);
            spec.commandLine().getErr().println("gwctl: " + actual.source() + " has no "
                    + (noListeners ? "listeners" : "route configurations") + "; comparing the " + names(tables)
                    + " tables only");
        }
    }

    private static String names(Set<Table> tables) {
        return String.join(" and ", tables.stream().map(t -> t.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** The --table values, for help and completion. */
    static final class TableNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return TABLES.iterator();
        }
    }

    /** The workload argument means both sides here, and goes with --config-dump: says so in help. */
    static final class WorkloadHelp implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec s) {
            PositionalParamSpec p = s.positionalParameters().get(0);
            s.remove(p);
            s.addPositional(PositionalParamSpec.builder(p).description("The gateway workload (pod/NAME, deploy/NAME"
                    + " or NAME, optionally .NAMESPACE) whose manifests are translated and, with --live, whose"
                    + " running pod is read; may be omitted when the input has exactly one.").build());
            return ClusterOptions.describeForProxyConfig(s);
        }
    }
}
