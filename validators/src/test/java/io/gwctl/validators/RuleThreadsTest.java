package io.gwctl.validators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gwctl.model.Kind;
import io.gwctl.model.Snapshot;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.load.LoadOptions;
import io.gwctl.model.load.LoadResult;
import io.gwctl.model.load.ManifestLoader;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.GatewayView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rules run on several threads; what they report must not depend on it. */
class RuleThreadsTest {
    private static final ValidateOptions OPTS = ValidateOptions.defaults().withNow(RuleFixtures.DEFAULT_NOW);

    /** Every rule fixture directory and every example, each validated on one thread and on four. */
    @Test
    void findingsAreTheSameOnOneThreadAndOnFour() throws IOException {
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(RuleFixtures.rulesDir())) {
            dirs.filter(Files::isDirectory).sorted().forEach(inputs::add);
        }
        inputs.add(RuleFixtures.root().resolve("testdata/examples"));
        assertThat(inputs).hasSizeGreaterThan(50);
        int compared = 0;
        for (Path in : inputs) {
            LoadResult r = new ManifestLoader(LoadOptions.defaults()).load(List.of(in.toString()));
            ValidationResult one = Validator.run(r.snapshot(), OPTS, RuleRegistry.all(), 1);
            for (int round = 0; round < 3; round++) {
                ValidationResult four = Validator.run(r.snapshot(), OPTS, RuleRegistry.all(), 4);
                assertThat(four.findings()).as(in.toString()).containsExactlyElementsOf(one.findings());
                assertThat(four.notes()).isEqualTo(one.notes());
                assertThat(four.rules()).isEqualTo(one.rules());
                compared += one.findings().size();
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    /** Rules asking for the same workload's translation at once get one translation, made once. */
    @Test
    void aTranslationAskedForByTwoRulesAtOnceIsMadeOnce() throws IOException {
        LoadResult r = new ManifestLoader(LoadOptions.defaults())
                .load(List.of(RuleFixtures.root().resolve("testdata/examples").toString()));
        RuleContext ctx = RuleContext.of(r.snapshot(), OPTS);
        GatewayProxy p = ctx.gatewayWorkloads().get(0);
        CountDownLatch start = new CountDownLatch(1);
        List<GatewayView> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                seen.add(ctx.view(p));
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(seen).hasSize(4);
        assertThat(seen).allSatisfy(v -> assertThat(v).isSameAs(seen.get(0)));
        assertThat(ctx.merged(p)).isSameAs(seen.get(0).merged());
    }

    /** A crashing rule is GW0000 whichever thread ran it; the others' findings stay in rule order. */
    @Test
    void aCrashOnAnotherThreadIsStillOneFindingAndTheOrderIsTheRules() {
        AtomicInteger ran = new AtomicInteger();
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String code = String.format("GW9%03d", i);
            boolean crash = i == 5;
            rules.add(new ValidatorTest.TestRule(code, Severity.WARNING, List.of(), Set.of(Kind.GATEWAY),
                    (ctx, out) -> {
                        ran.incrementAndGet();
                        if (crash) {
                            throw new IllegalStateException("boom");
                        }
                    }));
        }
        List<Validator.RuleRun> runs = Validator.RuleRuns.run(rules, RuleContext.of(Snapshot.builder().build(), OPTS),
                4);
        assertThat(ran).hasValue(12);
        assertThat(runs).extracting(run -> run.info().code()).containsExactlyElementsOf(
                rules.stream().map(x -> x.info().code()).toList());
        assertThat(runs.get(5).crash()).hasMessage("boom");
        assertThat(runs).filteredOn(run -> run.crash() != null).hasSize(1);
    }

    /** An Error such as running out of memory ends the run instead of becoming a finding. */
    @Test
    void anErrorOnAHelperThreadEndsTheRun() {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rules.add(new ValidatorTest.TestRule(String.format("GW9%03d", i), Severity.WARNING, List.of(),
                    Set.of(Kind.GATEWAY), (ctx, out) -> {
                        throw new OutOfMemoryError("test");
                    }));
        }
        assertThatThrownBy(() -> Validator.RuleRuns.run(rules, RuleContext.of(Snapshot.builder().build(), OPTS), 4))
                .isInstanceOf(OutOfMemoryError.class);
    }
}
