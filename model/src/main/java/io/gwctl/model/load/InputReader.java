package io.gwctl.model.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gwctl.model.Origin;
import io.gwctl.model.Resource;
import io.gwctl.model.ResourceRef;
import io.gwctl.model.SourceMap;
import java.io.IOException;
import java.io.StringReader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the documents of one file (or standard input) and maps each right after it is built, so no tree outlives
 * its document. A syntax error ends the document it is in; reading resumes at the next {@code ---} line when there
 * is one, otherwise the rest of the file is reported as skipped.
 */
final class InputReader implements TreeBuilder.Sink {
    private static final YAMLFactory YAML = yamlFactory();
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(constraints())
            .build();

    /** The fast path, unless {@code -Dgwctl.loader=full} (to compare, and for the benchmarks). */
    static final boolean FAST_PATH = !"full".equals(System.getProperty("gwctl.loader"));

    /** After this many syntax errors in one file, the file is clearly not YAML: stop resynchronising. */
    static final int MAX_SYNTAX_ERRORS = 20;

    private final String name;
    private final String defaultNamespace;
    private final PointerPool pool;
    private final ValuePool values;
    /** Whether resources keep their positions ({@link LoadOptions#positions}); problems are placed either way. */
    private boolean keepPositions = true;
    private final List<Resource> resources = new ArrayList<>();
    private final List<LoadProblem> problems = new ArrayList<>();
    private final Map<String, Integer> skippedKinds = new HashMap<>();
    private final List<ResourceRef> gatewayApiGateways = new ArrayList<>();
    private int documents;

    InputReader(String name, String defaultNamespace, PointerPool pool) {
        this(name, defaultNamespace, pool, ValuePool.NONE);
    }

    /** A reader whose resources share equal small values with the other files of the load through {@code values}. */
    InputReader(String name, String defaultNamespace, PointerPool pool, ValuePool values) {
        this.name = name;
        this.defaultNamespace = defaultNamespace;
        this.pool = pool;
        this.values = values.forFile();
    }

    /** Resources read from now on keep their positions, or not ({@link LoadOptions#positions}). */
    InputReader keepPositions(boolean keep) {
        this.keepPositions = keep;
        return this;
    }

    /**
     * The stock factory's settings (a builder made from scratch leaves the parser features at 0, which turns
     * {@code EMPTY_STRING_AS_NULL} off and reads {@code labels:} as {@code ""}). Alias and nesting limits are
     * enforced by {@link TreeBuilder} (Jackson reads YAML as events, where SnakeYAML's own alias limit does not
     * apply); the code point limit is lifted because the loader already caps the file size.
     */
    private static YAMLFactory yamlFactory() {
        LoaderOptions lo = new LoaderOptions();
        lo.setMaxAliasesForCollections(TreeBuilder.MAX_COLLECTION_ALIASES);
        lo.setNestingDepthLimit(TreeBuilder.PARSER_MAX_DEPTH);
        lo.setCodePointLimit(Integer.MAX_VALUE);
        return new ScalarYamlFactory(new YAMLFactory().rebuild().loaderOptions(lo)
                .streamReadConstraints(constraints()));
    }

