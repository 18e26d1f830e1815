package io.gwctl.benchmarks;

import io.gwctl.model.Snapshot;
import io.gwctl.model.load.LoadOptions;
import io.gwctl.model.load.LoadResult;
import io.gwctl.model.load.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The input of a benchmark: a directory named by the {@code corpus} parameter, loaded as gwctl loads it. */
final class Corpus {
    private Corpus() {
    }

    /** The directory, checked: a missing corpus fails the benchmark at set-up with one line, not a stack of nulls. */
    static Path dir(String corpus) {
        Path p = Path.of(corpus);
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("corpus " + corpus + " is not a directory: generate one with "
                    + "python3 ../shared/bench/gen_corpus.py N DIR and pass -p corpus=DIR");
        }
        return p;
    }

    static LoadResult load(Path dir) {
        return new ManifestLoader(LoadOptions.defaults()).load(List.of(dir.toString()));
    }

    static Snapshot snapshot(String corpus) {
        LoadResult r = load(dir(corpus));
        if (r.snapshot().gateways().isEmpty()) {
            throw new IllegalArgumentException("corpus " + corpus + " holds no Gateway");
        }
        return r.snapshot();
    }
}
