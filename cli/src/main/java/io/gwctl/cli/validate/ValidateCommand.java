package io.gwctl.cli.validate;

import io.gwctl.cli.ConfigFile;
import io.gwctl.cli.Environment;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.GwctlCommand;
import io.gwctl.cli.Inputs;
import io.gwctl.cli.LoadedInputs;
import io.gwctl.cli.options.ClusterOptions;
import io.gwctl.cli.options.EnumNames;
import io.gwctl.cli.options.InputOptions;
import io.gwctl.cli.options.VerbosityOptions;
import io.gwctl.cli.source.SourceResult;
import io.gwctl.model.Printable;
import io.gwctl.model.Snapshot;
import io.gwctl.model.finding.Baseline;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.finding.ValidationReport;
import io.gwctl.renderers.findings.FindingsFormat;
import io.gwctl.renderers.findings.RenderOptions;
import io.gwctl.validators.GwctlConfig;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleRegistry;
import io.gwctl.validators.Suppression;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.ValidationResult;
import io.gwctl.validators.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gwctl validate}: lint Gateway/VirtualService manifests (or a cluster) for CI, with file:line. */
@Command(name = "validate", mixinStandardHelpOptions = true, usageHelpAutoWidth = false, sortOptions = false,
        description = {
            "Check Istio ingress configuration: Gateways, VirtualServices, their Services, workloads and TLS Secrets.",
            "Findings carry a stable gwctl code (GW0101), the istioctl analyze / Kiali codes it corresponds to, the"
                    + " resource, file:line:column and a hint. The exit code is the same in every -o format."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gwctl validate -f manifests/",
            "  gwctl validate -f manifests/ -o sarif > gwctl.sarif   # GitHub code scanning",
            "  gwctl validate -f manifests/ -o github  # annotations in a GitHub Actions log",
            "  gwctl validate -f manifests/ --failure-threshold Warning -o junit > gwctl.xml",
            "  gwctl validate -f manifests/ -S 'GW0301=Gateway istio-system/legacy-*'",
            "  gwctl validate -f manifests/ --write-baseline .gwctl-baseline.json  # adopt: record what is there",
            "  gwctl validate -f manifests/ --baseline .gwctl-baseline.json  # fail only on new findings",
            "  gwctl validate -f manifests/ --baseline .gwctl-baseline.json --baseline-ref origin/main",
            "  helm template charts/app | gwctl validate -f -",
            "  gwctl validate --context prod -n shop  # a cluster: findings of one namespace",
            "  gwctl validate -A                      # ... of every namespace",
            "  gwctl validate -f gw.yaml --with-cluster  # what would applying gw.yaml do?",
            "  gwctl validate --list-rules",
            "  gwctl validate --explain IST0145       # the page of a rule, by gwctl or istioctl/Kiali code",
            "",
            ExitCodes.HELP})
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private InputOptions input;
    @Mixin
    private ClusterOptions cluster;
    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = Formats.class, completionCandidates = Formats.class, description = EnumNames.OUTPUT_HELP)
    private FindingsFormat format;

    @Option(names = "--failure-threshold", paramLabel = "LEVEL", defaultValue = "Error",
            converter = SeverityConverter.class, completionCandidates = SeverityConverter.Candidates.class,
            description = "Exit 79 when a finding is at or above this level: ${COMPLETION-CANDIDATES}"
                    + " (default: ${DEFAULT-VALUE}).")
    private Severity failureThreshold;

    @Option(names = "--output-threshold", paramLabel = "LEVEL", defaultValue = "Info",
            converter = SeverityConverter.class, completionCandidates = SeverityConverter.Candidates.class,
            description = "Print only findings at or above this level (the exit code still counts all):"
                    + " ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Severity outputThreshold;

    @Option(names = {"-S", "--suppress"}, paramLabel = "CODE=KIND NS/NAME",
            description = "Suppress findings: a gwctl or IST/KIA code (or *) and a resource, globs allowed, e.g."
                    + " 'GW0301=Gateway istio-system/gw-*' or 'IST0101=VirtualService vs.default'. Repeatable.")
    private List<String> suppress = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file: rules on/off and severities, suppressions, ignored paths"
                    + " (default: .gwctl.yaml in the current directory when present).")
    private String config;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", converter = ColorMode.Names.class,
            completionCandidates = ColorMode.Names.class,
            description = "Colour the text output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: only on a"
                    + " terminal, and not when NO_COLOR is set or TERM=dumb).")
    private ColorMode color;

    @Option(names = "--cert-expiry-warning", paramLabel = "DURATION", defaultValue = "30d",
            converter = DurationConverter.class,
            description = "Warn about certificates that expire within this time, e.g. 30d, 72h"
                    + " (default: ${DEFAULT-VALUE}).")
    private Duration certExpiryWarning;

    @Option(names = "--require-secrets",
            description = "The input holds every Secret the gateways read (as in a repository that keeps its Secrets,"
                    + " sealed or produced, in git): a credential Secret not in it is reported missing (GW0101)"
                    + " instead of the credential checks being skipped. Same as secrets: required in .gwctl.yaml.")
    private boolean requireSecrets;

    @Option(names = "--list-rules", description = "List the rules (code, name, severity, aliases, summary) and exit.")
    private boolean listRules;

    @Option(names = "--explain", paramLabel = "CODE",
            description = "Print the page of a rule (a gwctl code or an IST/KIA alias, e.g. GW0301, IST0145) and exit.")
    private String explain;

    @Option(names = "--sarif-root", paramLabel = "DIR",
            description = "The directory SARIF and GitHub annotation paths are relative to (default: the root of the"
                    + " git work tree around the current directory, else the current directory).")
    private String sarifRoot;

    @Option(names = "--docs-url", paramLabel = "URL",
            description = "Where gwctl's repository files are published, for the SARIF rule links (helpUri ="
                    + " URL/docs/rules/CODE.md), e.g. https://github.com/ORG/gwctl/blob/v1.0.0 (default: the URL"
                    + " the build recorded, if any).")
    private String docsUrl;

    @Mixin
    private BaselineOptions baseline;

    @Mixin
    private VerbosityOptions verbosity;

    @Override
    public Integer call() throws IOException {
        Environment env = GwctlCommand.environment(spec);
        PrintWriter out = spec.commandLine().getOut();
        if (listRules) {
            List<RuleInfo> rules = RuleRegistry.all().stream().map(Rule::info).toList();
            if (env.stdoutIsTerminal() && !spec.commandLine().getParseResult().hasMatchedOption("--output")) {
                RuleListPrinter.table(rules, out);
            } else {
                RuleListPrinter.tsv(rules, out);
            }
            return ExitCodes.OK;
        }
        if (explain != null) {
            return RuleExplainer.explain(explain, out, spec);
        }
        Baseline earlier = baseline.read(env, spec);
        List<Suppression> suppressions = suppressions();
        ConfigFile configFile = ConfigFile.read(env, this.config);
        GwctlConfig config = configFile.config();
        // Input problems are findings (GW0001) in every format; text prints them once, as the stderr lines, so an
        // input of which nothing could be read still ends the text run there, while the other formats write a report.
        StdinCopy stdin = new StdinCopy(env.stdin());
        SourceResult input = Inputs.read(spec, Inputs.source(spec, this.input, cluster, "-f PATH",
                configFile.exclusions(), format == FindingsFormat.SARIF ? stdin : env.stdin()), this.input,
                verbosity.verbose(), format != FindingsFormat.TEXT);
        ValidateOptions options = config.applyTo(ValidateOptions.defaults()
                        .withFailureThreshold(failureThreshold)
                        .withOutputThreshold(outputThreshold)
                        .withCertExpiryWarning(certExpiryWarning))
                .withSuppressions(suppressions);
        if (requireSecrets) {
            options = options.withRequireSecrets(true);
        }
        // Nothing read, nothing checked: no rule is listed as run (SARIF) or passed (JUnit) on an empty input.
        boolean nothingRead = input.snapshot().size() == 0 && !input.problems().isEmpty();
        ValidationResult all = Validator.withInputProblems(nothingRead ? ValidationResult.NOTHING_CHECKED
                : validate(input.snapshot(), options), input.problems());
        ValidationResult result = inNamespace(all, input.namespace());
        Baseline.Comparison comparison = earlier == null ? null : earlier.compare(result.findings());
        boolean failed = comparison == null ? result.failed() : result.findings().stream()
                .anyMatch(f -> f.severity().atLeast(failureThreshold) && !comparison.isExisting(f));
        if (verbosity.verbose() && format != FindingsFormat.TEXT) {
            // The text format prints notes itself; the others carry them in the document.
            result.notes().forEach(n -> spec.commandLine().getErr().println("gwctl: note: " + Printable.escape(n)));
        }
        Path cwd = env.fileSystem().getPath("").toAbsolutePath();
        RenderOptions render = new RenderOptions(format == FindingsFormat.TEXT && color.enabled(env),
                GwctlCommand.version(), cwd)
                .withFailureThreshold(failureThreshold)
                .withSourceRoot(sarifRoot != null ? cwd.resolve(sarifRoot).normalize() : SourceRoot.find(cwd))
                .withDocsBaseUrl(docsUrl != null ? docsUrl : GwctlCommand.buildInfo().docsUrl())
                .withStdinSources(stdin.helmSources());
        ValidationReport.Scope scope = scope(all, result, input.namespace());
        if (baseline.writeTo() != null) {
            ValidationResult every = new ValidationResult(result.findings(), result.findings(), result.suppressed(),
                    result.notes(), result.failed(), result.rules());
            BaselineFile.write(env.fileSystem().getPath(baseline.writeTo()),
                    every.toReport(input.inputs(), input.snapshot().size(), scope));
        }
        ValidationReport report = result.toReport(input.inputs(), input.snapshot().size(), scope);
        if (comparison != null) {
            // Text lists only what is new unless asked; GitHub never annotates what was already there.
            boolean hide = format == FindingsFormat.GITHUB || (format == FindingsFormat.TEXT && !baseline.show());
            report = report.withBaseline(comparison, hide);
        }
        format.renderer().render(report, render, out);
        return ExitCodes.combine(input.exitCode(), failed ? ExitCodes.FINDINGS : ExitCodes.OK);
    }

    /** The rules' findings; in a shell, reused for the inputs in memory (see {@link LoadedInputs#validation}). */
    private ValidationResult validate(Snapshot snapshot, ValidateOptions options) {
        return GwctlCommand.loadedInputs(spec).map(l -> l.validation(snapshot, options,
                o -> Validator.run(snapshot, o))).orElseGet(() -> Validator.run(snapshot, options));
    }

    /** The namespace scope of the report and what it left out, or null when every namespace is reported. */
    private ValidationReport.Scope scope(ValidationResult all, ValidationResult shown, String namespace) {
        if (namespace == null || cluster.allNamespaces()) {
            return null;
        }
        int[] n = new int[Severity.values().length];
        // Equal findings are one finding (the lists have no duplicates); findings kept on disk are read anew each time.
        java.util.Set<Finding> kept = new java.util.HashSet<>(shown.printed());
        for (Finding f : all.printed()) {
            if (!kept.contains(f)) {
                n[f.severity().ordinal()]++;
            }
        }
        return new ValidationReport.Scope(namespace, n[Severity.ERROR.ordinal()], n[Severity.WARNING.ordinal()],
                n[Severity.INFO.ordinal()]);
    }

    /**
     * From a cluster without -A, the findings on resources of the namespace asked about (-n, else the context's),
     * those on no namespace, and (with --with-cluster) those on objects from the files, as istioctl analyze
     * reports; everything was read, so cross-namespace checks (a Gateway in istio-system, a Secret of the gateway
     * workload) still see the whole picture.
     */
    private ValidationResult inNamespace(ValidationResult r, String namespace) {
        if (namespace == null || cluster.allNamespaces()) {
            return r;
        }
        Predicate<Finding> keep = f -> f.resource() == null || f.resource().namespace() == null
                || f.resource().namespace().isEmpty() || f.resource().namespace().equals(namespace)
                || (f.location() != null && f.location().file() != null && !f.location().file().isEmpty());
        List<Finding> findings = r.findings().stream().filter(keep).toList();
        boolean failed = findings.stream().anyMatch(f -> f.severity().atLeast(failureThreshold));
        return new ValidationResult(findings, r.printed().stream().filter(keep).toList(), r.suppressed(), r.notes(),
                failed, r.rules());
    }

    private List<Suppression> suppressions() {
        List<Suppression> parsed = new ArrayList<>();
        for (String s : suppress) {
            try {
                parsed.add(Suppression.parse(s));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "-S: " + e.getMessage());
            }
        }
        return parsed;
    }

    /** The -o values: {@link FindingsFormat}'s constants. */
    static final class Formats extends EnumNames<FindingsFormat> {
        Formats() {
            super(FindingsFormat.class);
        }
    }
}
