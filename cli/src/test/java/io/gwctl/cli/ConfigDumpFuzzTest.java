package io.gwctl.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gwctl.model.envoy.ConfigDumpException;
import io.gwctl.model.envoy.ConfigDumpReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;

/**
 * Bytes into the Envoy config-dump reader (issue 9, fuzzing), through {@code proxy-config listener|route
 * --config-dump} in table or JSON form: no exception escapes, a dump that cannot be read is one line at
 * {@code FILE:LINE:COL}, the reader's result is the same twice, and no Secret data (the marker in a private key of
 * a SecretsConfigDump of the corpus) is printed. The committed corpus is {@code testdata/fuzz/config-dump/}.
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
        // One command per input (the fuzzer's last byte picks it): a run of the CLI costs more than the reading.
        int pick = input.length == 0 ? 0 : input[input.length - 1] & 3;
        String table = (pick & 1) == 0 ? "listener" : "route";
        String format = (pick & 2) == 0 ? "short" : "json";
        Gwctl.Result r = new Gwctl().fileSystem(fs).run("pc", table, "--config-dump", DUMP, "-o", format);
        FuzzChecks.cleanRun(r, List.of(DUMP), "proxy-config " + table + " -o " + format,
                new String(input, StandardCharsets.ISO_8859_1), markerOnlyInPrivateKey(input));
        // What the reader makes of the bytes, and so every table and JSON rendered from it, is the same twice.
        FuzzChecks.same(read(input), read(input), "the config dump reads differently the second time");
    }

    /** The dump's records, or the one-line problem, as text. */
    private static String read(byte[] input) {
        try {
            return ConfigDumpReader.read(new ByteArrayInputStream(input), DUMP).toString();
        } catch (ConfigDumpException e) {
            return e.getMessage();
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
