package io.gwctl.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gwctl.model.load.LoadOptions;
import io.gwctl.model.load.LoadResult;
import io.gwctl.model.load.ManifestLoader;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.GatewayTranslator;
import io.gwctl.model.translate.GatewayView;
import io.gwctl.model.translate.GatewayWorkloads;
import io.gwctl.model.translate.WorkloadException;
import io.gwctl.renderers.findings.FindingsFormat;
import io.gwctl.renderers.findings.RenderOptions;
import io.gwctl.renderers.table.ListenerFilter;
import io.gwctl.renderers.table.ListenerTableRenderer;
import io.gwctl.renderers.table.RouteFilter;
import io.gwctl.renderers.table.RouteTableRenderer;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.ValidationResult;
import io.gwctl.validators.Validator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
 * fuzzer's bytes into Gateways, VirtualServices, Services and Secrets over three files, beside an untouched file;
 * {@code validate} (in a format the fuzzer picks) and {@code proxy-config listener|route} run over them through the
 * CLI, and the same computations (loader, {@link Validator#run}, translator, text and table renderers) through the
 * library for the comparisons, which is several times cheaper. Checked: no exception escapes, every problem is one
 * line at {@code FILE:LINE:COL}, no Secret data in any output, the same output twice, the same output whatever the
 * order of the files and of the documents in them, and the findings of the untouched file are those it has alone.
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
        FileSystem reversed = fileSystem(a, b, secrets, !gen.raw && !gen.brokenSecret);
        List<String> reversedFiles = new ArrayList<>(files);
        Collections.reverse(reversedFiles);

        // Through the CLI once per command, in a format and for a table the fuzzer picks: what a user sees.
        String table = data.pickValue(new String[] {"listener", "route"});
        // The marker is only ever under a Secret's data (ManifestGenerator), so printing it is always a leak.
        String input = String.join("\n", docs) + String.join("\n", secrets);
        FuzzChecks.cleanRun(run(inOrder, "validate", files, "-o", format), files, "validate -o " + format, input,
                true);
        FuzzChecks.cleanRun(run(inOrder, "proxy-config " + table, files), files, "proxy-config " + table, input,
                true);

        // Through the library (a CLI run costs several times more), for the comparisons.
        String text = validateText(inOrder, files);
        FuzzChecks.noMarker(text, "validate");
        FuzzChecks.same(sortedWithoutFuzzedLines(text), sortedWithoutFuzzedLines(validateText(reversed, reversedFiles)),
                "validate's findings depend on the order of the files or documents");
        FuzzChecks.same(untouchedAlone(), linesNaming(text, UNTOUCHED),
                "the findings of an untouched file changed when other files were beside it");
        String tables = tables(inOrder, files);
        FuzzChecks.noMarker(tables, "proxy-config");
        FuzzChecks.same(tables, tables(inOrder, files), "proxy-config gave other tables the second time");
        FuzzChecks.same(tables, tables(reversed, reversedFiles),
                "proxy-config depends on the order of the files or documents");
    }

    /** What {@code validate} prints: the load problems, then the findings as text. */
    private static String validateText(FileSystem fs, List<String> files) {
        LoadResult r = new ManifestLoader(LoadOptions.defaults().withFileSystem(fs)).load(files);
        FuzzChecks.oneLocatedLine(r.problems());
        StringWriter out = new StringWriter();
        r.problems().forEach(p -> out.write("gwctl: " + p.format() + "\n"));
        ValidationResult v = Validator.run(r.snapshot(), ValidateOptions.defaults());
        try {
            FindingsFormat.TEXT.renderer().render(v.toReport(files, r.snapshot().size()), RenderOptions.plain(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** What {@code proxy-config listener -v} and {@code route -v} print for the default gateway workload. */
    private static String tables(FileSystem fs, List<String> files) {
        LoadResult r = new ManifestLoader(LoadOptions.defaults().withFileSystem(fs)).load(files);
        StringWriter out = new StringWriter();
        try {
            GatewayProxy proxy = GatewayWorkloads.resolve(r.snapshot(), null, null, null);
            GatewayView view = GatewayTranslator.translate(r.snapshot(), proxy);
            ListenerTableRenderer.render(view.listeners(), ListenerFilter.ALL, true, false, out);
            RouteTableRenderer.render(view.routeConfigs(), RouteFilter.ALL, true, false, out);
        } catch (WorkloadException e) {
            out.write(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
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

    /** The lines, sorted, with the lines and columns in generated files left out. */
    private static String sortedWithoutFuzzedLines(String output) {
        return FUZZED_LOCATION.matcher(output).replaceAll("$1:L").lines().sorted().collect(Collectors.joining("\n"));
    }

    private static List<String> linesNaming(String output, String file) {
        return output.lines().filter(l -> l.contains(file)).toList();
    }

    private static synchronized List<String> untouchedAlone() {
        if (untouchedAlone == null) {
            FileSystem fs = FuzzChecks.memoryFileSystem();
            FuzzChecks.write(fs, UNTOUCHED, UNTOUCHED_TEXT.getBytes(StandardCharsets.UTF_8));
            String text = validateText(fs, List.of(UNTOUCHED));
            List<String> lines = linesNaming(text, UNTOUCHED);
            if (lines.isEmpty()) {
                throw new AssertionError("the untouched file has no finding of its own to compare:\n" + text);
            }
            untouchedAlone = lines;
        }
        return untouchedAlone;
    }
}
