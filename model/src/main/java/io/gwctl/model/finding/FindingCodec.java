package io.gwctl.model.finding;

import io.gwctl.model.ResourceRef;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A finding as bytes, for the findings a run keeps on disk ({@link FindingSorter}): the severity, then each string
 * as its UTF-8 length (-1 for null) and bytes, the integers as four bytes. The short strings a report repeats (codes,
 * kinds, namespaces, files, fields) are shared again when read.
 */
final class FindingCodec {
    private static final Severity[] SEVERITIES = Severity.values();
    /** Strings up to this length are shared when read (names and paths, not messages). */
    private static final int SHARED_MAX = 200;

    private final Map<String, String> shared = new HashMap<>();

    /** Writes {@code f} to {@code out}. */
    static void write(Finding f, Out out) {
        out.write(f.severity().ordinal());
        out.string(f.code());
        out.integer(f.aliases().size());
        for (String a : f.aliases()) {
            out.string(a);
        }
        ResourceRef r = f.resource();
        out.write(r == null ? 0 : 1);
        if (r != null) {
            out.string(r.kind());
            out.string(r.namespace());
            out.string(r.name());
        }
        Location l = f.location();
        out.write(l == null ? 0 : 1);
        if (l != null) {
            out.string(l.file());
            out.integer(l.line());
            out.integer(l.column());
            out.string(l.field());
        }
        out.string(f.message());
        out.string(f.hint());
    }

    /** Reads the finding that starts at {@code in}'s position. */
    Finding read(ByteBuffer in) {
        Severity severity = SEVERITIES[in.get()];
        String code = sharedString(in);
        int n = in.getInt();
        List<String> aliases = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            aliases.add(sharedString(in));
        }
        ResourceRef r = in.get() == 0 ? null : new ResourceRef(sharedString(in), sharedString(in), sharedString(in));
        Location l = in.get() == 0 ? null
                : new Location(sharedString(in), in.getInt(), in.getInt(), sharedString(in));
        return new Finding(code, severity, aliases, r, l, string(in), string(in));
    }

    private String sharedString(ByteBuffer in) {
        String s = string(in);
        if (s == null || s.length() > SHARED_MAX) {
            return s;
        }
        if (shared.size() > 100_000) {
            shared.clear();
        }
        String kept = shared.putIfAbsent(s, s);
        return kept == null ? s : kept;
    }

    private static String string(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0) {
            return null;
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    /** A growable byte buffer that one finding at a time is written to. */
    static final class Out extends ByteArrayOutputStream {
        Out() {
            super(1024);
        }

        void integer(int v) {
            write(v >>> 24);
            write(v >>> 16);
            write(v >>> 8);
            write(v);
        }

        void string(String s) {
            if (s == null) {
                integer(-1);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            integer(b.length);
            write(b, 0, b.length);
        }

        /** The bytes written so far, without a copy. */
        byte[] buffer() {
            return buf;
        }
    }
}
