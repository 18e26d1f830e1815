package io.gwctl.validators;

import io.gwctl.model.Snapshot;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.load.LoadOptions;
import io.gwctl.model.load.LoadResult;
import io.gwctl.model.load.ManifestLoader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark driver for {@code bench/bench-validate.sh} (never run by the unit tests): loads a corpus directory,
 * runs the validator, and prints wall times, findings per code and, with {@code --per-rule}, each rule's time when
 * run alone (its own context, so a rule's share of the translation shows up in its own time).
 */
public final class BenchValidate {
    private BenchValidate() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: BenchValidate DIR [--per-rule]");
            System.exit(64);
        }
        boolean perRule = List.of(args).contains("--per-rule");
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        LoadResult loaded = new ManifestLoader(LoadOptions.defaults()).load(List.of(args[0]));
        long t1 = System.nanoTime();
        Snapshot s = loaded.snapshot();
        ValidateOptions options = ValidateOptions.defaults();
        long c1 = mx.getCurrentThreadCpuTime();
        ValidationResult r = Validator.run(s, options);
        long t2 = System.nanoTime();
        long c2 = mx.getCurrentThreadCpuTime();
        Map<String, Integer> byCode = new TreeMap<>();
        for (Finding f : r.findings()) {
            byCode.merge(f.code() + " " + f.severity().label(), 1, Integer::sum);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("resources %d, load problems %d%n", s.size(), loaded.problems().size());
        System.out.printf("load %.2f s, validate %.2f s (cpu %.2f s), heap used %d MB%n", (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, (c2 - c1) / 1e9, (rt.totalMemory() - rt.freeMemory()) >> 20);
        byCode.forEach((k, v) -> System.out.printf("  %-16s %6d%n", k, v));
        r.notes().forEach(n -> System.out.println("  note: " + n));
        if (perRule) {
            long ct = mx.getCurrentThreadCpuTime();
            RuleContext ctx = RuleContext.of(s, options);
            int proxies = 0;
            for (io.gwctl.model.translate.GatewayProxy p : ctx.gatewayWorkloads()) {
                ctx.merged(p);
                proxies++;
            }
            System.out.printf("  merge the Gateways of %d gateway workloads: cpu %.3f s%n", proxies,
                    (mx.getCurrentThreadCpuTime() - ct) / 1e9);
            for (Rule rule : RuleRegistry.all()) {
                long a = System.nanoTime();
                long ca = mx.getCurrentThreadCpuTime();
                ValidationResult one = Validator.run(s, options, List.of(rule));
                System.out.printf("  %s %-28s %7.3f s (cpu %6.3f s) %6d findings%n", rule.info().code(),
                        rule.info().name(), (System.nanoTime() - a) / 1e9, (mx.getCurrentThreadCpuTime() - ca) / 1e9,
                        one.findings().size());
            }
        }
    }
}
