package io.gwctl.validators;

import io.gwctl.model.Glob;
import io.gwctl.model.Coverage;
import io.gwctl.model.Kind;
import io.gwctl.model.Resource;
import io.gwctl.model.ResourceRef;
import io.gwctl.model.Snapshot;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.FindingSorter;
import io.gwctl.model.finding.Location;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.finding.SpilledFindings;
import io.gwctl.model.load.LoadProblem;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.ServiceTarget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs the registered rules over a snapshot: skips (visibly) the rules whose inputs are missing, turns a crashing
 * rule into a GW0000 finding, applies severity overrides, suppressions (options and annotations), dedupes, sorts
 * and applies the output and failure thresholds (lint-catalogue §2.5, §5 F; STYLE.md §4).
 */
public final class Validator {
    /** The finding a crashing rule becomes; the other rules still run (STYLE.md §4). */
    public static final RuleInfo INTERNAL_ERROR = new RuleInfo("GW0000", "internal-error", Severity.ERROR,
            "A rule failed with an unexpected error; its other findings may be missing.", List.of(), Set.of());
    /**
     * The finding an input problem becomes (malformed YAML, a document that is not a valid resource, a file that
     * cannot be read), so that every output format reports it at its file and line. Not a rule: it is added after
     * the rules ran and cannot be turned off, re-graded or suppressed, since the input it is about was not checked.
     */
    public static final RuleInfo INVALID_INPUT = new RuleInfo("GW0001", "invalid-input", Severity.ERROR,
            "An input could not be read: not YAML or JSON, not a valid resource, or not readable; it was not checked.",
            List.of(), Set.of());
    /** One Info finding per rule that could not run because the input lacks what it needs (never skip silently). */
    public static final RuleInfo CHECK_SKIPPED = new RuleInfo("GW0002", "check-skipped", Severity.INFO,
            "A check was skipped because the input lacks the resources it needs.", List.of(), Set.of());

    /** The kind of the pseudo resource GW0000 and GW0002 are reported on: the rule concerned, e.g. {@code Rule GW0101}. */
    public static final String RULE_KIND = "Rule";
    /** The kind of the pseudo resource a GW0001 finding is reported on when no object can be named: the file. */
    public static final String FILE_KIND = "File";

    /** Why the credential rules are skipped when the input has no Secret and nothing that produces one. */
    static final String NO_SECRETS = "no Secrets in the input, nor a Certificate, ExternalSecret or SealedSecret "
            + "that produces one";

    static final String SUPPRESS_ANNOTATION = "gwctl.io/suppress";
    static final String ISTIO_SUPPRESS_ANNOTATION = "galley.istio.io/analyze-suppress";
    static final String KIALI_IGNORE_ANNOTATION = "kiali.io/ignore-validations";

    /** Total order over findings: istioctl's order (see {@link Finding#compareTo}), then everything else. */
    static final Comparator<Finding> ORDER = Finding.ORDER;

    private Validator() {
    }

    /** Runs every rule of {@link RuleRegistry#all()}. */
    public static ValidationResult run(Snapshot snapshot, ValidateOptions options) {
        return run(snapshot, options, RuleRegistry.all());
    }

    /** Runs the given rules (tests run a chosen set, e.g. a deliberately crashing rule). */
    public static ValidationResult run(Snapshot snapshot, ValidateOptions options, List<Rule> rules) {
        return run(snapshot, options, rules, threads());
    }

