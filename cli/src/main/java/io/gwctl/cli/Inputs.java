package io.gwctl.cli;

import io.gwctl.cli.options.ClusterOptions;
import io.gwctl.cli.options.InputOptions;
import io.gwctl.cli.source.ClusterSnapshotSource;
import io.gwctl.cli.source.ClusterTarget;
import io.gwctl.cli.source.FileSnapshotSource;
import io.gwctl.cli.source.SnapshotSource;
import io.gwctl.cli.source.SourceException;
import io.gwctl.cli.source.SourceResult;
import io.gwctl.model.Printable;
import io.gwctl.model.Snapshot;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.GatewayTranslator;
import io.gwctl.model.translate.GatewayView;
import io.gwctl.model.install.GatewayChartValues;
import io.gwctl.model.install.GatewayComponent;
import io.gwctl.model.install.InstalledGateways;
import io.gwctl.model.load.Exclusions;
import io.gwctl.model.load.LoadOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Reads the resources a command works on, from -f or else a cluster, and reports input problems on stderr the
 * same way for every command: one {@code gwctl: FILE:LINE:COL: message} line each, one summary line, warnings,
 * and the -v details. In a gwctl shell, a command without -f and cluster flags gets the shell's inputs. The caller continues with what loaded and folds {@link SourceResult#exitCode()} into its own.
 */
public final class Inputs {
    private Inputs() {
    }

    /**
     * Picks the source: the files when -f is given (applied over the cluster with --with-cluster); else the
     * cluster of the kubeconfig; else a usage error naming {@code alternatives} (e.g. "-f PATH or --config-dump
     * FILE"). The loader leaves unread what {@code exclusions} names (hidden entries; with a configuration file,
     * that file and its {@code ignorePaths}).
     */
    public static SnapshotSource source(CommandSpec spec, InputOptions input, ClusterOptions cluster,
                                        String alternatives, Exclusions exclusions) {
        return source(spec, input, cluster, alternatives, exclusions, GwctlCommand.environment(spec).stdin());
    }

