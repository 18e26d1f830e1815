package io.gwctl.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;

/**
 * Bytes into the Envoy config-dump reader (issue 9, fuzzing), through {@code proxy-config listener|route
 * --config-dump} in table and JSON form: no exception escapes, a dump that cannot be read is one line at
 * {@code FILE:LINE:COL}, the output is the same twice, and no Secret data (the marker in a private key of a
 * SecretsConfigDump of the corpus) is printed. The committed corpus is {@code testdata/fuzz/config-dump/}.
 */
class ConfigDumpFuzzTest {
    private static final String DUMP = "dump/config_dump.json";
    private static final String PRIVATE_KEY = "\"private_key\": {\"inline_string\": \"";
    private static final AtomicInteger RUNS = new AtomicInteger();

    @FuzzTest(maxDuration = "5m")
    void configDump(byte[] input) {
        RUNS.incrementAndGet();
        FileSystem fs = FuzzChecks.memoryFileSystem();
        FuzzChecks.write(fs, DUMP, input);
        for (String table : List.of("listener", "route")) {
            for (String format : List.of("short", "json")) {
                String what = "proxy-config " + table + " -o " + format;
                Gwctl.Result r = new Gwctl().fileSystem(fs).run("pc", table, "--config-dump", DUMP, "-o", format);
                FuzzChecks.cleanRun(r, List.of(DUMP), what, markerOnlyInPrivateKey(input));
                FuzzChecks.same(r, new Gwctl().fileSystem(fs).run("pc", table, "--config-dump", DUMP, "-o", format),
                        what + " gave another output the second time");
            }
        }
    }

    /**
     * Whether the marker's one occurrence is the value of an inline private key, as in the corpus: only then is
     * printing it a leak (a mutation may copy it anywhere, e.g. into a listener name, which is printed).
     */
    private static boolean markerOnlyInPrivateKey(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(FuzzChecks.MARKER);
        return at >= 0 && at == text.lastIndexOf(FuzzChecks.MARKER)
                && text.startsWith(PRIVATE_KEY, at - PRIVATE_KEY.length());
    }

    @AfterAll
    static void theCommittedCorpusRan() {
        FuzzChecks.corpusRan(ConfigDumpFuzzTest.class, "configDump", RUNS.get());
    }
}
