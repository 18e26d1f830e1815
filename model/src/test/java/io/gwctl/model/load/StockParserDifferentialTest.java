package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The stock parser is the reference for what a document means (issue 9): every YAML and JSON file of
 * {@code testdata/} (but the fuzz corpora), of {@code ../shared/conformance/} and {@code ../shared/realworld/}, and a set of edge and
 * generated documents go through both the stock Jackson {@link YAMLFactory} tree and gwctl's loader (its speed
 * layer, its tree builder), document by document, and the values must be the same.
 *
 * <p>Where the stock tree does not resolve YAML, SnakeYAML's own constructor (on which Jackson's parser is built)
 * is the reference: Jackson hands out anchors and aliases as the alias name, keeps merge keys {@code <<} as keys
 * and fails on {@code .inf}. gwctl may be stricter than both in a few documented ways (duplicate keys, nesting,
 * number length, alias bombs), and must then report a problem for that document; when the reference rejects a
 * document, gwctl must report a problem for it too.
 */
class StockParserDifferentialTest {
    private static final Path SHARED = Path.of(System.getProperty("gwctl.shared.dir", "../shared"));
    private static final Path TESTDATA = Path.of("../testdata");
    private static final ObjectMapper STOCK_YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper STOCK_JSON = new ObjectMapper();
    /** Problems gwctl reports on documents the stock parser accepts, on purpose. */
    private static final List<String> STRICTER = List.of("duplicate key", "nesting deeper than", "number longer than",
            "aliases expand to more than", "more than " + TreeBuilder.MAX_COLLECTION_ALIASES + " aliases");

    @Test
    void everyTestdataFileReadsAsTheStockParserReadsIt() throws IOException {
        // Not the fuzz corpora: they hold hostile input by design (complex keys, bombs), and grow with fuzzing.
        List<Path> files = manifests(TESTDATA).stream().filter(p -> !p.startsWith(TESTDATA.resolve("fuzz"))).toList();
        assertThat(files).hasSizeGreaterThan(30);
        compareAll(files);
    }

