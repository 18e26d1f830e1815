package io.gwctl.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.Kind;
import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.ResourceRef;
import io.gwctl.model.Snapshot;
import io.gwctl.model.SourceMap;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Location;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.finding.ValidationReport;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.kube.Container;
import io.gwctl.model.kube.Pod;
import io.gwctl.model.load.LoadProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class ValidatorTest {
    private static final ValidateOptions OPTS = ValidateOptions.defaults().withNow(Instant.parse("2026-01-01T00:00:00Z"));

    static Gateway gateway(String ns, String name, Map<String, String> annotations, String file, int line) {
        SourceMap sm = new SourceMap(Map.of("", SourceMap.pack(line, 1),
                "/metadata/name", SourceMap.pack(line + 2, 9),
                "/spec/servers/0/hosts/0", SourceMap.pack(line + 9, 7)), line);
        return new Gateway(new ObjectMeta(name, ns, Map.of(), annotations, null), new Origin(file, 0, line, 1), sm,
                Map.of("istio", "ingressgateway"), List.of());
    }

    /** A rule whose check is a lambda, for exercising the engine. */
    record TestRule(RuleInfo info, BiConsumer<RuleContext, Reporter> body) implements Rule {
        TestRule(String code, Severity sev, List<String> aliases, Set<Kind> needs,
                 BiConsumer<RuleContext, Reporter> body) {
            this(new RuleInfo(code, "test-" + code.toLowerCase(), sev, "test rule", aliases, needs), body);
        }

        @Override
        public void check(RuleContext ctx, Reporter out) {
            body.accept(ctx, out);
        }
    }

    private static Rule everyGateway(String code, Severity sev, List<String> aliases) {
        return new TestRule(code, sev, aliases, Set.of(Kind.GATEWAY), (ctx, out) -> {
            for (Gateway g : ctx.snapshot().gateways()) {
                out.report(g, "/spec/servers/0/hosts/0", "host on " + g.metadata().name(), "fix it");
            }
        });
    }

    private static final Snapshot TWO = Snapshot.builder()
            .add(gateway("istio-system", "b", Map.of(), "gw.yaml", 12))
            .add(gateway("istio-system", "a", Map.of("gwctl.io/suppress", "KIA0301"), "gw.yaml", 1))
            .build();

    @Test
    void typedReportTakesCodeSeverityAliasesFromInfoAndLineFromSourceMap() {
        ValidationResult r = Validator.run(TWO, OPTS, List.of(everyGateway("GW9001", Severity.WARNING,
                List.of("IST9001"))));
        assertThat(r.findings()).containsExactly(
                new Finding("GW9001", Severity.WARNING, List.of("IST9001"), new ResourceRef("Gateway", "istio-system",
                        "a"), new Location("gw.yaml", 10, 7, "/spec/servers/0/hosts/0"), "host on a", "fix it"),
                new Finding("GW9001", Severity.WARNING, List.of("IST9001"), new ResourceRef("Gateway", "istio-system",
                        "b"), new Location("gw.yaml", 21, 7, "/spec/servers/0/hosts/0"), "host on b", "fix it"));
        assertThat(r.failed()).isFalse();
        assertThat(r.rules()).extracting(RuleInfo::code).containsExactly("GW9001");
    }

    @Test
    void crashingRuleBecomesGw0000AndOtherRulesStillRun() {
        Rule crash = new TestRule("GW9002", Severity.ERROR, List.of(), Set.of(), (ctx, out) -> {
            out.report(ctx.snapshot().gateways().get(0), "", "reported before the crash", "");
            Object o = null;
            o.hashCode();
        });
        ValidationResult r = Validator.run(TWO, OPTS, List.of(crash, everyGateway("GW9003", Severity.INFO,
                List.of())));
        assertThat(r.findings()).extracting(Finding::code)
                .containsExactly("GW0000", "GW9002", "GW9003", "GW9003");
        Finding internal = r.findings().get(0);
        assertThat(internal.severity()).isEqualTo(Severity.ERROR);
        assertThat(internal.resource()).isEqualTo(new ResourceRef("Rule", "", "GW9002"));
        assertThat(internal.location()).isEqualTo(Location.NONE);
        assertThat(internal.message()).startsWith("internal error in rule GW9002: NullPointerException")
                .contains(" at ValidatorTest").doesNotContain("\n");
        assertThat(r.failed()).isTrue();
        assertThat(r.rules()).extracting(RuleInfo::code).containsExactly("GW9002", "GW9003", "GW0000");
    }

    @Test
    void inputProblemsBecomeGw0001ErrorsOnTheirObjectOrFileAfterEverythingThatHides() {
        ValidateOptions hideAll = OPTS.withSuppressions(List.of(Suppression.parse("*"), Suppression.parse("GW0001")))
                .withSeverityOverrides(Map.of("GW0001", Severity.INFO, "invalid-input", Severity.INFO))
                .withDisabledRules(Set.of("GW0001")).withOutputThreshold(Severity.ERROR);
        ValidationResult checked = Validator.run(TWO, hideAll, List.of(everyGateway("GW9001", Severity.WARNING,
                List.of())));
        LoadProblem syntax = new LoadProblem(LoadProblem.Type.PARSE, "bad.yaml", 6, 1, "not YAML");
        LoadProblem invalid = new LoadProblem(LoadProblem.Type.INVALID, "gw.yaml", 30, 21, "port: expected an integer",
                null, new ResourceRef("Gateway", "istio-system", "c"));
        LoadProblem missing = new LoadProblem(LoadProblem.Type.NOT_FOUND, "nope.yaml", 0, 0, "no such file");

        ValidationResult r = Validator.withInputProblems(checked, List.of(missing, invalid, syntax, syntax));

        assertThat(checked.printed()).isEmpty();
        assertThat(checked.failed()).isFalse();
        assertThat(r.printed()).as("deduplicated, sorted, never hidden").containsExactly(
                new Finding("GW0001", Severity.ERROR, List.of(), new ResourceRef("File", "", "bad.yaml"),
                        new Location("bad.yaml", 6, 1, ""), "not YAML", ""),
                new Finding("GW0001", Severity.ERROR, List.of(), new ResourceRef("File", "", "nope.yaml"),
                        new Location("nope.yaml", 0, 0, ""), "no such file", ""),
                new Finding("GW0001", Severity.ERROR, List.of(), new ResourceRef("Gateway", "istio-system", "c"),
                        new Location("gw.yaml", 30, 21, ""), "port: expected an integer", ""));
        assertThat(r.findings()).hasSize(checked.findings().size() + 3);
        assertThat(r.suppressed()).isEqualTo(checked.suppressed()).isPositive();
        assertThat(r.failed()).isTrue();
        assertThat(r.rules()).extracting(RuleInfo::code).containsExactly("GW9001", "GW0001");
        assertThat(r.toReport(List.of(), 2).summary().errors()).isEqualTo(3);
        assertThat(Validator.withInputProblems(checked, List.of())).isSameAs(checked);
    }

    static Pod pod(String ns, String name, Map<String, String> labels) {
        return new Pod(new ObjectMeta(name, ns, labels, Map.of(), null), new Origin("pod.yaml", 0, 1, 1),
                SourceMap.empty(), List.of(new Container("istio-proxy", "proxyv2", List.of(), Map.of())));
    }

    private static final Snapshot TWO_WITH_WORKLOAD = Snapshot.builder().addAll(TWO.all())
            .add(pod("istio-system", "gw-1", Map.of("istio", "ingressgateway"))).build();

    @Test
    void ruleLackingContextKindsIsSkippedVisiblyOnce() {
        Rule needsSecrets = new TestRule("GW9004", Severity.ERROR, List.of(), Set.of(Kind.GATEWAY, Kind.SECRET),
                (ctx, out) -> { throw new AssertionError("must not run"); });
        Rule needsServices = new TestRule("GW9005", Severity.ERROR, List.of(), Set.of(Kind.SERVICE),
                (ctx, out) -> { throw new AssertionError("must not run"); });
        Rule needsGatewaysOnly = everyGateway("GW9006", Severity.ERROR, List.of());
        ValidationResult r = Validator.run(TWO_WITH_WORKLOAD, OPTS, List.of(needsSecrets, needsServices,
                needsGatewaysOnly));
        assertThat(r.notes()).as("the GW0002 findings say it; no note repeats them").isEmpty();
        List<Finding> skipped = r.findings().stream().filter(f -> f.code().equals("GW0002")).toList();
        assertThat(skipped).extracting(Finding::severity).containsOnly(Severity.INFO);
        assertThat(skipped).extracting(Finding::message).containsExactly(
                "check GW9004 test-gw9004 skipped: " + Validator.NO_SECRETS,
                "check GW9005 test-gw9005 skipped: no Services in the input");
        assertThat(skipped).extracting(f -> f.resource().friendlyName()).containsExactly("Rule GW9004", "Rule GW9005");
        assertThat(r.rules()).extracting(RuleInfo::code).containsExactly("GW9006", "GW0002");
    }

    @Test
    void rulesSkippedForTheSameReasonShareOneFinding() {
        Rule a = new TestRule("GW9004", Severity.ERROR, List.of(), Set.of(Kind.GATEWAY, Kind.SECRET),
                (ctx, out) -> { throw new AssertionError("must not run"); });
        Rule b = new TestRule("GW9007", Severity.WARNING, List.of(), Set.of(Kind.GATEWAY, Kind.SECRET),
                (ctx, out) -> { throw new AssertionError("must not run"); });
        ValidationResult r = Validator.run(TWO_WITH_WORKLOAD, OPTS, List.of(a, b));
        List<Finding> skipped = r.findings().stream().filter(f -> f.code().equals("GW0002")).toList();
        assertThat(skipped).extracting(Finding::message).containsExactly("checks GW9004, GW9007 skipped: "
                + Validator.NO_SECRETS);
        assertThat(skipped.get(0).hint()).contains("--require-secrets");
        assertThat(skipped).extracting(f -> f.resource().friendlyName()).containsExactly("Rule GW9004,GW9007");
    }

    @Test
    void requiredSecretsAreNeverMissingInput() {
        Rule a = everyGateway("GW9004", Severity.ERROR, List.of());
        Rule needsSecrets = new TestRule("GW9008", Severity.ERROR, List.of(), Set.of(Kind.GATEWAY, Kind.SECRET),
                (ctx, out) -> assertThat(ctx.snapshot().coverage().isComplete(Kind.SECRET)).isTrue());
        ValidationResult r = Validator.run(TWO_WITH_WORKLOAD, OPTS.withRequireSecrets(true), List.of(a, needsSecrets));
        assertThat(r.findings()).extracting(Finding::code).doesNotContain("GW0002", "GW0000");
        assertThat(r.rules()).extracting(RuleInfo::code).contains("GW9008");
    }

    @Test
    void ruleWithNothingToLookAtIsNotReportedAsSkipped() {
        Rule idle = new Rule() {
            @Override
            public RuleInfo info() {
                return new RuleInfo("GW9013", "test-gw9013", Severity.ERROR, "s", List.of(),
                        Set.of(Kind.GATEWAY, Kind.SECRET));
            }

            @Override
            public void check(RuleContext ctx, Reporter out) {
                throw new AssertionError("must not run: no Secrets");
            }

            @Override
            public boolean hasWork(RuleContext ctx) {
                return false;
            }
        };
        ValidationResult r = Validator.run(TWO_WITH_WORKLOAD, OPTS, List.of(idle));
        assertThat(r.findings()).isEmpty();
        assertThat(r.notes()).isEmpty();
        // The real credential rules: TWO has no server naming a credential, so nothing was skipped.
        assertThat(Validator.run(TWO_WITH_WORKLOAD, OPTS).findings()).extracting(Finding::message)
                .noneMatch(m -> m.startsWith("check GW010"));
    }

    @Test
    void noGatewaysNeverSkipsARule() {
        Snapshot empty = Snapshot.empty();
        assertThat(Validator.missingInput(new RuleInfo("GW9", "x", Severity.ERROR, "s", List.of(),
                Set.of(Kind.GATEWAY, Kind.VIRTUAL_SERVICE, Kind.DESTINATION_RULE)), empty,
                RuleContext.of(empty, OPTS))).isNull();
    }

    @Test
    void defaultIngressStandsInForMissingWorkloadsAndTheirServiceAndIsNoted() {
        List<String> seen = new java.util.ArrayList<>();
        Rule needsPlumbing = new TestRule("GW9012", Severity.ERROR, List.of(), Set.of(Kind.GATEWAY, Kind.POD,
                Kind.DEPLOYMENT, Kind.SERVICE), (ctx, out) -> {
                    seen.add(ctx.defaultIngressAssumed() + " " + ctx.gatewayWorkloads().size() + " "
                            + ctx.workloadsFor(ctx.snapshot().gateways().get(0)).size());
                });
        ValidationResult r = Validator.run(TWO, OPTS, List.of(needsPlumbing));
        assertThat(seen).containsExactly("true 1 1");
        assertThat(r.notes()).containsExactly("no gateway workload in the input: assumed Istio's default ingress "
                + "gateway istio-system/istio-ingressgateway (Service ports 15021, 80→8080, 443→8443)");
        assertThat(r.findings()).isEmpty();

        seen.clear();
        ValidationResult real = Validator.run(TWO_WITH_WORKLOAD, OPTS, List.of(needsPlumbing));
        assertThat(seen).isEmpty();
        assertThat(real.notes()).isEmpty();
        assertThat(real.findings()).extracting(Finding::message)
                .containsExactly("check GW9012 test-gw9012 skipped: no Services in the input");
    }

    @Test
    void workloadsForMatchesSelectorSubsetsAndAbsentSelectors() {
        Gateway open = new Gateway(ObjectMeta.of("open", "ns"), Origin.none("t"), SourceMap.empty(), null, List.of());
        Gateway narrow = new Gateway(ObjectMeta.of("narrow", "ns"), Origin.none("t"), SourceMap.empty(),
                Map.of("istio", "ingressgateway", "team", "a"), List.of());
        Gateway none = new Gateway(ObjectMeta.of("none", "ns"), Origin.none("t"), SourceMap.empty(),
                Map.of("istio", "nothing"), List.of());
        Snapshot s = Snapshot.builder().add(open).add(narrow).add(none)
                .add(pod("a", "p1", Map.of("istio", "ingressgateway", "team", "a")))
                .add(pod("b", "p2", Map.of("istio", "ingressgateway", "team", "b"))).build();
        RuleContext ctx = RuleContext.of(s, OPTS);
        assertThat(ctx.defaultIngressAssumed()).isFalse();
        assertThat(ctx.workloadsFor(open)).extracting(p -> p.name()).containsExactly("p1", "p2");
        assertThat(ctx.workloadsFor(narrow)).extracting(p -> p.name()).containsExactly("p1");
        assertThat(ctx.workloadsFor(none)).isEmpty();
        assertThat(ctx.view(ctx.workloadsFor(narrow).get(0))).isSameAs(ctx.view(ctx.gatewayWorkloads().get(0)));
    }

    @Test
    void suppressionsByOptionAndAnnotation() {
        Rule rule = everyGateway("GW9007", Severity.ERROR, List.of("KIA0301"));
        ValidationResult r = Validator.run(TWO, OPTS, List.of(rule));
        // Gateway a carries gwctl.io/suppress: KIA0301 (an alias of the rule).
        assertThat(r.findings()).extracting(f -> f.resource().name()).containsExactly("b");
        assertThat(r.suppressed()).isEqualTo(1);

        ValidationResult r2 = Validator.run(TWO, OPTS.withSuppressions(List.of(Suppression.parse(
                "GW9007=Gateway istio-system/b"))), List.of(rule));
        assertThat(r2.findings()).isEmpty();
        assertThat(r2.suppressed()).isEqualTo(2);
        assertThat(r2.failed()).isFalse();
    }

    @Test
    void istioAndKialiAnnotationsAreHonoured() {
        Snapshot s = Snapshot.builder()
                .add(gateway("ns", "galley", Map.of("galley.istio.io/analyze-suppress", "IST0001, IST9008"), "f", 1))
                .add(gateway("ns", "galley-all", Map.of("galley.istio.io/analyze-suppress", "*"), "f", 20))
                .add(gateway("ns", "kiali-empty", Map.of("kiali.io/ignore-validations", ""), "f", 40))
                .add(gateway("ns", "kiali-other", Map.of("kiali.io/ignore-validations", "KIA0101"), "f", 60))
                .add(gateway("ns", "gwctl-other", Map.of("gwctl.io/suppress", "GW9999"), "f", 80))
                .build();
        ValidationResult r = Validator.run(s, OPTS, List.of(everyGateway("GW9008", Severity.ERROR,
                List.of("IST9008", "KIA9008"))));
        assertThat(r.findings()).extracting(f -> f.resource().name()).containsExactly("gwctl-other", "kiali-other");
        assertThat(r.suppressed()).isEqualTo(3);
    }

    @Test
    void severityOverridesByCodeOrNameThenThresholds() {
        Rule rule = everyGateway("GW9009", Severity.ERROR, List.of());
        ValidationResult r = Validator.run(TWO, OPTS.withSeverityOverrides(Map.of("test-gw9009", Severity.WARNING)),
                List.of(rule));
        assertThat(r.findings()).extracting(Finding::severity).containsOnly(Severity.WARNING);
        assertThat(r.failed()).isFalse();

        ValidationResult hidden = Validator.run(TWO, OPTS.withSeverityOverrides(Map.of("GW9009", Severity.INFO))
                .withOutputThreshold(Severity.WARNING).withFailureThreshold(Severity.INFO), List.of(rule));
        assertThat(hidden.printed()).isEmpty();
        assertThat(hidden.findings()).hasSize(2);
        assertThat(hidden.failed()).as("hidden findings still count for failure").isTrue();

        ValidationReport report = hidden.toReport(List.of("gw.yaml"), 2);
        assertThat(report.findings()).isEmpty();
        assertThat(report.summary()).isEqualTo(new ValidationReport.Summary(0, 0, 0, 0, 2, 2));
        assertThat(report.inputs()).containsExactly("gw.yaml");
    }

    @Test
    void disabledRulesByCodeOrNameDoNotRun() {
        Rule boom = new TestRule("GW9010", Severity.ERROR, List.of(), Set.of(),
                (ctx, out) -> { throw new AssertionError("must not run"); });
        assertThat(Validator.run(TWO, OPTS.withDisabledRules(Set.of("gw9010")), List.of(boom)).findings()).isEmpty();
        assertThat(Validator.run(TWO, OPTS.withDisabledRules(Set.of("test-gw9010")), List.of(boom)).rules())
                .isEmpty();
    }

    @Test
    void identicalFindingsAreDedupedAndOrderIsSeverityCodeResource() {
        Gateway a = TWO.gateways().get(1);
        Gateway b = TWO.gateways().get(0);
        Rule twice = new TestRule("GW9011", Severity.WARNING, List.of(), Set.of(), (ctx, out) -> {
            out.report(b, "", "same", "");
            out.report(b, "", "same", "");
            out.report(a, "", Severity.INFO, "info", "");
            out.report(a, "", "same", "");
            out.report(b, "", Severity.ERROR, "err", "");
        });
        ValidationResult r = Validator.run(TWO, OPTS.withDisabledRules(Set.of()), List.of(twice));
        assertThat(r.findings()).extracting(f -> f.severity().label() + " " + f.resource().name() + " " + f.message())
                .containsExactly("Error b err", "Warning a same", "Warning b same", "Info a info");
        assertThat(r.printed()).isEqualTo(r.findings());
    }
}
