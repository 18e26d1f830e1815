package io.gwctl.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gwctl.model.Resource;
import io.gwctl.model.load.LoadOptions;
import io.gwctl.model.load.LoadProblem;
import io.gwctl.model.load.LoadResult;
import io.gwctl.model.load.ManifestLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;

/**
 * Bytes into the loader (issue 9, fuzzing): any file, however broken, is read without an exception, each problem
 * one line at {@code FILE:LINE:COL}, the same way every time and whatever the order of the files, and leaves what
 * is read from an untouched file beside it exactly as it is read alone. In {@code mvn verify} the committed
 * corpus {@code testdata/fuzz/loader/} runs (see the cli pom); {@code bench/fuzz.sh loader MINUTES} fuzzes.
 */
class LoaderFuzzTest {
    /** The file beside the fuzzed one: a Gateway, a VirtualService and a Secret whose data carries the marker. */
    static final String UNTOUCHED = "untouched/gateway.yaml";
    static final byte[] UNTOUCHED_TEXT = (Fixtures.GATEWAY_HTTPS + "---\n" + Fixtures.VS_TEST_ISTIO + "---\n"
            + """
            apiVersion: v1
            kind: Secret
            metadata:
              name: test-cert
              namespace: istio-system
            type: kubernetes.io/tls
            stringData:
              tls.crt: "%s"
              tls.key: "%s"
            """.formatted(FuzzChecks.MARKER, FuzzChecks.MARKER)).getBytes(StandardCharsets.UTF_8);

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final List<String> UNTOUCHED_ALONE = untouchedAlone();

    @FuzzTest(maxDuration = "5m")
    void loader(byte[] input) {
        RUNS.incrementAndGet();
        // A file whose first character opens a JSON value is read as .json (the JSON parser), else as YAML.
        String text = new String(input, StandardCharsets.ISO_8859_1).stripLeading();
        String name = text.startsWith("{") || text.startsWith("[") ? "fuzzed/input.json" : "fuzzed/input.yaml";
        FileSystem fs = FuzzChecks.memoryFileSystem();
        FuzzChecks.write(fs, name, input);
        FuzzChecks.write(fs, UNTOUCHED, UNTOUCHED_TEXT);

        LoadResult alone = load(fs, name);
        FuzzChecks.oneLocatedLine(alone.problems());
        FuzzChecks.same(describe(alone, null), describe(load(fs, name), null),
                "loading the same bytes twice gave another result");

        LoadResult untouchedFirst = load(fs, UNTOUCHED, name);
        LoadResult fuzzedFirst = load(fs, name, UNTOUCHED);
        FuzzChecks.same(describe(untouchedFirst, null).stream().sorted().toList(),
                describe(fuzzedFirst, null).stream().sorted().toList(),
                "the files' problems and resources depend on the order the files are named in");
        // The loader reads each file on its own (no check across files happens here), so everything read from the
        // untouched file, problems and resources, in order, must be what it is when that file is read alone.
        FuzzChecks.same(UNTOUCHED_ALONE, describe(untouchedFirst, UNTOUCHED),
                "what is read from an untouched file changed when a broken file was read beside it");
        // The untouched file's Secret carries the marker under stringData: no problem may print it. (When the
        // fuzzer has put the marker into its own bytes, anywhere, printing it is no leak: not checked then.)
        if (!text.contains(FuzzChecks.MARKER)) {
            for (LoadProblem p : fuzzedFirst.problems()) {
                FuzzChecks.noMarker(p.format(), "load problem");
            }
        }
    }

    @AfterAll
    static void theCommittedCorpusRan() {
        FuzzChecks.corpusRan(LoaderFuzzTest.class, "loader", RUNS.get());
    }

    private static List<String> untouchedAlone() {
        FileSystem fs = FuzzChecks.memoryFileSystem();
        FuzzChecks.write(fs, UNTOUCHED, UNTOUCHED_TEXT);
        return describe(load(fs, UNTOUCHED), UNTOUCHED);
    }

    private static LoadResult load(FileSystem fs, String... paths) {
        return new ManifestLoader(LoadOptions.defaults().withFileSystem(fs)).load(List.of(paths));
    }

    /** The problems then the resources of a load, one line each, optionally only those of one file. */
    private static List<String> describe(LoadResult r, String onlyFile) {
        List<String> out = new ArrayList<>();
        for (LoadProblem p : r.problems()) {
            if (onlyFile == null || p.file().equals(onlyFile)) {
                out.add(p.toString());
            }
        }
        for (Resource res : r.snapshot().all()) {
            if (onlyFile == null || res.origin().file().equals(onlyFile)) {
                out.add(res.ref() + " " + res.origin() + " " + res.metadata());
            }
        }
        return out;
    }
}
