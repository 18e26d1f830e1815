package io.gwctl.model.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one JSON tree per document from a streaming parser and, in the same pass, the line and column of every
 * node keyed by JSON pointer. Jackson's YAML parser reports aliases as plain strings, so anchors and aliases
 * ({@code &x}/{@code *x}, merge keys {@code <<}) are resolved here, with limits that stop an alias bomb before it
 * costs memory or time.
 *
 * <p>Positions: a scalar maps to where its value starts; an object or list that is a field's value maps to its key
 * (the line a reader looks for: {@code tls:} rather than the first line inside it); list items and the document
 * root map to their first token.
 */
final class TreeBuilder {
    /** Aliases to collections allowed in one document (SnakeYAML's own guard uses 50 by default). */
    static final int MAX_COLLECTION_ALIASES = 50;
    /** Nodes a document may expand to through aliases. */
    static final int MAX_EXPANDED_NODES = 1_000_000;
    /** Deeper than any Kubernetes object; stops stack exhaustion on hostile input. */
    static final int MAX_DEPTH = 100;
    /**
     * How deep the parsers themselves go (Jackson's and SnakeYAML's limits): well beyond {@link #MAX_DEPTH}, so
     * that a document nested too deeply is skipped to its end and reported here, and the next one is still read.
     */
    static final int PARSER_MAX_DEPTH = 1000;
    /** Digits in a number: Jackson's default limit, here reported with the number's place. */
    static final int MAX_NUMBER_LENGTH = 1000;

    /** Receives each document, or the problem that made it unusable, in order. */
    interface Sink {
        /** {@code root} is null for an empty document. */
        void document(int index, JsonNode root, Map<String, Long> positions, int line, int column);

        void problem(int index, int line, int column, String message);
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PointerPool pool;
    private final int lineOffset;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private final PositionBuffer positions = new PositionBuffer();
    private int collectionAliases;
    private long expanded;
    private String problem;
    private int problemLine;
    private int problemColumn;
    private int documents;
    private boolean inDocument;

    private record Anchored(JsonNode node, long weight) {
    }

    /** {@code lineOffset} is added to every line: the parser may start part way into a file. */
    TreeBuilder(PointerPool pool, int lineOffset) {
        this.pool = pool;
        this.lineOffset = lineOffset;
    }

    /** Documents started so far (including empty and broken ones). */
    int documents() {
        return documents;
    }

    /** True between a document's first and last token: a parse error then is inside a counted document. */
    boolean inDocument() {
        return inDocument;
    }

