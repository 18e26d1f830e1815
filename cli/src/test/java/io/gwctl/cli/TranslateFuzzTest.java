package io.gwctl.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;

/**
 * Structure-aware fuzzing of the translator and the rules (issue 9, fuzzing): {@link ManifestGenerator} turns the
 * fuzzer's bytes into Gateways, VirtualServices, Services and Secrets over three files, and {@code validate} (in a
 * format the fuzzer picks) and {@code proxy-config listener|route} run over them beside an untouched file. Checked:
 * no exception escapes, every problem is one line at {@code FILE:LINE:COL}, no Secret data in any output, the same
 * output twice, the same output whatever the order of the files and of the documents in them, and the findings of
 * the untouched file are those it has alone.
 *
 * <p>The untouched file is a configuration of its own, in namespace {@code untouched}: its gateway workload has
 * labels no generated Gateway selects, its Gateway is bound only by its own VirtualService, and nothing generated
 * lives in or refers to that namespace. So no finding about it may legitimately depend on the other files (a host
 * and port conflict, for instance, needs two Gateways on one workload); the findings located in it (the lines of
 * the text output that name it) must be exactly those it has alone, whatever is broken beside it.
 */
class TranslateFuzzTest {
    static final String UNTOUCHED = "untouched/gateway.yaml";
    private static final String UNTOUCHED_TEXT = String.join("---\n",
            Fixtures.deployment("untouched-gw", "untouched").replace("istio: ingressgateway", "gwctl-fuzz: untouched")
                    .replace("app: istio-ingressgateway", "app: untouched-gw"),
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: untouched-gw
              namespace: untouched
            spec:
              selector:
                gwctl-fuzz: untouched
              ports:
              - name: http
                port: 80
                targetPort: 8080
            """,
            """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: gw
              namespace: untouched
            spec:
              selector:
                gwctl-fuzz: untouched
              servers:
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: [untouched.example.org]
            """,
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: untouched
            spec:
              selector: {app: web}
              ports:
              - {name: http, port: 80}
            """,
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: web
              namespace: untouched
            spec:
              hosts: [untouched.example.org]
              gateways: [gw]
              http:
              - match:
                - uri: {prefix: /}
                route:
                - destination: {host: web, port: {number: 80}}
              - route:
                - destination: {host: missing, port: {number: 81}}
            """,
            // Bound to a Gateway that does not exist: a finding located in this file (GW0401).
            Fixtures.ORPHAN_VS.replace("namespace: default", "namespace: untouched"));
    private static final String[] FORMATS = {"text", "json", "yaml", "sarif", "junit", "github"};
    private static final Pattern FUZZED_LOCATION = Pattern.compile("(fuzzed/[a-z]+\\.yaml):[0-9]+(:[0-9]+)?");
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static List<String> untouchedAlone;

    @FuzzTest(maxDuration = "5m")
    void translate(FuzzedDataProvider data) {
        RUNS.incrementAndGet();
        ManifestGenerator gen = new ManifestGenerator(data);
        List<String> docs = gen.documents();
        List<String> secrets = gen.secrets();
        String format = data.pickValue(FORMATS);
        // Documents go to file a or b as the fuzzer says; Secrets to a file of their own.
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (String d : docs) {
            (data.consumeBoolean() ? a : b).add(d);
        }
        List<String> files = List.of(UNTOUCHED, "fuzzed/a.yaml", "fuzzed/b.yaml", "fuzzed/secrets.yaml");
        FileSystem inOrder = fileSystem(a, b, secrets, false);
        // The other order: files named in reverse, and (when the YAML is well-formed, so no document's breakage
        // can swallow the next one) the documents of each file reversed too.
        FileSystem reversed = fileSystem(a, b, secrets, !gen.raw);
        List<String> reversedFiles = new ArrayList<>(files);
        Collections.reverse(reversedFiles);

        Gwctl.Result chosen = run(inOrder, "validate", files, "-o", format);
        FuzzChecks.cleanRun(chosen, files, "validate -o " + format);
        FuzzChecks.same(chosen, run(inOrder, "validate", files, "-o", format),
                "validate -o " + format + " gave another output the second time");

        Gwctl.Result text = run(inOrder, "validate", files);
        FuzzChecks.cleanRun(text, files, "validate");
        FuzzChecks.same(sortedWithoutFuzzedLines(text), sortedWithoutFuzzedLines(run(reversed, "validate",
                reversedFiles)), "validate's findings depend on the order of the files or documents");
        FuzzChecks.same(untouchedAlone(), linesNaming(text.out(), UNTOUCHED),
                "the findings of an untouched file changed when other files were beside it");

        for (String table : List.of("listener", "route")) {
            Gwctl.Result pc = run(inOrder, "proxy-config " + table, files);
            FuzzChecks.cleanRun(pc, files, "proxy-config " + table);
            Gwctl.Result other = run(reversed, "proxy-config " + table, reversedFiles);
            FuzzChecks.same("exit " + pc.exitCode() + "\n" + pc.out(), "exit " + other.exitCode() + "\n" + other.out(),
                    "proxy-config " + table + " depends on the order of the files or documents");
        }
    }

    @AfterAll
    static void theCommittedCorpusRan() {
        FuzzChecks.corpusRan(TranslateFuzzTest.class, "translate", RUNS.get());
    }

    private static FileSystem fileSystem(List<String> a, List<String> b, List<String> secrets, boolean reverseDocs) {
        FileSystem fs = FuzzChecks.memoryFileSystem();
        FuzzChecks.write(fs, UNTOUCHED, UNTOUCHED_TEXT.getBytes(StandardCharsets.UTF_8));
        FuzzChecks.write(fs, "fuzzed/a.yaml", yaml(a, reverseDocs));
        FuzzChecks.write(fs, "fuzzed/b.yaml", yaml(b, reverseDocs));
        FuzzChecks.write(fs, "fuzzed/secrets.yaml", yaml(secrets, reverseDocs));
        return fs;
    }

    private static byte[] yaml(List<String> docs, boolean reverse) {
        List<String> d = new ArrayList<>(docs);
        if (reverse) {
            Collections.reverse(d);
        }
        return String.join("---\n", d).getBytes(StandardCharsets.UTF_8);
    }

    private static Gwctl.Result run(FileSystem fs, String command, List<String> files, String... more) {
        List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
        for (String f : files) {
            args.add("-f");
            args.add(f);
        }
        args.addAll(List.of(more));
        return new Gwctl().fileSystem(fs).run(args.toArray(String[]::new));
    }

    /** Exit code, stderr and stdout lines, sorted, with the lines and columns in generated files left out. */
    private static String sortedWithoutFuzzedLines(Gwctl.Result r) {
        String all = FUZZED_LOCATION.matcher(r.err() + r.out()).replaceAll("$1:L");
        return "exit " + r.exitCode() + "\n" + all.lines().sorted().collect(Collectors.joining("\n"));
    }

    private static List<String> linesNaming(String output, String file) {
        return output.lines().filter(l -> l.contains(file)).toList();
    }

    private static synchronized List<String> untouchedAlone() {
        if (untouchedAlone == null) {
            FileSystem fs = FuzzChecks.memoryFileSystem();
            FuzzChecks.write(fs, UNTOUCHED, UNTOUCHED_TEXT.getBytes(StandardCharsets.UTF_8));
            Gwctl.Result r = run(fs, "validate", List.of(UNTOUCHED));
            List<String> lines = linesNaming(r.out(), UNTOUCHED);
            if (lines.isEmpty()) {
                throw new AssertionError("the untouched file has no finding of its own to compare:\n" + r);
            }
            untouchedAlone = lines;
        }
        return untouchedAlone;
    }
}