    /** As above, with standard input read from {@code stdin} (validate keeps a copy for Helm's file names). */
    public static SnapshotSource source(CommandSpec spec, InputOptions input, ClusterOptions cluster,
                                        String alternatives, Exclusions exclusions,
                                        java.util.function.Supplier<java.io.InputStream> stdin) {
        Optional<LoadedInputs> loaded = GwctlCommand.loadedInputs(spec);
        if (loaded.isPresent() && !input.hasFiles() && !cluster.given()) {
            return loaded.get().source();
        }
        Environment env = GwctlCommand.environment(spec);
        Optional<ClusterTarget> target = cluster.target(env);
        if (input.hasFiles()) {
            refuseConfigDumps(spec, input.paths(), env);
            LoadOptions options = new LoadOptions(cluster.namespaceOrDefault(), env.fileSystem(), stdin,
                    LoadOptions.DEFAULT_MAX_FILE_BYTES, exclusions);
            FileSnapshotSource files = new FileSnapshotSource(input.paths(), options);
            if (!cluster.withCluster()) {
                return files;
            }
            if (target.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--with-cluster needs a cluster: no kubeconfig"
                        + " found (pass --kubeconfig FILE or --context NAME)");
            }
            return layered(files, target.get(), env);
        }
        if (cluster.withCluster()) {
            throw new ParameterException(spec.commandLine(), "--with-cluster applies -f files over the cluster:"
                    + " give -f PATH too (without -f the cluster is read anyway)");
        }
        if (target.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no input: give " + alternatives
                    + ", or --kubeconfig/--context to read a cluster (no kubeconfig found)");
        }
        return new ClusterSnapshotSource(target.get(), env.kubeClients());
    }

    /**
     * The listeners and routes {@code proxy} serves from {@code snapshot}, with at least {@code detail}; in a shell,
     * translated once per workload (in full) for the inputs the shell holds.
     */
    public static GatewayView translate(CommandSpec spec, Snapshot snapshot, GatewayProxy proxy,
                                        GatewayTranslator.Detail detail) {
        return GwctlCommand.loadedInputs(spec).map(l -> l.view(snapshot, proxy))
                .orElseGet(() -> GatewayTranslator.translate(snapshot, proxy, detail));
    }

    /**
     * Stops with a usage error naming {@code --config-dump} when a file given to -f is an Envoy config dump
     * ({@code istioctl proxy-config ... -f config_dump.json} is istioctl's habit), rather than reporting the dump's
     * JSON as a manifest without {@code kind}. Only the first bytes of regular {@code .json} files are read.
     */
    private static void refuseConfigDumps(CommandSpec spec, List<String> paths, Environment env) {
        for (String path : paths) {
            if (path.equals("-") || !path.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
                continue;
            }
            java.nio.file.Path p = env.fileSystem().getPath(path);
            if (!java.nio.file.Files.isRegularFile(p) || !looksLikeConfigDump(p)) {
                continue;
            }
            boolean proxyConfig = spec.qualifiedName().startsWith("gwctl proxy-config");
            throw new ParameterException(spec.commandLine(), path + ": an Envoy config dump, not Kubernetes"
                    + " manifests: " + (proxyConfig ? "give it with --config-dump " + path
                    : "gwctl proxy-config listener|route --config-dump " + path + " reads it"));
        }
    }

    /** True when the file starts like an Envoy admin config dump: {@code "configs"} of {@code envoy.admin} types. */
    static boolean looksLikeConfigDump(java.nio.file.Path p) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(p)) {
            String head = new String(in.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
            return head.contains("\"configs\"") && head.contains("type.googleapis.com/envoy.admin.");
        } catch (java.io.IOException e) {
            return false; // the loader reports it, with its file and reason
        }
    }

    /**
     * The files applied over the cluster, as {@code istioctl analyze file.yaml} does: the files are read first,
     * then the cluster with them as an overlay; problems, exit code and inputs of both are kept.
     */
    private static SnapshotSource layered(FileSnapshotSource files, ClusterTarget target, Environment env) {
        return () -> {
            SourceResult f = files.load();
            SourceResult c = new ClusterSnapshotSource(target, env.kubeClients(), f.snapshot()).load();
            List<String> warnings = new ArrayList<>(f.warnings());
            warnings.addAll(c.warnings());
            List<String> details = new ArrayList<>(f.details());
            details.addAll(c.details());
            List<String> inputs = new ArrayList<>(f.inputs());
            inputs.addAll(c.inputs());
            return new SourceResult(c.snapshot(), f.problems(), f.filesWithErrors(), f.exitCode(), warnings, details,
                    inputs, c.namespace());
        };
    }

    /**
     * Loads the source, prints its problems, and adds the gateways that the input's IstioOperators and the
     * --gateway-values files install when the input does not have them ({@link InstalledGateways}).
     */
    public static SourceResult read(CommandSpec spec, SnapshotSource source, InputOptions input, boolean verbose) {
        return read(spec, source, input, verbose, false);
    }

    /**
     * As {@link #read(CommandSpec, SnapshotSource, InputOptions, boolean)}; with {@code reportsProblems} (validate
     * with a machine-readable format, which carries every input problem as a finding) an input of which nothing
     * could be read is returned, empty, instead of ending the run, so that the report still names each problem.
     */
    public static SourceResult read(CommandSpec spec, SnapshotSource source, InputOptions input, boolean verbose,
                                    boolean reportsProblems) {
        List<GatewayComponent> values = gatewayValues(spec, input.gatewayValues());
        SourceResult r = read(spec, source, verbose, input.allowEmpty(), reportsProblems);
        var expanded = InstalledGateways.expand(r.snapshot(), values);
        if (expanded == r.snapshot()) {
            return r;
        }
        return new SourceResult(expanded, r.problems(), r.filesWithErrors(), r.exitCode(), r.warnings(), r.details(),
                r.inputs(), r.namespace(), r.seen());
    }

    /** Reads the --gateway-values files: {@code [[NS/]RELEASE=]FILE}. A missing file exits 66, a bad one 65. */
    private static List<GatewayComponent> gatewayValues(CommandSpec spec, List<String> args) {
        Environment env = GwctlCommand.environment(spec);
        List<GatewayComponent> out = new ArrayList<>();
        for (String arg : args) {
            String release = InstalledGateways.CHART_RELEASE;
            String namespace = InstalledGateways.CHART_RELEASE;
            String file = arg;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                String name = arg.substring(0, eq);
                file = arg.substring(eq + 1);
                int slash = name.indexOf('/');
                if (slash >= 0) {
                    namespace = name.substring(0, slash);
                    name = name.substring(slash + 1);
                }
                release = name;
                if (release.isEmpty() || namespace.isEmpty() || file.isEmpty()) {
                    throw new ParameterException(spec.commandLine(), "--gateway-values " + arg
                            + ": expected [[NAMESPACE/]RELEASE=]FILE");
                }
            }
            Path path = env.fileSystem().getPath(file);
            try {
                String text = Files.readString(path, StandardCharsets.UTF_8);
                out.add(GatewayChartValues.read(text, file, release, namespace));
            } catch (NoSuchFileException e) {
                throw new GwctlException(ExitCodes.NO_INPUT, file + ": no such file (--gateway-values)", e);
            } catch (IOException e) {
                throw new GwctlException(ExitCodes.NO_INPUT, file + ": cannot read: " + e.getMessage(), e);
            } catch (GatewayChartValues.InvalidValuesException e) {
                throw new GwctlException(ExitCodes.DATA_ERROR, e.getMessage(), e);
            }
        }
        return out;
    }

    /** Loads the source and prints its problems; a source that yields nothing becomes a {@link GwctlException}. */
    public static SourceResult read(CommandSpec spec, SnapshotSource source, boolean verbose) {
        return read(spec, source, verbose, false);
    }

    /**
     * As {@link #read(CommandSpec, SnapshotSource, boolean)}; an input holding no resource gwctl reads is an error
     * (exit 65) unless {@code allowEmpty}.
     */
    public static SourceResult read(CommandSpec spec, SnapshotSource source, boolean verbose, boolean allowEmpty) {
        return read(spec, source, verbose, allowEmpty, false);
    }

    private static SourceResult read(CommandSpec spec, SnapshotSource source, boolean verbose, boolean allowEmpty,
                                     boolean reportsProblems) {
        SourceResult r;
        try {
            r = source.load();
        } catch (SourceException e) {
            throw new GwctlException(e.exitCode(), e.getMessage(), e.getCause());
        }
        PrintWriter err = spec.commandLine().getErr();
        // Every line goes through the one sanitiser: file names, resource names and values come from the input.
        for (String line : r.errors()) {
            err.println("gwctl: " + Printable.escape(line));
        }
        if (!r.problems().isEmpty() && r.snapshot().size() == 0) {
            // Nothing to work on: printing an empty table or "no issues" would look like a result. A report of the
            // problems is not empty: a SARIF upload still gets a log, and the pull request its annotations.
            if (!reportsProblems) {
                throw new GwctlException(r.exitCode(), "no resources could be read");
            }
            err.println("gwctl: no resources could be read");
            return r;
        }
        if (r.seen() != null && !allowEmpty) {
            // A failed `helm template` piped in, an empty directory, only Gateway API objects: nothing was checked.
            throw new GwctlException(ExitCodes.DATA_ERROR, "no resources in the input that gwctl reads: " + r.seen()
                    + " (--allow-empty exits 0 for inputs that may be empty)");
        }
        if (r.filesWithErrors() > 0) {
            err.println("gwctl: " + r.filesWithErrors() + " file(s) had errors; results cover the rest");
        }
        for (String line : r.warnings()) {
            err.println("gwctl: " + Printable.escape(line));
        }
        if (verbose) {
            for (String line : r.details()) {
                err.println("gwctl: " + Printable.escape(line));
            }
        }
        return r;
    }
}
