package io.gwctl.model.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Typed reads of one document's fields that fail with the field's path and the offending value, so that a wrong
 * type becomes {@code spec.servers[0].port.number: expected an integer, got "eighty"} rather than a silent default.
 * Every method takes the JSON pointer of the parent object; a missing field and an explicit {@code null} read the
 * same (as the API server's decoder does).
 */
final class Fields {
    private static final int MAX_SHOWN = 60;
    /** Values longer than this are rarely repeated (certificates, long regexes): not worth sharing. */
    private static final int MAX_SHARED_LENGTH = 128;
    private static final int MAX_SHARED_VALUES = 100_000;
    /**
     * One copy of each short string value per loading thread: hosts, namespaces, gateway names, protocols and
     * labels repeat across thousands of documents (a third of the heap at N=10,000 in bench/bench-load.sh).
     * Per thread so that sharing needs no locking; the loader's threads end with the load.
     */
    private static final ThreadLocal<ValueTable> VALUES = ThreadLocal.withInitial(ValueTable::new);

    /**
     * An open-addressing set of strings: a lookup is a hash and a comparison, with no entry object to allocate or
     * follow (a HashMap here was the loader's busiest map).
     */
    private static final class ValueTable {
        private String[] slots = new String[1024];
        private int size;

        String share(String value) {
            int h = value.hashCode();
            int mask = slots.length - 1;
            int i = (h ^ (h >>> 16)) & mask;
            for (String s = slots[i]; s != null; s = slots[i]) {
                // A stored string's hash is cached: comparing it first skips most unequal strings.
                if (s.hashCode() == h && s.equals(value)) {
                    return s;
                }
                i = (i + 1) & mask;
            }
            if (size >= MAX_SHARED_VALUES) {
                slots = new String[1024];
                size = 0;
                return value;
            }
            slots[i] = value;
            if (++size * 2 > slots.length) {
                grow();
            }
            return value;
        }

        private void grow() {
            String[] old = slots;
            slots = new String[old.length * 2];
            int mask = slots.length - 1;
            for (String s : old) {
                if (s != null) {
                    int h = s.hashCode();
                    int i = (h ^ (h >>> 16)) & mask;
                    while (slots[i] != null) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = s;
                }
            }
        }
    }

    private Fields() {
    }

    /** The shared copy of a short value. */
    static String shared(String value) {
        return value.length() > MAX_SHARED_LENGTH ? value : VALUES.get().share(value);
    }

    static String child(String pointer, String field) {
        return pointer + "/" + escape(field);
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** Items of at most this index have their pointers kept ({@link #item}). */
    private static final int KEPT_ITEMS = 32;
    /** At most this many list pointers have their items' pointers kept. */
    private static final int KEPT_LISTS = 4096;
    private static final ConcurrentHashMap<String, String[]> ITEMS = new ConcurrentHashMap<>();

    /**
     * {@link #child(String, int)} of a list's pointer: the first items of the lists every document repeats
     * ({@code /spec/http/0}, {@code /spec/http/0/route/1}) are made once per process, not once per document (a
     * string built per list item was the loader's largest cost after the parse under C1). Bounded: further lists and
     * items get a new string, as before.
     */
    static String item(String list, int index) {
        if (index >= KEPT_ITEMS) {
            return child(list, index);
        }
        String[] items = ITEMS.get(list);
        if (items == null) {
            if (ITEMS.size() >= KEPT_LISTS) {
                return child(list, index);
            }
            items = ITEMS.computeIfAbsent(list, k -> new String[KEPT_ITEMS]);
        }
        String s = items[index];
        if (s == null) {
            // A race only makes two equal strings, one of which is kept: equal either way.
            s = child(list, index);
            items[index] = s;
        }
        return s;
    }

    private static final ConcurrentHashMap<String, ConcurrentHashMap<String, String>> MEMBERS =
            new ConcurrentHashMap<>();

    /**
     * {@link #child(String, String)} for a list field of the mapped kinds ({@code /spec/http}, {@code .../route}):
     * made once per process like {@link #item}, so that its items' pointers are looked up by a string whose hash is
     * already known. Bounded as {@link #item} is.
     */
    static String member(String pointer, String field) {
        ConcurrentHashMap<String, String> fields = MEMBERS.get(pointer);
        if (fields == null) {
            if (MEMBERS.size() >= KEPT_LISTS) {
                return child(pointer, field);
            }
            fields = MEMBERS.computeIfAbsent(pointer, k -> new ConcurrentHashMap<>());
        }
        String s = fields.get(field);
        if (s == null) {
            if (fields.size() >= KEPT_ITEMS) {
                return child(pointer, field);
            }
            s = fields.computeIfAbsent(field, f -> child(pointer, f));
        }
        return s;
    }

    /** The field's node, or null when absent or null. */
    static JsonNode node(JsonNode parent, String field) {
        if (parent == null) {
            return null;
        }
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? null : n;
    }

    /** The object at {@code field}, or null when absent. */
    static JsonNode object(JsonNode parent, String field, String pointer) throws InvalidResourceException {
        JsonNode n = node(parent, field);
        if (n != null && !n.isObject()) {
            throw wrongType(child(pointer, field), "an object", n);
        }
        return n;
    }

    /** The elements of the list at {@code field} (empty when absent). */
    static List<JsonNode> list(JsonNode parent, String field, String pointer) throws InvalidResourceException {
        JsonNode n = node(parent, field);
        if (n == null) {
            return List.of();
        }
        if (!n.isArray()) {
            throw wrongType(child(pointer, field), "a list", n);
        }
        List<JsonNode> out = new ArrayList<>(n.size());
        n.forEach(out::add);
        return out;
    }

    /** Maps one list element, given its pointer and index. */
    @FunctionalInterface
    interface ItemMapper<T> {
        T map(JsonNode item, String pointer, int index) throws InvalidResourceException;
    }

    /** Maps each element of the list of objects at {@code field} (empty when absent). */
    static <T> List<T> objects(JsonNode parent, String field, String pointer, ItemMapper<T> mapper)
            throws InvalidResourceException {
        List<JsonNode> nodes = list(parent, field, pointer);
        List<T> out = new ArrayList<>(nodes.size());
        String p = member(pointer, field);
        for (int i = 0; i < nodes.size(); i++) {
            String ip = item(p, i);
            JsonNode n = nodes.get(i);
            if (!n.isObject()) {
                throw wrongType(ip, "an object", n);
            }
            out.add(mapper.map(n, ip, i));
        }
        return out;
    }

    static String string(JsonNode parent, String field, String pointer) throws InvalidResourceException {
        JsonNode n = node(parent, field);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            throw wrongType(child(pointer, field), "a string", n);
        }
        return shared(n.textValue());
    }

    static String string(JsonNode parent, String field, String pointer, String dflt) throws InvalidResourceException {
        String s = string(parent, field, pointer);
        return s == null || s.isEmpty() ? dflt : s;
    }

    /**
     * An integer field; 0 when absent. A string of digits is accepted as istiod's protobuf JSON decoder does
     * ({@code "80"}), anything else names the field and the value.
     */
    static int integer(JsonNode parent, String field, String pointer) throws InvalidResourceException {
        JsonNode n = node(parent, field);
        if (n == null) {
            return 0;
        }
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return n.intValue(); // integerValue's first case, without making the pointer its errors name
        }
        return integerValue(n, child(pointer, field));
    }

    /**
     * A port number field of a Kubernetes object; 0 when absent. A present value must be 1-65535, as the API
     * server's validation requires ({@code IsValidPortNum}), in its wording:
     * {@code spec.ports[0].port: Invalid value: -80: must be between 1 and 65535, inclusive}.
     */
    static int port(JsonNode parent, String field, String pointer) throws InvalidResourceException {
        JsonNode n = node(parent, field);
        return n == null ? 0 : portValue(n, child(pointer, field));
    }

    static int portValue(JsonNode n, String pointer) throws InvalidResourceException {
        int v = integerValue(n, pointer);
        if (v < 1 || v > 65_535) {
            throw new InvalidResourceException(pointer, path(pointer) + ": Invalid value: " + v
                    + ": must be between 1 and 65535, inclusive");
        }
        return v;
    }

    static int integerValue(JsonNode n, String pointer) throws InvalidResourceException {
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return n.intValue();
        }
        if (n.isTextual() && isDigits(n.textValue()) && n.textValue().length() <= 9) {
            return Integer.parseInt(n.textValue());
        }
        if (n.isFloatingPointNumber() && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return (int) n.doubleValue();
        }
        throw wrongType(pointer, "an integer", n);
    }

    static boolean bool(JsonNode parent, String field, String pointer) throws InvalidResourceException {
        JsonNode n = node(parent, field);
        if (n == null) {
            return false;
        }
        if (!n.isBoolean()) {
            throw wrongType(child(pointer, field), "true or false", n);
        }
        return n.booleanValue();
    }

    static List<String> strings(JsonNode parent, String field, String pointer) throws InvalidResourceException {
        JsonNode n = node(parent, field);
        if (n == null) {
            return List.of();
        }
        String p = child(pointer, field);
        if (!n.isArray()) {
            throw wrongType(p, "a list of strings", n);
        }
        List<String> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (!e.isTextual()) {
                throw wrongType(child(p, i), "a string", e);
            }
            out.add(shared(e.textValue()));
        }
        return out;
    }

    /** A string-to-string map such as labels; null when absent. Values must be strings, as in Kubernetes. */
    static Map<String, String> stringMap(JsonNode parent, String field, String pointer)
            throws InvalidResourceException {
        JsonNode n = object(parent, field, pointer);
        if (n == null) {
            return null;
        }
        String p = child(pointer, field);
        Map<String, String> out = new LinkedHashMap<>();
        var it = n.fields();
        while (it.hasNext()) {
            var e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                out.put(e.getKey(), "");
            } else if (v.isTextual()) {
                out.put(shared(e.getKey()), shared(v.textValue()));
            } else {
                throw wrongType(child(p, e.getKey()), "a string", v);
            }
        }
        return out;
    }

    static InvalidResourceException wrongType(String pointer, String expected, JsonNode got) {
        String value = isSecretData(pointer) ? kind(got) : describe(got);
        return new InvalidResourceException(pointer, path(pointer) + ": expected " + expected + ", got " + value);
    }

    /**
     * True for a Secret's {@code data} and {@code stringData} and anything under them: no message quotes such a
     * value (a string where the map belongs is often the whole credential). No other kind gwctl reads has these
     * top-level fields, so the rule needs no kind.
     */
    static boolean isSecretData(String pointer) {
        return pointer.equals("/data") || pointer.equals("/stringData") || pointer.startsWith("/data/")
                || pointer.startsWith("/stringData/");
    }

    /** The value as a user would recognise it: a quoted, shortened string; a number; "an object"; "a list". */
    static String describe(JsonNode n) {
        if (n == null || n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            String s = n.textValue();
            if (s.length() > MAX_SHOWN) {
                s = s.substring(0, MAX_SHOWN) + "...";
            }
            return quote(s);
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isBinary()) {
            return "binary data";
        }
        return n.asText();
    }

    /** What kind of value a node is, without its value: for messages about values that may be secret. */
    static String kind(JsonNode n) {
        if (n == null || n.isNull()) {
            return "null";
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isTextual()) {
            return "a string";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "true or false";
        }
        return n.isBinary() ? "binary data" : "a value";
    }

    /** A JSON-style quoted string, with control characters escaped so a message stays on one line. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * A JSON pointer as a field path users read: {@code /spec/servers/0/port} becomes {@code spec.servers[0].port},
     * and a key that is not a plain identifier is bracketed: {@code metadata.labels["app.kubernetes.io/name"]}.
     */
    static String path(String pointer) {
        if (pointer.isEmpty()) {
            return "(document)";
        }
        StringBuilder sb = new StringBuilder();
        for (String raw : pointer.substring(1).split("/", -1)) {
            String seg = unescape(raw);
            if (isDigits(seg)) {
                sb.append('[').append(seg).append(']');
            } else if (isIdentifier(seg)) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(seg);
            } else {
                sb.append('[').append(quote(seg)).append(']');
            }
        }
        return sb.toString();
    }

    /** Escapes a key for a JSON pointer (RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
    static String escape(String key) {
        if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
            return key;
        }
        return key.replace("~", "~0").replace("/", "~1");
    }

    static String unescape(String seg) {
        if (seg.indexOf('~') < 0) {
            return seg;
        }
        return seg.replace("~1", "/").replace("~0", "~");
    }

    static boolean isDigits(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