    /**
     * Positions are kept compactly (issue 12): documents with the same pointers share one copy of the keys and
     * their index. Every node of every testdata document, read with one pool for all files as a load does, must
     * still give the line and column it gets when read alone, and every scalar the line and column of the stock
     * parser's token.
     */
    @Test
    void everyTestdataNodeKeepsItsLineAndColumnWhenPositionsAreShared() throws IOException {
        List<Path> files = manifests(TESTDATA).stream().filter(p -> !p.startsWith(TESTDATA.resolve("fuzz"))).toList();
        PointerPool shared = new PointerPool();
        List<Map<String, Long>> tables = new ArrayList<>();
        List<Map<String, Long>> alone = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int scalars = 0;
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            boolean json = f.toString().endsWith(".json");
            tables.addAll(positionTables(text, json, shared));
            List<Map<String, Long>> own = new ArrayList<>();
            for (Map<String, Long> t : positionTables(text, json, new PointerPool())) {
                own.add(new LinkedHashMap<>(t));
            }
            alone.addAll(own);
            if (!json) {
                List<String> docs = new ArrayList<>();
                List<Boolean> resolvesYaml = new ArrayList<>();
                if (split(text, docs, resolvesYaml) == null) {
                    for (int i = 0; i < docs.size(); i++) {
                        List<Map<String, Long>> mine = positionTables(docs.get(i), false, new PointerPool());
                        if (resolvesYaml.get(i) || mine.size() != 1) {
                            continue;
                        }
                        for (Map.Entry<String, Long> e : stockScalarPositions(docs.get(i)).entrySet()) {
                            scalars++;
                            if (!e.getValue().equals(mine.get(0).get(e.getKey()))) {
                                failures.add(f + "#" + i + " " + e.getKey() + ": stock " + lineColumn(e.getValue())
                                        + ", gwctl " + lineColumn(mine.get(0).get(e.getKey())));
                            }
                        }
                    }
                }
            }
        }
        assertThat(tables).hasSameSizeAs(alone).hasSizeGreaterThan(100);
        assertThat(scalars).isGreaterThan(1000);
        assertThat(shared.shapes()).as("documents share shapes").isLessThan(tables.size());
        for (int i = 0; i < tables.size(); i++) {
            Map<String, Long> table = tables.get(i);
            assertThat(new LinkedHashMap<>(table)).isEqualTo(alone.get(i));
            for (Map.Entry<String, Long> e : alone.get(i).entrySet()) {
                if (!e.getValue().equals(table.get(new String(e.getKey())))) {
                    failures.add("document " + i + " " + e.getKey() + ": " + lineColumn(table.get(e.getKey()))
                            + " instead of " + lineColumn(e.getValue()));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String lineColumn(Long v) {
        return v == null ? "absent" : (v >>> 32) + ":" + (v & 0xffffffffL);
    }

    /** The position table of each document gwctl reads from {@code text}, with {@code pool}. */
    private static List<Map<String, Long>> positionTables(String text, boolean json, PointerPool pool) {
        List<Map<String, Long>> out = new ArrayList<>();
        InputReader reader = new InputReader("in", "default", pool);
        reader.readText(text, json, new TreeBuilder.Sink() {
            @Override
            public void document(int index, JsonNode root, Map<String, Long> positions, int line, int column) {
                out.add(positions);
            }

            @Override
            public void problem(int index, int line, int column, String message) {
            }
        });
        return out;
    }

    /** Where the stock YAML parser's token of each scalar of one document starts, by JSON pointer. */
    private static Map<String, Long> stockScalarPositions(String text) throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        JsonFactory yaml = STOCK_YAML.getFactory();
        try (JsonParser p = yaml.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t.isScalarValue()) {
                    var at = p.currentTokenLocation();
                    out.put(p.getParsingContext().pathAsPointer().toString(),
                            io.gwctl.model.SourceMap.pack(at.getLineNr(), at.getColumnNr()));
                }
            }
        }
        return out;
    }

    @Test
    void everySharedConformanceAndRealWorldFileReadsAsTheStockParserReadsIt() throws IOException {
        assumeTrue(Files.isDirectory(SHARED.resolve("conformance")),
                "../shared absent: " + SHARED.toAbsolutePath() + " (set -Dgwctl.shared.dir); shared corpus skipped");
        List<Path> files = new ArrayList<>(manifests(SHARED.resolve("conformance")));
        if (Files.isDirectory(SHARED.resolve("realworld"))) {
            files.addAll(manifests(SHARED.resolve("realworld")));
        }
        assertThat(files).hasSizeGreaterThan(100);
        compareAll(files);
    }

    @Test
    void edgeDocumentsReadAsTheStockParserReadsThem() {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < EDGE.size(); i++) {
            compare("edge-" + i + ".yaml", EDGE.get(i), failures);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void generatedDocumentsReadAsTheStockParserReadsThem() {
        Random random = new Random(9);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder();
            int docs = 1 + random.nextInt(3);
            for (int d = 0; d < docs; d++) {
                sb.append(d == 0 && random.nextBoolean() ? "" : "---\n");
                generateMap(sb, random, 0, 0);
            }
            compare("generated-" + i + ".yaml", sb.toString(), failures);
        }
        assertThat(failures).isEmpty();
    }

