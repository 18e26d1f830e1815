package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast path ({@link BlockYamlReader}) against the full parser (SnakeYAML through {@link ScalarYamlFactory} and
 * {@link TreeBuilder}): for every file, the same documents with the same indexes, trees (node types and key order
 * included), positions, start lines and problems, whether the fast path read a document or handed it over.
 */
class FastPathDifferentialTest {
    private static final Path SHARED = Path.of(System.getProperty("gwctl.shared.dir", "../shared"));
    private static final Path TESTDATA = Path.of("../testdata");

    /** Documents made to trip a scanner: each is compared, and the ones marked read must not fall back. */
    private static final List<String> TRICKY = List.of(
            "'quoted key': 1\n\"double key\": 2\n\"k: v\": 3\n'a # b': 4\n",
            "key: 'it''s'\nother: ''''\nempty: ''\n",
            "e: \"\\u00e9\\x41\\U0001F600\\t\\n\\\\\\\"\\0\\a\\b\\v\\f\\r\\e\\ \\N\\_\\L\\P\"\n",
            "- - nested\n  - more\n- - x\n-   - deep\n    - er\n",
            "- key: v\n  more: w\n  list:\n  - a\n  - b\n- key: x\n",
            "a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: \"\"\ng:\n",
            "hex: 0x1F\noct: 0755\nbin: 0b101\nsep: 1_000\nsexa: 1:30\nexp: 1e3\nf: 1.5\nneg: -7\nz: 0\n",
            "inf: .inf\nninf: -.Inf\nnan: .NaN\nplus: +12\n",
            "y: yes\nn: no\non: on\noff: off\nY: Y\nt: True\nf: FALSE\nyes: y\n",
            "big: 123456789012345678901234567890\nlong: 123456789012\nint: 2147483647\nover: 2147483648\n",
            "trailing: value   \nafter: x  # comment  \n",
            "a: 1\r\nb:\r\n  - x\r\n  - 'y'\r\nc: |\r\n  line\r\n  two\r\n",
            "\uFEFFa: 1\nb: 2\n",
            "a: value # comment\nb: 'x' # c\nc: \"y\"   # c\n",
            "a: '#not comment'\nb: \"# nor this\"\nc: x#y\nd: x #y\n",
            "'key: with colon': 1\n\"also: this\": 2\n",
            "# only comments\n# here\n",
            "---\n# only comments\n---\na: 1\n---\n---\nb: 2\n",
            "a: 1\n---\n\n---\n# c\n---\nb: 2\n---\n",
            "--- # comment\na: 1\n--- \nb: 2\n",
            "lit: |\n  a\n   b\n\n  c\nfold: >\n  a\n  b\n\n  c\n   d\n  e\nkeep: |+\n  a\n\nstrip: |-\n  a\n\nlast: x\n",
            "ind: |2\n   a\n  b\nind2: >-\n\n  x\n  y\n",
            "list:\n- |\n  text\n- >\n  folded\n  text\n- x\n",
            "k: |\n  a\n\n\n",
            "k: >+\n  a\n\n",
            "emptyDir: {}\nargs: []\nitems:\n- {}\n- []\n",
            "url: http://a.b/c?d=e#f\ncolon: a:b\nq: a?b\ndash: -x\nneg: -1\n",
            "é: ü\nkey😀: v😀\n\"ké\": 'vé'\n",
            "t: 15s\np: /api/v1\nip: 10.0.0.1\nv: 1.2.3\nd: 2020-01-01\nts: 2001-12-14t21:59:43.10-05:00\nx: -x\n"
                    + "h: 0xfg\no: 0o17\ns: 1_0:5\nproto: TCP\ntls: TLS\nOn: ON\nn: No\nnu: NULL\nc: $x\nw: 1e\n"
                    + "e: =\nm: <<x\nt2: ~x\npct: 100%\nsp: 1 2\nu: _1\n",
            "a:\n  b:\n    c:\n      d: 1\n  e: 2\nf: 3\n",
            "  indented: 1\n  root: 2\n",
            "- a\n- b\n",
            "metadata:\n  labels:\n  annotations:\n  name: x\n",
            "a: 1\n...\n",
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "a: {x: 1}\n",
            "a: [1, 2]\n",
            "a: multi\n  line\n",
            "a: 'multi\n  line'\n",
            "a:\tb\n",
            "dup: 1\ndup: 2\n",
            "<<: {a: 1}\n",
            "? a\n: b\n",
            "%YAML 1.1\n---\na: 1\n",
            "a: b: c\n",
            "a: 1\n b: 2\n",
            "a:\n  - x\n  y: 1\n",
            "a: \"unterminated\n",
            "a: 1\n--- !tag\nb: 2\n---\nc: 3\n",
            "a: 1\n---\n- x\n y\n---\nc: 3\n",
            "ctrl: \"\u0001\"\n",
            "nel: a\u0085b\n",
            "a: x\rb: y\n",
            "a: \"\\q\"\n",
            "k: |0\n  x\n",
            "k: |\n    a\n  b\n",
            "k: |\n\n   \n  a\n",
            "k: >\n  a\n    b\n  c\n\n  d\n",
            "key:\n  value on the next line\n",
            "just a scalar\n",
            "---\n",
            "---",
            "a: 1\n---",
            "",
            "\n\n",
            "- \n- x\n-\n",
            "a: x\n# c\n  # indented comment\nb: y\n",
            "a: -\n",
            "- -\n",
            "a: --- x\n",
            "---x: 1\n",
            // The key that followed the previous one last time is matched against the bytes (stop 21): near misses.
            "name: a\nhost: b\n---\nname: a\nhostname: c\n",
            "name: a\nhost: b\n---\nname: a\nhost:x: d\n",
            "name: a\nhost: b\n---\nname: a\nhost : e\n",
            "name: a\nhost: b\n---\nname: a\n\"host\": f\n",
            "name: a\nhost: b\n---\nname: a\nhost:\n",
            "name: a\nhost: b\n---\nname: a\nhost: h # c\n",
            "name: a\nhost: b\n---\nname: a\nhost:\th\n",
            "name: a\nhost: b\n---\nname: a\nhost: \"q\"\n",
            "a.b/c-d_e: 1\nz: 2\n---\na.b/c-d_e: 3\nz: 4\n---\na.b/c-d_e 5: 6\n---\na.b/c-d_ex: 7\nz: 8\n",
            "k: 1\nv: 2\n---\nk: 1\nv:",
            "spec:\n  http:\n  - route:\n    - destination:\n        host: a\n  - route:\n    - destination:\n"
                    + "        host: b\n        port:\n          number: 80\n    - destination:\n        hostx: c\n",
            // One-line flow sequences of scalars (stop 22), read by the fast path but for 85 (not one document).
            "hosts: [\"*\"]\nargs: [\"proxy\", \"router\", '--domain', \"$(POD_NAMESPACE).svc\"]\nn: [ ]\n",
            "a: [1, -2, 0x1F, 1.5, true, no, null, ~, yes, .inf, 1_000, 2020-01-01]\n",
            "a: [ x ,y,  z w  ]  # comment\nb: [x]\n- [a]\n",
            "list:\n- [a, 'b c', \"d\\te\"]\n- []\n- [ ]\n- x\n",
            "ports: [80, 443]\nempty: ['', \"\"]\nsp: [a b, c]\n",
            "- [a, b]\n- [\"é\", 'ü']\n",
            // Near misses, for the full parser to read (or refuse).
            "a: [a, b,]\n", "a: [a, [b]]\n", "a: [a, {b: c}]\n", "a: [a:b]\n", "a: [a: b]\n", "a: [a #b]\n",
            "a: [a\n  , b]\n", "a: [a, b] c\n", "a: [a, b\n", "a: [,]\n", "a: [- x]\n", "a: [-]\n", "a: [-x]\n",
            "a: [?x]\n", "a: [&x a, *x]\n", "a: [!!str 1]\n", "a: [a\tb]\n", "a: ['a'b]\n", "a: [\"a\" , 'b' ]\n",
            "a: [é]\n", "a: [a?b]\n", "a: [x]]\n", "a: [x] # c\n  b: 1\n", "a: [x]\n  b: 1\n", "a: [|]\n",
            "a: [>]\n", "a: [%x]\n", "a: [@x]\n", "a: [`x]\n", "a: [x}\n", "a: [ ]x\n", "a: [1, 2]\r\nb: [3]\r\n",
            // One-line flow mappings of scalars, read by the fast path but for 124 (a flow key).
            "port: {number: 80, name: http, protocol: HTTP}\nsel: {app: web,  'k 2': \"v\" }\ne: { }\n",
            "- {a: 1, b: -2, c: true, d: ~, e: 0x1F, f: 1.5}\n- {x: a b c , y: 'z'}\n- {}\n",
            "m:\n  ports: [80]\n  tls: {mode: SIMPLE, credentialName: c}\n  n: [a, b]\n",
            "{a: 1}: x\n",
            // Near misses.
            "a: {x: 1, x: 2}\n", "a: {x:1}\n", "a: {x : 1}\n", "a: {x: }\n", "a: {x: [1]}\n", "a: {x: {y: 1}}\n",
            "a: {x: 1,}\n", "a: {x: 1\n", "a: {x: 1} y\n", "a: {<<: {b: 1}}\n", "a: {? x}\n", "a: {x}\n",
            "a: {x: a: b}\n", "a: {x: 1]\n", "a: {x y: 1}\n", "a: {x: y #c}\n", "a: {x: -y}\n", "a: {-x: 1}\n",
            "a: {\"x\": 'y', 'z': \"w\"}\n", "a: {x: 'y'z}\n", "a: [a b , c  d]\n", "a: [a  ,b -c]\n");

