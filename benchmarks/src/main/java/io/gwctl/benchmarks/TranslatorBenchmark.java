package io.gwctl.benchmarks;

import io.gwctl.model.Snapshot;
import io.gwctl.model.kube.Workload;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.GatewayTranslator;
import io.gwctl.model.translate.GatewayWorkloads;
import java.util.ArrayList;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The translator on a loaded corpus: finding the gateway workloads and their Service targets, then merging the
 * Gateways and building the listeners and routes of every workload (what {@code pc listener}/{@code pc route} do for
 * each).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TranslatorBenchmark {
    @Param("testdata/examples")
    public String corpus;

    private Snapshot snapshot;
    private List<GatewayProxy> proxies;

    @Setup
    public void setUp() {
        snapshot = Corpus.snapshot(corpus);
        proxies = workloads();
    }

    private List<GatewayProxy> workloads() {
        List<GatewayProxy> out = new ArrayList<>();
        for (Workload w : GatewayWorkloads.find(snapshot)) {
            out.add(GatewayWorkloads.proxyFor(snapshot, w));
        }
        return out;
    }

    /** Which pods are gateways, and the Services that select each. */
    @Benchmark
    public List<GatewayProxy> findWorkloads() {
        return workloads();
    }

    /** Listeners and routes of every gateway workload. */
    @Benchmark
    public void translateAll(Blackhole bh) {
        for (GatewayProxy p : proxies) {
            bh.consume(GatewayTranslator.translate(snapshot, p));
        }
    }
}