    /**
     * The parsers' own limits sit above the loader's, which {@link TreeBuilder} reports with the place of the
     * value and then reads on: nesting beyond {@link TreeBuilder#MAX_DEPTH} is skipped to its end, a number
     * longer than {@link TreeBuilder#MAX_NUMBER_LENGTH} digits is not converted. The file size bounds the rest.
     */
    private static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxNestingDepth(TreeBuilder.PARSER_MAX_DEPTH)
                .maxStringLength(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE).build();
    }

    FileOutcome outcome() {
        return new FileOutcome(resources, problems, documents, skippedKinds, true, gatewayApiGateways);
    }

    /** Checks that the bytes are UTF-8 text, then reads them. */
    void readBytes(byte[] bytes, boolean json) {
        int scan = scan(bytes);
        if (scan >= 0) {
            notText(bytes, scan, "it contains a NUL byte");
            return;
        }
        if (scan == ASCII) {
            readAscii(bytes, json);
            return;
        }
        String text = decode(bytes);
        if (text != null) {
            readText(text, json, this, bytes);
        }
    }

    /** {@link #scan}'s answer for bytes that are all ASCII (and none NUL). */
    static final int ASCII = -1;
    /** {@link #scan}'s answer for bytes with one or more above 0x7F (and none NUL). */
    static final int NOT_ASCII = -2;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The offset of the first NUL byte, else {@link #ASCII} or {@link #NOT_ASCII}: eight bytes at a time (a word
     * has a zero byte exactly when {@code (x - 0x01..01) & ~x & 0x80..80} is not 0), a third of the time of a loop
     * over bytes with C1 (N=10,000: 0.14 s of loader CPU), which is what small and mid-sized runs compile with.
     */
    static int scan(byte[] b) {
        long high = 0;
        int i = 0;
        for (int n = b.length - 7; i < n; i += 8) {
            long x = (long) LONGS.get(b, i);
            if (((x - ONES) & ~x & HIGHS) != 0) {
                break; // the byte loop below finds it
            }
            high |= x;
        }
        for (; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
            high |= b[i];
        }
        return (high & HIGHS) == 0 ? ASCII : NOT_ASCII;
    }

    /**
     * ASCII bytes, which need no decoding and hold no BOM: the text (a copy of the bytes as a string) is made only
     * when the full parser has to read some of it.
     */
    private void readAscii(byte[] b, boolean json) {
        if (!FAST_PATH || json) {
            readFull(new String(b, StandardCharsets.ISO_8859_1), false, json, this, 0, 0, 0);
            return;
        }
        BlockYamlReader.Resume resume = BlockYamlReader.read(b, 0, b.length, true, pool, this);
        if (resume != null) {
            readFull(new String(b, StandardCharsets.ISO_8859_1), true, json, this, resume.linesBefore(),
                    resume.offset(), resume.index());
        }
    }

    /** The text of bytes with no NUL and some non-ASCII, or null after reporting that they are not UTF-8. */
    private String decode(byte[] bytes) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            notText(bytes, in.position(), "invalid UTF-8");
            return null;
        }
        dec.flush(out);
        out.flip();
        return out.toString();
    }

    /**
     * The problem of a file that is not text, at the line and column of the offending byte (the column counts
     * characters, i.e. UTF-8 lead bytes, from the start of its line): every problem is {@code FILE:LINE:COL}.
     */
    private void notText(byte[] bytes, int offset, String why) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        problems.add(new LoadProblem(LoadProblem.Type.PARSE, name, line, column,
                "not a text file (" + why + " at byte " + offset + ")"));
    }

    /** Reads every document of the text, resynchronising after a syntax error where it can. */
    void readText(String text, boolean json) {
        readText(text, json, this);
    }

    /** As {@link #readText(String, boolean)}, handing the documents to {@code sink} (tests compare trees). */
    void readText(String text, boolean json, TreeBuilder.Sink sink) {
        readText(text, json, sink, null);
    }

    /**
     * The fast path ({@link BlockYamlReader}) reads the documents it can, over the text's UTF-8 bytes
     * ({@code bytes} when the caller has them); the full parser reads the rest of the file from the first document
     * it could not.
     */
    private void readText(String text, boolean json, TreeBuilder.Sink sink, byte[] bytes) {
        int bom = 0;
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
            bom = bytes == null ? 0 : 3;
        }
        if (!FAST_PATH || json) {
            readFull(text, false, json, sink, 0, 0, 0);
            return;
        }
        byte[] b = bytes != null ? bytes : utf8(text);
        if (b == null) {
            readFull(text, false, json, sink, 0, 0, 0);
            return;
        }
        boolean ascii = text.length() == b.length - bom;
        BlockYamlReader.Resume resume = BlockYamlReader.read(b, bom, b.length, ascii, pool, sink);
        if (resume != null) {
            int offset = ascii ? resume.offset() - bom : charCount(b, bom, resume.offset());
            readFull(text, true, json, sink, resume.linesBefore(), offset, resume.index());
        }
    }

    /** The full parser on {@code text} alone (the fast path types unusual plain scalars with it). */
    void readFull(String text, TreeBuilder.Sink sink) {
        readFull(text, false, false, sink, 0, 0, 0);
    }

    /** The text's UTF-8 bytes, or null when it holds a lone surrogate (which the full parser reports). */
    private static byte[] utf8(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= text.length()
                        || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return null;
                }
                i++;
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** UTF-16 characters encoded by the valid UTF-8 {@code b[from, to)}. */
    private static int charCount(byte[] b, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            if ((c & 0xC0) != 0x80) {
                n += c >= 0xF0 ? 2 : 1;
            }
        }
        return n;
    }

    /**
     * The full parser from a line start ({@code startOffset}, after {@code startLine} lines) and document index.
     * {@code resumed}: the fast path read the documents before, and an error on this first line resynchronises as
     * it would had the parser started at the beginning of the file.
     */
    private void readFull(String text, boolean resumed, boolean json, TreeBuilder.Sink sink, int startLine,
            int startOffset, int nextIndex) {
        boolean first = resumed;
        int syntaxErrors = 0;
        while (true) {
            TreeBuilder builder = new TreeBuilder(pool, startLine);
            JsonParser p = null;
            try {
                p = json ? JSON.createParser(text) : YAML.createParser(reader(text, startOffset));
                builder.readAll(p, nextIndex, sink);
                return;
            } catch (JsonProcessingException e) {
                int[] where = errorPosition(e, p);
                int line = where[0] + startLine;
                // Resume at the next "---" after the error, scanning only forward: O(file) however many errors.
                int[] resync = json || ++syntaxErrors >= MAX_SYNTAX_ERRORS ? null
                        : nextDocumentStart(text, startOffset, startLine + 1,
                        Math.max(line, first ? 2 : startLine + 2));
                first = false;
                String message = io.gwctl.model.Printable.escape(errorMessage(e));
                String rest = resync != null ? "; skipped to the next document at line " + resync[0]
                        : syntaxErrors >= MAX_SYNTAX_ERRORS ? "; too many syntax errors, the rest of the file was"
                        + " skipped" : "; the rest of the file was skipped";
                problems.add(new LoadProblem(LoadProblem.Type.PARSE, name, line, where[1], message + rest));
                if (resync == null) {
                    return;
                }
                // The broken document counts even when the error came before its first token.
                nextIndex += builder.documents() + (builder.inDocument() ? 0 : 1);
                startLine = resync[0] - 1;
                startOffset = resync[1];
            } catch (IOException | RuntimeException e) {
                problems.add(new LoadProblem(LoadProblem.Type.PARSE, name, 0, 0,
                        "internal error while parsing: " + e, e));
                return;
            } finally {
                closeQuietly(p);
            }
        }
    }

    private static void closeQuietly(JsonParser p) {
        if (p != null) {
            try {
                p.close();
            } catch (IOException e) {
                // Text in memory: nothing to release.
            }
        }
    }

    /** A reader over the text from {@code offset}, without copying it. */
    private static StringReader reader(String text, int offset) {
        return new ScalarYamlFactory.TextReader(text, offset);
    }

    /** Where the error is: SnakeYAML's mark, else Jackson's location, else where the parser stopped. */
    private static int[] errorPosition(JsonProcessingException e, JsonParser p) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            Mark mark = m.getProblemMark();
            return new int[] {mark.getLine() + 1, mark.getColumn() + 1};
        }
        JsonLocation loc = e.getLocation();
        if ((loc == null || loc.getLineNr() <= 0) && p != null) {
            loc = p.currentLocation(); // constraint violations carry no location
        }
        return loc == null ? new int[] {0, 0} : new int[] {Math.max(loc.getLineNr(), 0), Math.max(loc.getColumnNr(), 0)};
    }

    /** SnakeYAML's own wording ("mapping values are not allowed here") without the echoed source snippet. */
    private static String errorMessage(JsonProcessingException e) {
        String limit = limitMessage(e);
        if (limit != null) {
            return limit;
        }
        if (e.getCause() instanceof MarkedYAMLException m) {
            String problem = withoutInput(m.getProblem());
            String context = m.getContext();
            if (context != null && problem != null) {
                return context + ": " + problem;
            }
            if (problem != null) {
                return problem;
            }
        }
        String msg = e.getOriginalMessage();
        if (msg.startsWith("Unrecognized token")) {
            // Jackson quotes up to 256 characters of the token: in a JSON Secret, part of a key.
            return "unrecognized token (not a JSON value)";
        }
        if (msg.startsWith("Expected a field name")) {
            // Jackson's wording names SnakeYAML event classes; say what a user wrote instead.
            String got = msg.contains("MappingStart") ? "a map" : msg.contains("SequenceStart") ? "a list" : "a value";
            return "expected a key, got " + got + " (a complex key, or an unrendered {{ template }}?)";
        }
        int nl = msg.indexOf('\n');
        return nl >= 0 ? msg.substring(0, nl) : msg;
    }

    /**
     * SnakeYAML's problem without the piece of input some of its messages quote (a tag handle, an escape
     * sequence): that text may be a Secret's value, and the position already points at it.
     */
    private static String withoutInput(String problem) {
        if (problem == null) {
            return null;
        }
        if (problem.startsWith("found undefined tag handle")) {
            return "found undefined tag handle";
        }
        int found = problem.indexOf(", but found");
        return found >= 0 ? problem.substring(0, found) : problem;
    }

    /**
     * A parser limit in gwctl's words (Jackson's text names its configuration classes), or null. Only the nesting
     * limit can be reached: the loader's own checks come first for numbers, and the file size bounds strings.
     */
    private static String limitMessage(JsonProcessingException e) {
        String msg = String.valueOf(e.getOriginalMessage());
        String cause = e.getCause() == null ? "" : String.valueOf(e.getCause().getMessage());
        if (e instanceof StreamConstraintsException && msg.contains("nesting depth")
                || cause.startsWith("Nesting Depth exceeded")) {
            return "nesting deeper than " + TreeBuilder.MAX_DEPTH + " levels";
        }
        if (e instanceof StreamConstraintsException && msg.startsWith("Number value length")) {
            return "number longer than " + TreeBuilder.MAX_NUMBER_LENGTH + " digits";
        }
        return e instanceof StreamConstraintsException ? "input exceeds a parser limit" : null;
    }

    /**
     * The first line at or after {@code fromLine} that starts a document ({@code ---}), as its 1-based number and
     * offset, scanning from a known line start ({@code offset} is where line {@code line} begins); null when none.
     */
    private static int[] nextDocumentStart(String text, int offset, int line, int fromLine) {
        int i = offset;
        while (i < text.length()) {
            if (line >= fromLine && text.startsWith("---", i)
                    && (i + 3 == text.length() || Character.isWhitespace(text.charAt(i + 3)))) {
                return new int[] {line, i};
            }
            int nl = text.indexOf('\n', i);
            if (nl < 0) {
                break;
            }
            i = nl + 1;
            line++;
        }
        return null;
    }

    @Override
    public void problem(int index, int line, int column, String message) {
        documents++;
        problems.add(new LoadProblem(LoadProblem.Type.PARSE, name, line, column, message));
    }

    @Override
    public void document(int index, JsonNode root, Map<String, Long> positions, int line, int column) {
        if (root == null || (root.isObject() && root.isEmpty())) {
            return; // an empty document (a trailing ---, a Helm template that rendered nothing)
        }
        documents++;
        accept(root, positions, new Origin(name, index, line, column));
    }

    /** Maps one document or List item; a List's items are each accepted with positions relative to the item. */
    private void accept(JsonNode doc, Map<String, Long> positions, Origin origin) {
        SourceMap source = !keepPositions ? SourceMap.empty()
                : positions instanceof TreeTable t ? t.sourceMap(origin.line())
                : new SourceMap(positions, origin.line());
        JsonNode items = doc.get("items");
        String kind = doc.path("kind").asText("");
        if (kind.endsWith("List") && items != null && items.isArray() && doc.path("kind").isTextual()) {
            Map<String, Long>[] tables = positions instanceof PositionTable t ? t.splitItems(items.size(), pool)
                    : positions instanceof TreeTable t ? t.splitItems(items.size()) : null;
            for (int i = 0; i < items.size(); i++) {
                String prefix = "/items/" + i;
                Map<String, Long> sub = tables == null || tables[i] == null ? PositionTable.empty() : tables[i];
                long pos = positions.getOrDefault(prefix, SourceMap.pack(origin.line(), origin.column()));
                JsonNode item = items.get(i);
                if (item.isObject() && item.isEmpty()) {
                    continue;
                }
                accept(item, sub, new Origin(name, origin.document(), (int) (pos >>> 32), (int) pos));
            }
            return;
        }
        if (isKustomization(doc)) {
            skippedKinds.merge("Kustomization", 1, Integer::sum);
            return;
        }
        try {
            Resource r = ResourceMapper.map(doc, source, origin, defaultNamespace, values);
            if (r != null) {
                resources.add(r);
            } else {
                String key = ResourceMapper.skipKey(doc);
                skippedKinds.merge(key, 1, Integer::sum);
                ResourceRef gatewayApi = ResourceMapper.gatewayApiGateway(doc, key, defaultNamespace);
                if (gatewayApi != null) {
                    gatewayApiGateways.add(gatewayApi);
                }
            }
        } catch (InvalidResourceException e) {
            String p = nearestPresent(positions, e.pointer());
            Long pos = positions.get(p);
            int line = pos == null ? origin.line() : (int) (pos >>> 32);
            int column = pos == null ? origin.column() : (int) (long) pos;
            problems.add(new LoadProblem(LoadProblem.Type.INVALID, name, line, column, e.getMessage(), null,
                    ResourceMapper.refOf(doc, defaultNamespace)));
        } catch (RuntimeException e) {
            // A bug in mapping one document must not cost the user the rest of the file.
            problems.add(new LoadProblem(LoadProblem.Type.INVALID, name, origin.line(), origin.column(),
                    "internal error while reading this document: " + e, e));
        }
    }

    /**
     * A kustomization file in a directory passed with {@code -f} is not a manifest; old ones have no kind, so they
     * are recognised by name rather than reported as a document without kind.
     */
    private boolean isKustomization(JsonNode doc) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return (base.equals("kustomization.yaml") || base.equals("kustomization.yml") || base.equals("Kustomization"))
                && (doc.path("kind").isMissingNode() || doc.path("kind").asText().equals("Kustomization"));
    }

    private static String nearestPresent(Map<String, Long> positions, String pointer) {
        String p = pointer;
        while (!p.isEmpty() && !positions.containsKey(p)) {
            p = p.substring(0, p.lastIndexOf('/'));
        }
        return p;
    }

    /** {@code 52.4 MB}: sizes in binary units, as the limit is 64 MiB by default. */
    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
