package io.gwctl.benchmarks;

import io.gwctl.model.Snapshot;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleRegistry;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.ValidationResult;
import io.gwctl.validators.Validator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The rules on a loaded corpus: all of them as {@code validate} runs them, and one rule alone (its own context, so
 * its share of the translation counts in its time). The default rules are the heaviest at N=10,000 by
 * {@code bench/bench-validate.sh --per-rule}: GW0301 (duplicate host:port, merges every workload), GW0403
 * (VirtualService hosts not on their Gateways, the 0.76 s C2 compile) and GW0706 (unreachable routes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RulesBenchmark {
    @Param("testdata/examples")
    public String corpus;

    @Param({"GW0301", "GW0403", "GW0706"})
    public String rule;

    private Snapshot snapshot;
    private List<Rule> one;

    @Setup
    public void setUp() {
        snapshot = Corpus.snapshot(corpus);
        one = RuleRegistry.all().stream().filter(r -> r.info().code().equals(rule)).toList();
        if (one.isEmpty()) {
            throw new IllegalArgumentException("no rule " + rule + " (gwctl validate --list-rules)");
        }
    }

    @Benchmark
    public ValidationResult oneRule() {
        return Validator.run(snapshot, ValidateOptions.defaults(), one);
    }

    @Benchmark
    public ValidationResult allRules() {
        return Validator.run(snapshot, ValidateOptions.defaults());
    }
}
