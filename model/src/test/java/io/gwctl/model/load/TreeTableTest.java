package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gwctl.model.SourceMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tree-shaped position tables ({@link TreeTable}, {@link ShapeNode}, {@link Codec}) against the flat table of the
 * same pointers ({@link PositionTable}): the same answer for every pointer, in the same order, whatever the
 * positions; and the sharing of shapes between documents, within the pool's bound.
 */
class TreeTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The nodes and positions a parser hands over for a document, in pre-order. */
    private static final class Doc {
        final List<PointerPool.Node> nodes = new ArrayList<>();
        final List<Long> values = new ArrayList<>();

        PointerPool.Node[] nodes() {
            return nodes.toArray(PointerPool.Node[]::new);
        }

        long[] values() {
            return values.stream().mapToLong(Long::longValue).toArray();
        }

        String[] pointers() {
            return nodes.stream().map(n -> n.pointer).toArray(String[]::new);
        }
    }

    /** The pre-order nodes of {@code json}, each placed by {@code place} (called with the entry's index). */
    private static Doc doc(PointerPool pool, String json, java.util.function.IntToLongFunction place)
            throws Exception {
        Doc d = new Doc();
        walk(JSON.readTree(json), pool.root(), d, place);
        return d;
    }

    private static void walk(JsonNode n, PointerPool.Node at, Doc d, java.util.function.IntToLongFunction place) {
        d.nodes.add(at);
        d.values.add(place.applyAsLong(d.values.size()));
        if (n.isObject()) {
            n.fieldNames().forEachRemaining(k -> walk(n.get(k), at.field(k), d, place));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), at.item(i), d, place);
            }
        }
    }

    private static TreeTable table(Doc d, PointerPool pool) {
        return TreeTable.of(d.nodes(), d.values(), d.nodes.size(), pool);
    }

    /** Every pointer of the document, and pointers near them that are not in it, answer as the flat table does. */
    private static void assertSameAnswers(TreeTable tree, Doc d) {
        PositionTable flat = new PositionTable(d.pointers(), d.values(), d.nodes.size());
        assertThat(new ArrayList<>(tree.entrySet())).containsExactlyElementsOf(new ArrayList<>(flat.entrySet()));
        assertThat(tree).isEqualTo(flat).hasSize(flat.size());
        SourceMap compact = tree.sourceMap(1);
        SourceMap plain = new SourceMap(flat, 1);
        assertThat(compact.size()).isEqualTo(plain.size());
        List<String> probes = new ArrayList<>();
        for (String p : d.pointers()) {
            probes.addAll(List.of(p, p + "/x", p + "/0", p + "/01", p + "/", p + "~", p + "/-1", p + "/99"));
        }
        probes.addAll(List.of("", "x", "/", "//", "~0", "/~2"));
        for (String p : probes) {
            assertThat(tree.get(p)).as(p).isEqualTo(flat.get(p));
            assertThat(tree.containsKey(p)).as(p).isEqualTo(flat.containsKey(p));
            assertThat(compact.line(p)).as(p).isEqualTo(plain.line(p));
            assertThat(compact.column(p)).as(p).isEqualTo(plain.column(p));
            assertThat(compact.has(p)).as(p).isEqualTo(plain.has(p));
        }
    }

    private static final String ROUTES = """
            {"apiVersion": "v1", "kind": "VirtualService", "metadata": {"name": "a", "labels": {"x/y": "1"}},
             "spec": {"hosts": ["a", "b"], "http": [
               {"name": "r0", "route": [{"destination": {"host": "h", "port": {"number": 80}}, "weight": 10}]},
               {"route": [{"destination": {"host": "h", "port": {"number": 80}}},
                          {"destination": {"host": "i", "port": {"number": 81}}}]}]}}
            """;

    @Test
    void answersEveryPointerAsTheFlatTableWhateverThePositions() throws Exception {
        Random random = new Random(11);
        String[] docs = {ROUTES, "{}", "[]", "\"scalar\"", "[[1, [2, 3]], [], {}, {\"a\": []}]",
                "{\"a~b\": {\"c/d\": 1, \"~\": 2, \"/\": 3, \"~1\": 4}, \"\": {\"\": 5}, \"0\": [6]}",
                "{\"items\": [" + "{\"n\": 1},".repeat(40) + "{\"n\": 2}]}"};
        for (String json : docs) {
            for (int round = 0; round < 20; round++) {
                PointerPool pool = new PointerPool();
                int mode = round % 4;
                Doc d = doc(pool, json, i -> switch (mode) {
                    case 0 -> SourceMap.pack(i + 1, 1 + i % 5); // lines in order, small columns
                    case 1 -> SourceMap.pack(random.nextInt(Integer.MAX_VALUE), random.nextInt(Integer.MAX_VALUE));
                    case 2 -> SourceMap.pack(1, 2 + 7 * i); // JSON on one line
                    default -> SourceMap.pack(Math.max(0, 50 - i), random.nextInt(3)); // lines going back
                });
                assertSameAnswers(table(d, pool), d);
            }
        }
    }

    @Test
    void findsEscapedKeysAsWrittenInThePointer() throws Exception {
        PointerPool pool = new PointerPool();
        Doc d = doc(pool, "{\"a/b\": {\"c~d\": 1}, \"e~1f\": 2}", i -> SourceMap.pack(i + 1, 3));
        TreeTable t = table(d, pool);

        assertThat(t.get("/a~1b/c~0d")).isEqualTo(SourceMap.pack(3, 3));
        assertThat(t.get("/e~01f")).isEqualTo(SourceMap.pack(4, 3));
        assertThat(t.get("/a/b")).isNull();
        assertThat(t.get("/a~1b/c~d")).isNull();
        assertThat(t.keySet()).containsExactly("", "/a~1b", "/a~1b/c~0d", "/e~01f");
    }

    @Test
    void findsListItemsByTheirPlainIndexOnly() throws Exception {
        PointerPool pool = new PointerPool();
        Doc d = doc(pool, "{\"l\": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, [18]]}",
                i -> SourceMap.pack(i + 1, 1));
        TreeTable t = table(d, pool);

        assertThat(t.get("/l/0")).isEqualTo(SourceMap.pack(3, 1));
        assertThat(t.get("/l/10")).isEqualTo(SourceMap.pack(13, 1));
        assertThat(t.get("/l/18/0")).isEqualTo(SourceMap.pack(22, 1));
        assertThat(t.get("/l/01")).isNull();
        assertThat(t.get("/l/+1")).isNull();
        assertThat(t.get("/l/19")).isNull();
        assertThat(t.get("/l/9999999999")).isNull();
    }

    @Test
    void aBlockStyleDocumentCostsItsFirstPositionAndLittleMore() throws Exception {
        String yaml = """
                apiVersion: v1
                kind: VirtualService
                metadata:
                  name: vs
                  labels:
                    app.kubernetes.io/part-of: team
                spec:
                  hosts:
                  - a.example.org
                  http:
                  - name: r0
                    route:
                    - destination:
                        host: h
                        port:
                          number: 80
                      weight: 10
                """;
        List<Map<String, Long>> tables = read("# header\n---\n" + yaml, new PointerPool());

        TreeTable t = (TreeTable) tables.get(0);
        assertThat(t).hasSize(20);
        assertThat(t.get("/spec/http/0/route/0/destination/port/number")).isEqualTo(SourceMap.pack(18, 19));
        assertThat(t.get("/metadata/labels/app.kubernetes.io~1part-of")).isEqualTo(SourceMap.pack(8, 32));
        assertThat(t.encodedBytes()).isLessThanOrEqualTo(4); // the first entry's line and column; all else guessed
        assertThat(t.sourceMap(3)).isInstanceOf(TreeTable.Small.class);
    }

    @Test
    void documentsWithEqualSubtreesShareTheirNodesFromTheSecondOn() throws Exception {
        PointerPool pool = new PointerPool();
        String other = ROUTES.replace("\"hosts\": [\"a\", \"b\"]", "\"hosts\": [\"a\"]");
        TreeTable first = table(doc(pool, ROUTES, i -> SourceMap.pack(i + 1, 1)), pool);
        TreeTable second = table(doc(pool, ROUTES, i -> SourceMap.pack(i + 7, 3)), pool);
        TreeTable third = table(doc(pool, other, i -> SourceMap.pack(i + 9, 5)), pool);

        assertThat(second.shape()).isSameAs(table(doc(pool, ROUTES, i -> 0L), pool).shape());
        ShapeNode http2 = child(second.shape(), "spec", "http");
        ShapeNode http3 = child(third.shape(), "spec", "http");
        assertThat(http3).isSameAs(http2); // the same routes under another spec
        assertThat(third.shape()).isNotSameAs(second.shape());
        ShapeNode destination = http2.children[0].children[1].children[0].children[0];
        assertThat(destination).isSameAs(http2.children[1].children[0].children[1].children[0]);
        assertThat(first.get("/spec/http/1/route/1/destination/port/number")).isEqualTo(SourceMap.pack(33, 1));
        assertThat(second.get("/spec/http/1/route/1/destination/port/number")).isEqualTo(SourceMap.pack(39, 3));
        assertThat(third.get("/spec/http/1/route/1/destination/port/number")).isEqualTo(SourceMap.pack(40, 5));
    }

    private static ShapeNode child(ShapeNode n, String... keys) {
        for (String k : keys) {
            n = n.children[java.util.Arrays.asList(n.keys).indexOf(k)];
        }
        return n;
    }

    @Test
    void sharesNoMoreNodesThanTheBoundAllowsAndStillAnswersForTheRest() throws Exception {
        PointerPool pool = new PointerPool(10);
        for (int i = 0; i < 50; i++) {
            String json = "{\"k" + i % 5 + "\": {\"a\": [1, 2, 3], \"b" + i + "\": {\"c\": 1}}}";
            Doc d = doc(pool, json, e -> SourceMap.pack(e + 1, 1));
            assertSameAnswers(table(d, pool), d);
        }

        assertThat(pool.nodes()).isBetween(1, 10); // each shared node has at least one child
    }

    @Test
    void pointersThatAreNotATreeInPreOrderGetNoTreeTable() throws Exception {
        PointerPool pool = new PointerPool();
        PointerPool.Node root = pool.root();
        PointerPool.Node a = root.field("a");
        PointerPool.Node b = root.field("b");
        long[] values = {1, 2, 3, 4};

        assertThat(TreeTable.of(new PointerPool.Node[] {root, a, b}, values, 3, pool)).isNotNull();
        assertThat(TreeTable.of(new PointerPool.Node[] {root, a, a}, values, 3, pool)).isNull(); // a field twice
        assertThat(TreeTable.of(new PointerPool.Node[] {root, a.field("x"), a}, values, 3, pool)).isNull();
        assertThat(TreeTable.of(new PointerPool.Node[] {a, root}, values, 2, pool)).isNull(); // root not first
        PointerPool.Node l = root.field("l");
        assertThat(TreeTable.of(new PointerPool.Node[] {root, l, l.item(1), l.item(0)}, values, 4, pool)).isNull();
        assertThat(TreeTable.of(new PointerPool.Node[] {root, l, l.item(0), l.field("k")}, values, 4, pool))
                .isNull(); // items and fields in one node
        assertThat(TreeTable.of(new PointerPool.Node[0], values, 0, pool)).isNull(); // an empty document
        assertThat(TreeTable.of(new PointerPool.Node[] {root}, values, 1, pool)).containsExactlyEntriesOf(
                Map.of("", 1L));
    }

    @Test
    void splitsListItemsAsTheFlatTableDoes() throws Exception {
        PointerPool pool = new PointerPool();
        String json = "{\"kind\": \"List\", \"items\": [{\"kind\": \"A\", \"m\": {\"n\": 1}}, {}, [1], 5, "
                + "{\"a/b\": 2}]}";
        Doc d = doc(pool, json, i -> SourceMap.pack(2 * i + 1, 1 + i));
        TreeTable t = table(d, pool);
        PositionTable flat = new PositionTable(d.pointers(), d.values(), d.nodes.size());

        TreeTable[] items = t.splitItems(7);
        PositionTable[] expected = flat.splitItems(7, pool);

        for (int i = 0; i < 5; i++) {
            assertThat(new LinkedHashMap<>(items[i])).containsExactlyEntriesOf(new LinkedHashMap<>(expected[i]));
        }
        assertThat(items[5]).isNull();
        assertThat(expected[5]).isEmpty();
    }

    /** The position tables the reader hands out for a text (the fast path, as the loader reads block YAML). */
    private static List<Map<String, Long>> read(String text, PointerPool pool) {
        List<Map<String, Long>> out = new ArrayList<>();
        new InputReader("in.yaml", "default", pool).readText(text, false, new TreeBuilder.Sink() {
            @Override
            public void document(int index, JsonNode root, Map<String, Long> positions, int line, int column) {
                out.add(positions);
            }

            @Override
            public void problem(int index, int line, int column, String message) {
                throw new AssertionError(message);
            }
        });
        return out;
    }
}