    /** Runs the given rules on {@code threads} threads (the result is the same on any number). */
    static ValidationResult run(Snapshot snapshot, ValidateOptions options, List<Rule> rules, int threads) {
        if (options.requireSecrets() && !snapshot.coverage().isComplete(Kind.SECRET)) {
            snapshot = withSecretsComplete(snapshot);
        }
        RuleContext ctx = RuleContext.of(snapshot, options);
        List<String> notes = new ArrayList<>();
        List<RuleInfo> ran = new ArrayList<>();
        boolean crashed = false;
        boolean skipped = false;
        Map<Coverage.Gap, List<String>> partlySkipped = new LinkedHashMap<>();
        // One GW0002 per reason: "checks GW0101, GW0102 skipped: no Secrets in the input", not one per rule.
        Map<String, List<String>> skippedFor = new LinkedHashMap<>();
        Map<String, List<String>> ranWithout = new LinkedHashMap<>();
        if (!snapshot.gateways().isEmpty() && ctx.defaultIngressAssumed()) {
            notes.add(defaultIngressNote(ctx.gatewayWorkloads().get(0)));
        }
        List<Rule> toRun = new ArrayList<>();
        for (Rule rule : rules) {
            RuleInfo info = rule.info();
            if (isDisabled(info, options.disabledRules())) {
                continue;
            }
            String missing = missingInput(info, snapshot, ctx);
            if (missing != null) {
                if (!rule.hasWork(ctx)) {
                    continue;
                }
                // One GW0002 finding says so; a note too would print the same sentence twice.
                skippedFor.computeIfAbsent(missing, k -> new ArrayList<>()).add(info.code());
                skipped = true;
                continue;
            }
            ran.add(info);
            if (rule.hasWork(ctx)) {
                for (Kind k : info.needs()) {
                    for (Coverage.Gap g : snapshot.coverage().gaps(k)) {
                        if (g.namespace() != null) {
                            partlySkipped.computeIfAbsent(g, x -> new ArrayList<>()).add(info.code());
                        }
                    }
                }
            }
            toRun.add(rule);
        }
        // The rules read the snapshot and the context, so they run on several threads. Their findings go straight
        // to the judge (overrides, suppressions) and the sorter: the order is total, so the findings come out the
        // same whichever rule reported first.
        List<RuleInfo> judged = new ArrayList<>(ran);
        judged.add(CHECK_SKIPPED);
        judged.add(INTERNAL_ERROR);
        Judge raw = new Judge(snapshot, options, judged);
        for (RuleRun r : RuleRuns.run(toRun, ctx, threads, raw)) {
            if (r.crash() != null) {
                raw.accept(engineFinding(INTERNAL_ERROR, r.info().code(),
                        "internal error in rule " + r.info().code() + ": " + oneLine(r.crash())));
                crashed = true;
            } else if (r.partlySkipped() != null) {
                ranWithout.computeIfAbsent(r.partlySkipped(), k -> new ArrayList<>()).add(r.info().code());
                skipped = true;
            }
        }
        skippedFor.forEach((why, codes) -> raw.accept(engineFinding(CHECK_SKIPPED, String.join(",", codes),
                (codes.size() == 1 ? "check " + codes.get(0) + " " + nameOf(rules, codes.get(0)) : "checks "
                        + String.join(", ", codes)) + " skipped: " + why, why.equals(NO_SECRETS)
                        ? "If the input holds every Secret the gateways read, --require-secrets (or secrets: required"
                                + " in .gwctl.yaml) reports a credential Secret that is not in it as missing." : "")));
        ranWithout.forEach((why, codes) -> raw.accept(engineFinding(CHECK_SKIPPED, String.join(",", codes),
                "check" + (codes.size() == 1 ? " " : "s ") + String.join(", ", codes) + " skipped " + why)));
        for (Map.Entry<Coverage.Gap, List<String>> e : partlySkipped.entrySet()) {
            // The rules ran for what could be read; what the user may not read is said once per gap.
            Coverage.Gap g = e.getKey();
            List<String> codes = e.getValue();
            raw.accept(engineFinding(CHECK_SKIPPED, String.join(",", codes), "check" + (codes.size() == 1 ? " " : "s ")
                    + String.join(", ", codes) + " skipped for " + plural(g.kind()) + " in namespace "
                    + g.namespace() + ": " + g.reason()));
            skipped = true;
        }
        if (skipped) {
            ran.add(CHECK_SKIPPED);
        }
        if (crashed) {
            ran.add(INTERNAL_ERROR);
        }
        return raw.result(options, notes, ran);
    }

    /**
     * Threads the rules run on: {@code -Dgwctl.rule-threads=N}, else the processors available, at most 4 (beyond
     * that the longest rule decides the time).
     */
    static int threads() {
        int n = Integer.getInteger("gwctl.rule-threads", Math.min(4, Runtime.getRuntime().availableProcessors()));
        return Math.max(1, n);
    }

    /** What one rule's check gave besides its findings: its partly-skipped reason, or what it threw. */
    record RuleRun(RuleInfo info, String partlySkipped, Throwable crash) {
    }

    /** Runs rules on a few threads, the calling one among them, and gives their results in the rules' order. */
    static final class RuleRuns {
        private RuleRuns() {
        }

        /** Runs the rules, their findings discarded (tests of the threads). */
        static List<RuleRun> run(List<Rule> rules, RuleContext ctx, int threads) {
            return run(rules, ctx, threads, f -> { });
        }

