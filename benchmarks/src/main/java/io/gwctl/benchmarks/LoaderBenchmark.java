package io.gwctl.benchmarks;

import io.gwctl.model.load.LoadResult;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The loader on a whole corpus: reading, parsing with positions, mapping every document to records. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoaderBenchmark {
    @Param("testdata/examples")
    public String corpus;

    private Path dir;

    @Setup
    public void setUp() {
        dir = Corpus.dir(corpus);
    }

    @Benchmark
    public LoadResult load() {
        return Corpus.load(dir);
    }
}