    /** Reads every document to the end of input; parse errors propagate, after the documents before them. */
    void readAll(JsonParser p, int firstIndex, Sink sink) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            int index = firstIndex + documents++;
            inDocument = true;
            positions.clear();
            anchors.clear();
            collectionAliases = 0;
            expanded = 0;
            problem = null;
            JsonLocation loc = p.currentTokenLocation();
            int line = loc.getLineNr() + lineOffset;
            int column = loc.getColumnNr();
            // A document with no content is null, or "" when it is a final "---" without a line break.
            boolean empty = t == JsonToken.VALUE_NULL
                    || t == JsonToken.VALUE_STRING && p.getTextLength() == 0 && !isAlias(p);
            JsonNode root = empty ? null : value(p, t, 0, -1, pool.root()).node;
            inDocument = false;
            if (problem != null) {
                sink.problem(index, problemLine, problemColumn, problem);
            } else {
                sink.document(index, root, root == null ? Map.of() : positions.table(pool), line, column);
            }
        }
    }

    /** A built node and how many nodes it stands for once aliases are expanded. */
    private record Built(JsonNode node, long weight) {
    }

    /**
     * Builds the value at the current token and records its position (or {@code keyPosition}, packed, when the
     * value is a collection under a key; -1 otherwise).
     */
    private Built value(JsonParser p, JsonToken t, int depth, long keyPosition, PointerPool.Node at)
            throws IOException {
        long here = position(p);
        String anchor = anchorOf(p, t);
        Built built;
        switch (t) {
            case START_OBJECT -> {
                record(at, keyPosition >= 0 ? keyPosition : here);
                built = depth >= MAX_DEPTH ? tooDeep(p) : object(p, depth, at);
            }
            case START_ARRAY -> {
                record(at, keyPosition >= 0 ? keyPosition : here);
                built = depth >= MAX_DEPTH ? tooDeep(p) : array(p, depth, at);
            }
            default -> {
                record(at, here);
                built = scalar(p, t);
            }
        }
        if (anchor != null) {
            anchors.put(anchor, new Anchored(built.node, built.weight));
        }
        return built;
    }

    private Built object(JsonParser p, int depth, PointerPool.Node at) throws IOException {
        ObjectNode obj = NODES.objectNode();
        long weight = 1;
        List<JsonNode> merges = null;
        JsonToken t;
        PointerPool.Node previous = null;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            PointerPool.Node child = at.field(p.currentName(), previous);
            previous = child;
            // The trie's copy of the key: its hash is cached, and it is the same string in every document.
            String name = child.name;
            long keyPos = position(p);
            JsonToken vt = p.nextToken();
            Built v = value(p, vt, depth + 1, keyPos, child);
            weight += v.weight;
            if (name.equals("<<") && p instanceof YAMLParser) {
                // YAML merge key: explicit keys win over merged ones, earlier merged maps over later ones.
                merges = merges == null ? new ArrayList<>() : merges;
                if (v.node.isArray()) {
                    v.node.forEach(merges::add);
                } else {
                    merges.add(v.node);
                }
                for (JsonNode m : merges) {
                    if (!m.isObject()) {
                        // SnakeYAML refuses such a document; a silently ignored merge would drop fields.
                        fail(keyPos, "merge key <<: expected a map or a list of maps, got " + Fields.kind(m));
                    }
                }
            } else if (obj.putIfAbsent(name, v.node) != null) {
                fail(keyPos, "duplicate key " + Fields.quote(name));
            }
        }
        if (merges != null) {
            for (JsonNode m : merges) {
                if (m.isObject()) {
                    var it = m.fields();
                    while (it.hasNext()) {
                        var e = it.next();
                        if (!obj.has(e.getKey())) {
                            obj.set(e.getKey(), e.getValue());
                        }
                    }
                }
            }
        }
        return new Built(obj, weight);
    }

    private Built array(JsonParser p, int depth, PointerPool.Node at) throws IOException {
        ArrayNode arr = NODES.arrayNode();
        long weight = 1;
        JsonToken t;
        int i = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            Built v = value(p, t, depth + 1, -1, at.item(i++));
            weight += v.weight;
            arr.add(v.node);
        }
        return new Built(arr, weight);
    }

    private Built tooDeep(JsonParser p) throws IOException {
        fail(position(p), "nesting deeper than " + MAX_DEPTH + " levels");
        p.skipChildren();
        return new Built(NullNode.getInstance(), 1);
    }

    private Built scalar(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING && isAlias(p)) {
            return alias(p, p.getText());
        }
        if (p instanceof ScalarYamlFactory.Parser yp && yp.valueProblem() != null) {
            fail(position(p), yp.valueProblem());
            return new Built(NullNode.getInstance(), 1);
        }
        if ((t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) && numberLength(p) > MAX_NUMBER_LENGTH) {
            fail(position(p), "number longer than " + MAX_NUMBER_LENGTH + " digits");
            return new Built(NullNode.getInstance(), 1);
        }
        try {
            JsonNode n = switch (t) {
                case VALUE_STRING -> NODES.textNode(p.getText());
                case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> NODES.numberNode(floatValue(p));
                case VALUE_TRUE -> NODES.booleanNode(true);
                case VALUE_FALSE -> NODES.booleanNode(false);
                case VALUE_NULL -> NullNode.getInstance();
                case VALUE_EMBEDDED_OBJECT -> {
                    Object o = p.getEmbeddedObject();
                    yield o instanceof byte[] b ? NODES.binaryNode(b) : NODES.pojoNode(o);
                }
                default -> throw new IllegalStateException("unexpected token " + t);
            };
            return new Built(n, 1);
        } catch (JsonProcessingException e) {
            // A value that does not convert (bad base64 under !!binary): the document is reported, the stream
            // goes on. The value itself is not quoted: it may be a Secret's.
            fail(position(p), t == JsonToken.VALUE_EMBEDDED_OBJECT ? "!!binary value is not valid base64"
                    : "not a valid number");
            return new Built(NullNode.getInstance(), 1);
        }
    }

    /** Characters in the current number token, without building a string for JSON. */
    private static int numberLength(JsonParser p) throws IOException {
        return p instanceof YAMLParser ? p.getText().length() : p.getTextLength();
    }

    /**
     * YAML's {@code .inf}, {@code -.Inf}, {@code .NaN} (which SnakeYAML types as floats and Jackson then fails to
     * convert) as the doubles they stand for; every other float as Jackson reads it.
     */
    private static double floatValue(JsonParser p) throws IOException {
        if (p instanceof YAMLParser) {
            String s = p.getText();
            int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
            String word = s.substring(start);
            if (word.equals(".inf") || word.equals(".Inf") || word.equals(".INF")) {
                return start == 1 && s.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (start == 0 && (word.equals(".nan") || word.equals(".NaN") || word.equals(".NAN"))) {
                return Double.NaN;
            }
        }
        return p.getDoubleValue();
    }

    /** An alias shares the anchored node; only its own position is recorded, not the expanded subtree's. */
    private Built alias(JsonParser p, String name) {
        Anchored a = anchors.get(name);
        if (a == null) {
            // Not named: a plain value starting with '*' is read as an alias (a password in stringData).
            fail(position(p), "unknown alias (no anchor of that name before it in this document)");
            return new Built(NullNode.getInstance(), 1);
        }
        if (a.node.isContainerNode()) {
            if (++collectionAliases > MAX_COLLECTION_ALIASES) {
                fail(position(p), "more than " + MAX_COLLECTION_ALIASES
                        + " aliases to lists or maps in one document (a YAML alias bomb?)");
                return new Built(NullNode.getInstance(), 1);
            }
            expanded += a.weight;
            if (expanded > MAX_EXPANDED_NODES) {
                fail(position(p), "aliases expand to more than " + MAX_EXPANDED_NODES
                        + " values in one document (a YAML alias bomb?)");
                return new Built(NullNode.getInstance(), 1);
            }
        }
        return new Built(a.node, a.weight);
    }

    private static boolean isAlias(JsonParser p) {
        return p instanceof YAMLParser yp && yp.isCurrentAlias();
    }

    private static String anchorOf(JsonParser p, JsonToken t) throws IOException {
        if (!(p instanceof YAMLParser)) {
            return null;
        }
        Object id = p.getObjectId();
        return id == null ? null : id.toString();
    }

    private long position(JsonParser p) {
        JsonLocation loc = p.currentTokenLocation();
        return io.gwctl.model.SourceMap.pack(loc.getLineNr() + lineOffset, loc.getColumnNr());
    }

    private void record(PointerPool.Node at, long pos) {
        positions.add(at, pos);
    }

    private void fail(long pos, String message) {
        if (problem == null) {
            problem = message;
            problemLine = (int) (pos >>> 32);
            problemColumn = (int) pos;
        }
    }
}