        /** Runs the rules; each finding goes to {@code sink}, from whichever thread ran its rule. */
        static List<RuleRun> run(List<Rule> rules, RuleContext ctx, int threads, Consumer<Finding> sink) {
            RuleRun[] out = new RuleRun[rules.size()];
            AtomicInteger next = new AtomicInteger();
            AtomicReference<Throwable> fatal = new AtomicReference<>();
            Runnable worker = () -> {
                try {
                    for (int i = next.getAndIncrement(); i < out.length && fatal.get() == null;
                         i = next.getAndIncrement()) {
                        out[i] = runOne(rules.get(i), ctx, sink);
                    }
                } catch (Throwable t) { // an Error such as OutOfMemoryError: the run cannot go on
                    fatal.compareAndSet(null, t);
                }
            };
            List<Thread> helpers = new ArrayList<>();
            for (int t = 1; t < Math.min(threads, rules.size()); t++) {
                Thread h = new Thread(worker, "gwctl-rules-" + t);
                h.setDaemon(true);
                h.start();
                helpers.add(h);
            }
            worker.run();
            for (Thread h : helpers) {
                try {
                    h.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the rules ran", e);
                }
            }
            Throwable t = fatal.get();
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
            return List.of(out);
        }

        private static RuleRun runOne(Rule rule, RuleContext ctx, Consumer<Finding> sink) {
            RuleInfo info = rule.info();
            try {
                rule.check(ctx, new CollectingReporter(info, sink));
                return new RuleRun(info, rule.partlySkipped(ctx), null);
            } catch (RuntimeException | StackOverflowError e) {
                return new RuleRun(info, null, e);
            }
        }
    }

    /**
     * {@code result} plus one GW0001 Error finding per input problem, on the object the problem is in when it could
     * be named (else on the file), at the problem's file, line and column, with its one-line message. These are
     * added after severity overrides and suppressions and are always printed: an input that was not read cannot be
     * declared fine. The run fails, as any Error does; the exit code for bad input (65, 66) takes precedence over 79.
     */
    public static ValidationResult withInputProblems(ValidationResult result, List<LoadProblem> problems) {
        if (problems.isEmpty()) {
            return result;
        }
        LinkedHashSet<Finding> added = new LinkedHashSet<>();
        for (LoadProblem p : problems) {
            ResourceRef on = p.resource() != null ? p.resource() : new ResourceRef(FILE_KIND, "", p.file());
            added.add(new Finding(INVALID_INPUT.code(), INVALID_INPUT.severity(), INVALID_INPUT.aliases(), on,
                    new Location(p.file(), p.line(), p.column(), ""), p.message(), ""));
        }
        List<RuleInfo> rules = new ArrayList<>(result.rules());
        rules.add(INVALID_INPUT);
        return new ValidationResult(merged(result.findings(), added), merged(result.printed(), added),
                result.suppressed(), result.notes(), true, rules);
    }

    private static List<Finding> merged(List<Finding> findings, Collection<Finding> more) {
        FindingSorter all = FindingSorter.withDefaultBudget();
        findings.forEach(all::add);
        more.forEach(all::add);
        return all.sorted();
    }

    private static String nameOf(List<Rule> rules, String code) {
        for (Rule r : rules) {
            if (r.info().code().equals(code)) {
                return r.info().name();
            }
        }
        return "";
    }

    /** The snapshot with Secrets marked complete: the user says the input holds every Secret. */
    private static Snapshot withSecretsComplete(Snapshot s) {
        Set<Kind> complete = new java.util.HashSet<>(s.coverage().complete());
        complete.add(Kind.SECRET);
        return new Snapshot(s.gateways(), s.virtualServices(), s.destinationRules(), s.services(), s.pods(),
                s.deployments(), s.secrets(), s.namespaces(), new Coverage(complete, s.coverage().gaps()),
                s.istioOperators(), s.secretProducers(), s.serviceEntries());
    }

    /**
     * Overrides severities and suppresses as each finding is reported (on the rules' threads), then dedupes, sorts
     * and applies the output and failure thresholds.
     */
    private static final class Judge implements Consumer<Finding> {
        private final Map<String, Severity> overrides;
        private final List<Predicate<Finding>> suppressions = new ArrayList<>();
        private final AnnotationSuppressions annotations;
        private final FindingSorter kept;
        private final AtomicInteger suppressed = new AtomicInteger();
        private final Severity failureThreshold;
        private volatile boolean failed;

        Judge(Snapshot snapshot, ValidateOptions options, List<RuleInfo> rules) {
            kept = FindingSorter.withBudgetFor(snapshot.size());
            overrides = overridesByCode(options.severityOverrides(), rules);
            for (Suppression s : options.suppressions()) {
                suppressions.add(s.predicate());
            }
            annotations = new AnnotationSuppressions(snapshot);
            failureThreshold = options.failureThreshold();
        }