    private static void compareAll(List<Path> files) throws IOException {
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f)))
                        .toString();
            } catch (CharacterCodingException e) {
                continue; // not text: the loader refuses it before parsing
            }
            compare(f.toString(), text, failures);
        }
        assertThat(failures).isEmpty();
    }

    private static List<Path> manifests(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> ManifestLoader.hasManifestExtension(p.toString()))
                    .sorted().toList();
        }
    }

    /** One file: split into documents by SnakeYAML's events, each compared on its own. */
    private static void compare(String name, String text, List<String> failures) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
            compareDocument(name, text, true, false, failures);
            return;
        }
        List<String> docs = new ArrayList<>();
        List<Boolean> resolvesYaml = new ArrayList<>();
        String tail = split(text, docs, resolvesYaml);
        for (int i = 0; i < docs.size(); i++) {
            compareDocument(name + "#" + i, docs.get(i), false, resolvesYaml.get(i), failures);
        }
        if (tail != null && problemsOf(tail, false).isEmpty()) {
            failures.add(name + ": the stock parser rejects the text after document " + docs.size()
                    + " but gwctl reports nothing");
        }
    }

    /**
     * The text of each document, and whether it uses what the stock tree does not resolve (anchors, aliases, merge
     * keys); returns the unsplit rest when SnakeYAML's parser fails part way, else null.
     */
    private static String split(String text, List<String> docs, List<Boolean> resolvesYaml) {
        int start = 0;
        boolean special = false;
        int lastEnd = 0;
        try {
            for (Event e : new Yaml().parse(new StringReader(text))) {
                if (e instanceof DocumentStartEvent) {
                    start = text.offsetByCodePoints(0, e.getStartMark().getIndex()); // marks count code points
                    special = false;
                } else if (e instanceof DocumentEndEvent) {
                    lastEnd = text.offsetByCodePoints(0, e.getEndMark().getIndex());
                    docs.add(text.substring(start, Math.max(lastEnd, start)));
                    resolvesYaml.add(special);
                } else if (e instanceof AliasEvent || e instanceof NodeEvent n && n.getAnchor() != null
                        || e instanceof ScalarEvent s && s.getValue().equals("<<") && s.isPlain()
                        || e instanceof ScalarEvent s2 && s2.isPlain() && isSpecialFloat(s2.getValue())) {
                    special = true;
                }
            }
            return null;
        } catch (RuntimeException e) {
            return text.substring(Math.min(lastEnd, text.length()));
        }
    }

    private static boolean isSpecialFloat(String v) {
        String w = v.replaceFirst("^[-+]", "").toLowerCase(Locale.ROOT);
        return w.equals(".inf") || w.equals(".nan");
    }

    private static void compareDocument(String name, String text, boolean json, boolean resolvesYaml,
            List<String> failures) {
        JsonNode reference;
        try {
            reference = json ? STOCK_JSON.readTree(text) : resolvesYaml ? snakeYaml(text) : stockYaml(text);
        } catch (IOException | RuntimeException e) {
            try {
                reference = json ? null : snakeYaml(text); // e.g. .inf, which the stock tree fails on
            } catch (RuntimeException e2) {
                reference = null;
            }
        }
        Map<Integer, Object> gwctl = gwctlDocuments(text, json);
        List<String> problems = problemsOf(gwctl);
        JsonNode mine = gwctl.values().stream().filter(JsonNode.class::isInstance).map(JsonNode.class::cast)
                .findFirst().orElse(null);
        if (reference == null) {
            if (problems.isEmpty()) {
                failures.add(name + ": the reference rejects this document, gwctl reports nothing");
            }
            return;
        }
        if (!problems.isEmpty()) {
            if (!problems.stream().allMatch(p -> STRICTER.stream().anyMatch(p::contains))) {
                failures.add(name + ": gwctl rejects a document the reference reads: " + problems);
            }
            return;
        }
        if (isEmpty(reference) && isEmpty(mine)) {
            return;
        }
        if (!same(reference, mine)) {
            failures.add(name + ":\n  reference " + reference + "\n  gwctl     " + mine);
        }
    }

    private static boolean isEmpty(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() || n.isObject() && n.isEmpty();
    }

    private static JsonNode stockYaml(String text) throws IOException {
        return STOCK_YAML.readTree(text); // one document's text
    }

    /**
     * SnakeYAML's constructor, with timestamps and base-60 integers ({@code 1:20}) kept as strings, as Jackson
     * keeps them.
     */
    private static JsonNode snakeYaml(String text) {
        LoaderOptions lo = new LoaderOptions();
        class Ctor extends SafeConstructor {
            Ctor() {
                super(lo);
                yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
                Construct integer = yamlConstructors.get(Tag.INT);
                Construct string = new ConstructYamlStr();
                yamlConstructors.put(Tag.INT, new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        return ((ScalarNode) node).getValue().contains(":") ? string.construct(node)
                                : integer.construct(node);
                    }
                });
            }
        }
        Object o = new Yaml(new Ctor()).load(text);
        return toTree(o);
    }

    private static JsonNode toTree(Object o) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (o == null) {
            return f.nullNode();
        }
        if (o instanceof Map<?, ?> m) {
            var obj = f.objectNode();
            m.forEach((k, v) -> obj.set(String.valueOf(k), toTree(v)));
            return obj;
        }
        if (o instanceof List<?> l) {
            var arr = f.arrayNode();
            l.forEach(v -> arr.add(toTree(v)));
            return arr;
        }
        if (o instanceof byte[] b) {
            return f.binaryNode(b);
        }
        return STOCK_JSON.valueToTree(o);
    }

    /** gwctl's trees and problems for one text, by document index (a tree or a problem message). */
    private static Map<Integer, Object> gwctlDocuments(String text, boolean json) {
        Map<Integer, Object> out = new TreeMap<>();
        InputReader reader = new InputReader("in", "default", new PointerPool());
        reader.readText(text, json, new TreeBuilder.Sink() {
            @Override
            public void document(int index, JsonNode root, Map<String, Long> positions, int line, int column) {
                out.put(index, root == null ? JsonNodeFactory.instance.nullNode() : root);
            }

            @Override
            public void problem(int index, int line, int column, String message) {
                out.put(index, message);
            }
        });
        reader.outcome().problems().forEach(p -> out.put(-1 - out.size(), p.message()));
        return out;
    }

    private static List<String> problemsOf(Map<Integer, Object> docs) {
        return docs.values().stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    private static List<String> problemsOf(String text, boolean json) {
        return problemsOf(gwctlDocuments(text, json));
    }

    /** Equal values: numbers by value whatever their width, binary by content, maps whatever their key order. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            if (a.isFloatingPointNumber() || b.isFloatingPointNumber()) {
                double x = a.doubleValue();
                double y = b.doubleValue();
                return Double.compare(x, y) == 0 || x == y;
            }
            return new BigDecimal(a.bigIntegerValue()).compareTo(new BigDecimal(b.bigIntegerValue())) == 0;
        }
        if (a.isBinary() && b.isBinary()) {
            try {
                return Arrays.equals(a.binaryValue(), b.binaryValue());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!same(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.getNodeType() == b.getNodeType() && a.equals(b);
    }

    private static final String[] SCALARS = {"", "~", "null", "Null", "true", "False", "yes", "No", "on", "OFF", "y",
        "0", "7", "-3", "+12", "0755", "0x1F", "0o17", "0b101", "1_000", "3.14", "1e3", "-.5", ".inf", "-.Inf",
        ".NaN", "2024-01-31", "2024-01-31T12:00:00Z", "1:20", "web", "app.kubernetes.io/name", "\"quoted\"",
        "'single'", "\"\"", "''", "\"a\\nb\\t\\u00e9\"", "'it''s'", "!!str 80", "!!int \"42\"", "!!float 1",
        "!!binary aGVsbG8=", "\"😀 emoji\"", "\"80\"", "héllo wörld", "a b  c", "99999999999999999999",
        "-9223372036854775809", "1.5e400", "0.0000001", "\"\\x41\"", "x:y", "a#b", "|\n  literal\n  text",
        ">-\n  folded\n  text", "|+\n  kept\n\n"};

    private static void generateMap(StringBuilder sb, Random r, int indent, int depth) {
        int keys = 1 + r.nextInt(4);
        List<String> used = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            String key = "k" + r.nextInt(6);
            if (used.contains(key)) {
                continue;
            }
            used.add(key);
            sb.append(" ".repeat(indent)).append(key).append(':');
            int choice = depth > 3 ? 0 : r.nextInt(6);
            if (choice == 4) {
                sb.append('\n');
                generateMap(sb, r, indent + 2, depth + 1);
            } else if (choice == 5) {
                sb.append('\n');
                int items = 1 + r.nextInt(3);
                for (int i = 0; i < items; i++) {
                    sb.append(" ".repeat(indent)).append("- ").append(scalar(r, indent + 2)).append('\n');
                }
            } else if (choice == 3) {
                sb.append(" {a: ").append(flowScalar(r)).append(", b: [").append(flowScalar(r)).append(", ")
                        .append(flowScalar(r)).append("]}\n");
            } else {
                sb.append(' ').append(scalar(r, indent + 2)).append('\n');
            }
        }
    }

    private static String scalar(Random r, int indent) {
        String s = SCALARS[r.nextInt(SCALARS.length)];
        return s.replace("\n", "\n" + " ".repeat(indent));
    }

    private static String flowScalar(Random r) {
        String s;
        do {
            s = SCALARS[r.nextInt(SCALARS.length)];
        } while (s.contains("\n") || s.startsWith("!!") || s.contains(":") || s.contains("#") || s.isEmpty());
        return s;
    }

    private static final List<String> EDGE = List.of(
            "a:\nb: ~\nc: null\nd: ''\ne: \"\"\n",
            "labels:\n",
            "metadata:\n  labels:\n  annotations:\n  name: x\n",
            "name: &n s3\nnamespace: *n\n",
            "&k key: v\nother: *k\n",
            "a: &a {x: 1}\nb: *a\nc: [*a, *a]\n",
            "base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\n",
            "b1: &b1 {x: 1}\nb2: &b2 {x: 2, z: 3}\nd:\n  <<: [*b1, *b2]\n",
            "n: &v 5\nm: *v\nf: &f 1.5\ng: *f\nt: &t yes\nu: *t\n",
            "x: &x\ny: *x\n",
            "a: .inf\nb: -.inf\nc: .NaN\nd: +.INF\n",
            "bin: !!binary aGVsbG8gd29ybGQ=\n",
            "bin: !!binary |\n  aGVsbG8g\n  d29ybGQ=\n",
            "bad: !!binary \"%%%\"\n",
            "m:\n  <<: 5\n",
            "? a\n: b\n",
            "\"quoted key\": 1\n'single key': 2\n",
            "a: 1\r\nb: 2\r\n",
            "a:\tb\n",
            "s: \"line\\nbreak\"\nt: 'it''s'\nu: \"\\u00e9\\U0001F600\"\n",
            "lit: |\n  a\n  b\nfold: >\n  a\n  b\nkeep: |+\n  a\n\nstrip: |-\n  a\n",
            "list:\n- a\n-\n- ''\n- ~\n",
            "nested: [[], {}, [[]], {a: []}]\n",
            "long: " + "x".repeat(70_000) + "\n",
            "quoted: \"" + "y".repeat(70_000) + "\"\n",
            "emoji: 😀😀\nkey😀: v\n",
            "%YAML 1.1\n---\na: 1\n",
            "---\n...\n---\na: 1\n...\n",
            "---\n---\n---\n",
            "a: 1 # comment\n# only comment\nb: 2\n",
            "x: !!str 80\ny: !!int \"42\"\nz: !!float 1\nw: !!bool yes\n",
            "set: !!set {a, b}\n",
            "big: 123456789012345678901234567890\nneg: -123456789012345678901234567890\n",
            "oct: 0755\nhex: 0xFF\nbin: 0b1010\nsep: 1_000_000\nsexa: 1:30\n",
            "float: 6.8523015e+5\nexp: 685.230_15e+03\n",
            "dup: 1\ndup: 2\n",
            "a: *\n",
            "a: [1, 2\n",
            "unicode: \"\\u0000\"\n",
            "key with spaces: value with spaces\n",
            "- a\n- b\n",
            "just a scalar\n",
            "42\n");
}