    /** Tricky documents the fast path must read itself (no fallback): what manifests are made of. */
    private static final List<Integer> READ_FAST = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
            16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 70, 72, 73, 74, 75, 76, 77, 79, 80,
            81, 82, 83, 84, 86, 87, 88, 120, 121, 122, 123, 143, 145);

    @Test
    void trickyDocumentsReadAsTheFullParserReadsThem() {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < TRICKY.size(); i++) {
            compare("tricky-" + i, TRICKY.get(i), failures);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void manifestShapedTrickyDocumentsAreReadByTheFastPath() {
        for (int i : READ_FAST) {
            assertThat(fastPathReadsAll(TRICKY.get(i))).as("tricky-" + i + ":\n" + TRICKY.get(i)).isTrue();
        }
    }

    @Test
    void testdataFilesReadAsTheFullParserReadsThem() throws IOException {
        List<Path> files = yamlFiles(TESTDATA);
        assertThat(files).hasSizeGreaterThan(30);
        compareAll(files, 0);
    }

    @Test
    void sharedRealWorldAndConformanceFilesReadAsTheFullParserReadsThem() throws IOException {
        assumeTrue(Files.isDirectory(SHARED.resolve("conformance")),
                "../shared absent: " + SHARED.toAbsolutePath() + " (set -Dgwctl.shared.dir); shared corpus skipped");
        List<Path> files = new ArrayList<>(yamlFiles(SHARED.resolve("conformance")));
        files.addAll(yamlFiles(SHARED.resolve("realworld")));
        compareAll(files, 0);
    }

    /** The benchmark corpus: every document read by the fast path, and read as the full parser reads it. */
    @Test
    void generatedCorpusIsReadByTheFastPathAsTheFullParserReadsIt(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path gen = SHARED.resolve("bench/gen_corpus.py");
        assumeTrue(Files.isRegularFile(gen), gen + " absent; generated corpus skipped");
        Process p = new ProcessBuilder("python3", gen.toString(), "200", dir.resolve("corpus").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        List<Path> files = yamlFiles(dir.resolve("corpus"));
        assertThat(files).hasSizeGreaterThan(100);
        compareAll(files, files.size());
    }

    /**
     * Every tricky and generated document cut, re-indented or with a character changed: broken or odd YAML, which
     * the fast path must either read exactly or hand over (the full parser's errors, resynchronisation, indexes).
     */
    @Test
    void mutatedDocumentsReadAsTheFullParserReadsThem() {
        Random random = new Random(12);
        List<String> seeds = new ArrayList<>(TRICKY);
        seeds.add("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: s1
                  labels:
                    app: web
                spec:
                  ports:
                  - port: 80
                    targetPort: 8080
                    name: http
                  selector:
                    app: web
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: gw
                spec:
                  servers:
                  - hosts: ["*"]
                    port: {number: 80, name: http, protocol: HTTP}
                """);
        String alphabet = " \n-:#'\"|>{}[]&*!?%\t\\.0aé";
        List<String> failures = new ArrayList<>();
        for (int n = 0; n < 3000; n++) {
            StringBuilder sb = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            for (int m = 1 + random.nextInt(3); m > 0 && sb.length() > 0; m--) {
                int at = random.nextInt(sb.length());
                switch (random.nextInt(4)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 2 -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> sb.insert(sb.lastIndexOf("\n", at) + 1, "  ");
                }
            }
            compare("mutated-" + n, sb.toString(), failures);
        }
        assertThat(failures).isEmpty();
    }

    private static void compareAll(List<Path> files, int mustReadFast) throws IOException {
        List<String> failures = new ArrayList<>();
        int fast = 0;
        for (Path f : files) {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f)))
                        .toString();
            } catch (CharacterCodingException e) {
                continue; // not text: refused before parsing
            }
            compare(f.toString(), text, failures);
            fast += fastPathReadsAll(text) ? 1 : 0;
        }
        assertThat(failures).isEmpty();
        assertThat(fast).as("files the fast path read whole").isGreaterThanOrEqualTo(mustReadFast);
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")
                    || p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    /** Whether the fast path reads every document of the text itself. */
    private static boolean fastPathReadsAll(String text) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return BlockYamlReader.read(b, 0, b.length, b.length == text.length(), new PointerPool(), new Recorder())
                == null;
    }

    private static void compare(String name, String text, List<String> failures) {
        List<String> full = events(text, false);
        List<String> fast = events(text, true);
        if (!full.equals(fast)) {
            failures.add(name + " (" + text.length() + " chars):\n" + (text.length() < 2000 ? text : "")
                    + "\n  full " + full + "\n  fast " + fast);
        }
    }

    /** Everything the reader hands out for the text: documents, document problems, then the file's problems. */
    private static List<String> events(String text, boolean fastPath) {
        InputReader reader = new InputReader("in.yaml", "default", new PointerPool());
        Recorder sink = new Recorder();
        if (fastPath) {
            reader.readText(text, false, sink);
        } else {
            reader.readFull(text.startsWith("\uFEFF") ? text.substring(1) : text, sink);
        }
        List<String> out = new ArrayList<>(sink.events);
        reader.outcome().problems().forEach(p -> out.add("problem " + p.format()));
        return out;
    }

    /** Documents as text: index, start, tree (with node classes) and positions in the order recorded. */
    private static final class Recorder implements TreeBuilder.Sink {
        final List<String> events = new ArrayList<>();

        @Override
        public void document(int index, JsonNode root, Map<String, Long> positions, int line, int column) {
            StringBuilder sb = new StringBuilder("doc " + index);
            if (root != null) {
                sb.append(" at ").append(line).append(':').append(column).append(' ');
                describe(root, sb);
                positions.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v >>> 32).append(':')
                        .append(v & 0xffffffffL));
            }
            events.add(sb.toString());
        }

        @Override
        public void problem(int index, int line, int column, String message) {
            events.add("problem " + index + " at " + line + ":" + column + " " + message);
        }

        private static void describe(JsonNode n, StringBuilder sb) {
            if (n.isObject()) {
                sb.append('{');
                n.fields().forEachRemaining(e -> {
                    sb.append(e.getKey()).append('=');
                    describe(e.getValue(), sb);
                    sb.append(',');
                });
                sb.append('}');
            } else if (n.isArray()) {
                sb.append('[');
                n.forEach(c -> {
                    describe(c, sb);
                    sb.append(',');
                });
                sb.append(']');
            } else {
                sb.append(n.getClass().getSimpleName()).append('(').append(n).append(')');
            }
        }
    }
}