        @Override
        public void accept(Finding f) {
            Severity sev = overrides.get(f.code());
            if (sev != null && sev != f.severity()) {
                f = new Finding(f.code(), sev, f.aliases(), f.resource(), f.location(), f.message(), f.hint());
            }
            if (isSuppressed(f, suppressions) || annotations.suppresses(f)) {
                suppressed.incrementAndGet();
                return;
            }
            if (!failed && f.severity().atLeast(failureThreshold)) {
                failed = true;
            }
            kept.add(f);
        }

        ValidationResult result(ValidateOptions options, List<String> notes, List<RuleInfo> ran) {
            List<Finding> findings = kept.sorted();
            Severity threshold = options.outputThreshold();
            List<Finding> printed = Severity.INFO.atLeast(threshold) ? findings
                    : SpilledFindings.filter(findings, f -> f.severity().atLeast(threshold));
            return new ValidationResult(findings, printed, suppressed.get(), notes, failed, ran);
        }
    }

    /** Severity overrides keyed by rule code; a key may name the rule by code or by name (case-insensitive). */
    private static Map<String, Severity> overridesByCode(Map<String, Severity> given, List<RuleInfo> rules) {
        Map<String, Severity> byCode = new HashMap<>();
        for (Map.Entry<String, Severity> e : given.entrySet()) {
            for (RuleInfo r : rules) {
                if (e.getKey().equalsIgnoreCase(r.code()) || e.getKey().equalsIgnoreCase(r.name())) {
                    byCode.put(r.code(), e.getValue());
                }
            }
        }
        return byCode;
    }

    private static boolean isSuppressed(Finding f, List<Predicate<Finding>> suppressions) {
        for (Predicate<Finding> p : suppressions) {
            if (p.test(f)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDisabled(RuleInfo info, Set<String> disabled) {
        for (String d : disabled) {
            if (d.equalsIgnoreCase(info.code()) || d.equalsIgnoreCase(info.name())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why the rule cannot run, e.g. {@code no Secrets in the input} or {@code cannot list secrets in any
     * namespace: forbidden}, or null when it can. Gateways, VirtualServices and DestinationRules are what rules
     * check, so their absence never skips a rule (a missing Gateway is itself a finding); Pods and Deployments both
     * count as workloads. When Istio's default ingress gateway is assumed it stands in for the missing workloads and
     * their Service (lint-catalogue §5 F "assume a default ingress"). A kind the source read completely (a cluster)
     * is never missing: an empty list there means none exist.
     */
    static String missingInput(RuleInfo info, Snapshot s, RuleContext ctx) {
        Set<Kind> needs = info.needs();
        Coverage c = s.coverage();
        boolean needsWorkloads = needs.contains(Kind.POD) || needs.contains(Kind.DEPLOYMENT);
        if (needsWorkloads && s.pods().isEmpty() && s.deployments().isEmpty() && !ctx.defaultIngressAssumed()) {
            String why = unreadable(c, Kind.DEPLOYMENT, Kind.POD);
            if (why != null || !(c.isComplete(Kind.POD) || c.isComplete(Kind.DEPLOYMENT))) {
                return why != null ? why : "no Pods or Deployments in the input";
            }
        }
        for (Kind k : List.of(Kind.SERVICE, Kind.SECRET, Kind.NAMESPACE)) {
            if (!needs.contains(k) || (k == Kind.SERVICE && ctx.defaultIngressAssumed())) {
                continue;
            }
            String why = unreadable(c, k);
            if (why != null) {
                return why;
            }
            if (isEmpty(s, k) && !c.isComplete(k)) {
                return k == Kind.SECRET ? NO_SECRETS : "no " + plural(k) + " in the input";
            }
        }
        return null;
    }

    /** The reason the first of {@code kinds} could not be read in any namespace, or null. */
    private static String unreadable(Coverage c, Kind... kinds) {
        for (Kind k : kinds) {
            Coverage.Gap g = c.gap(k, null);
            if (g != null && g.namespace() == null) {
                return g.reason();
            }
        }
        return null;
    }

    private static boolean isEmpty(Snapshot s, Kind k) {
        return switch (k) {
            case SERVICE -> s.services().isEmpty();
            case SECRET -> s.secrets().isEmpty() && s.secretProducers().isEmpty();
            case NAMESPACE -> s.namespaces().isEmpty();
            default -> false;
        };
    }

    /** {@code Secrets}, {@code Services}: how messages name a kind in the plural. */
    private static String plural(Kind k) {
        return k.kindName() + "s";
    }

    /** Says which gateway was assumed and which Service ports it is taken to have. */
    static String defaultIngressNote(GatewayProxy p) {
        StringJoiner ports = new StringJoiner(", ");
        for (ServiceTarget t : p.serviceTargets()) {
            int port = t.port().port();
            ports.add(port == t.targetPort() ? Integer.toString(port) : port + "→" + t.targetPort());
        }
        return "no gateway workload in the input: assumed Istio's default ingress gateway " + p.namespace() + "/"
                + p.name() + " (Service ports " + ports + ")";
    }

    private static Finding engineFinding(RuleInfo engineRule, String ruleCode, String message) {
        return engineFinding(engineRule, ruleCode, message, "");
    }

    private static Finding engineFinding(RuleInfo engineRule, String ruleCode, String message, String hint) {
        return new Finding(engineRule.code(), engineRule.severity(), engineRule.aliases(),
                new ResourceRef(RULE_KIND, "", ruleCode), Location.NONE, message, hint);
    }

    /** {@code NullPointerException: msg at Foo.bar(Foo.java:12)}, on one line. */
    static String oneLine(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            sb.append(": ").append(e.getMessage().replaceAll("\\s*\\R\\s*", " "));
        }
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length > 0) {
            StackTraceElement t = trace[0];
            sb.append(" at ").append(t.getClassName().substring(t.getClassName().lastIndexOf('.') + 1))
                    .append('.').append(t.getMethodName());
            if (t.getFileName() != null && t.getLineNumber() > 0) {
                sb.append('(').append(t.getFileName()).append(':').append(t.getLineNumber()).append(')');
            }
        }
        return sb.toString();
    }

    /** Builds findings of one rule from its info and the resources' source maps. */
    private static final class CollectingReporter implements Reporter {
        private final RuleInfo info;
        private final Consumer<Finding> sink;

        CollectingReporter(RuleInfo info, Consumer<Finding> sink) {
            this.info = info;
            this.sink = sink;
        }

        @Override
        public void report(Finding f) {
            sink.accept(f);
        }

        @Override
        public void report(Resource r, String pointer, String message, String hint) {
            report(r, pointer, info.severity(), message, hint);
        }

        @Override
        public void report(Resource r, String pointer, Severity severity, String message, String hint) {
            String p = pointer == null ? "" : pointer;
            int line = r.origin().hasLine() || r.source().size() > 0 ? r.line(p) : 0;
            Location loc = new Location(r.origin().file(), line, r.source().column(p), p);
            sink.accept(new Finding(info.code(), severity, info.aliasesAt(severity), r.ref(), loc, message, hint));
        }
    }

    /**
     * Suppression by annotation on the resource a finding is reported on: {@code gwctl.io/suppress} and istioctl's
     * {@code galley.istio.io/analyze-suppress} list codes or aliases ({@code *} for all); Kiali's
     * {@code kiali.io/ignore-validations} lists KIA codes, and an empty value ignores every Kiali check.
     */
    private static final class AnnotationSuppressions {
        /** The annotations of the resources that carry one of the three, read before the rules run. */
        private final Map<ResourceRef, Map<String, String>> annotations = new HashMap<>();

        AnnotationSuppressions(Snapshot snapshot) {
            for (Resource r : snapshot.all()) {
                Map<String, String> a = r.metadata().annotations();
                if (a.containsKey(SUPPRESS_ANNOTATION) || a.containsKey(ISTIO_SUPPRESS_ANNOTATION)
                        || a.containsKey(KIALI_IGNORE_ANNOTATION)) {
                    annotations.putIfAbsent(r.ref(), a);
                }
            }
        }

        boolean suppresses(Finding f) {
            if (annotations.isEmpty()) {
                return false;
            }
            Map<String, String> a = annotations.get(f.resource());
            if (a == null) {
                return false;
            }
            if (listed(a.get(SUPPRESS_ANNOTATION), f) || listed(a.get(ISTIO_SUPPRESS_ANNOTATION), f)) {
                return true;
            }
            String kiali = a.get(KIALI_IGNORE_ANNOTATION);
            if (kiali == null) {
                return false;
            }
            if (kiali.isBlank()) {
                return f.aliases().stream().anyMatch(c -> c.startsWith("KIA"));
            }
            return listed(kiali, f);
        }

        private static boolean listed(String value, Finding f) {
            if (value == null) {
                return false;
            }
            for (String code : value.split(",")) {
                String c = code.trim();
                if (!c.isEmpty() && Suppression.matchesCode(Glob.of(c, true), f)) {
                    return true;
                }
            }
            return false;
        }
    }
}
