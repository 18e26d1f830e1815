package io.gwctl.model.trace;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the gateway's HTTP connection manager does to the request path before routing, by Istio's mesh setting
 * {@code meshConfig.pathNormalization.normalization} (default {@link #BASE}). In Istio's order: percent-encoded slashes
 * and backslashes decoded ({@link #DECODE_AND_MERGE_SLASHES} only); then Envoy's {@code normalize_path} (RFC 3986:
 * percent-encoded unreserved characters decoded, backslashes made slashes, {@code .} and {@code ..} segments removed);
 * then runs of slashes merged ({@link #MERGE_SLASHES} and up). The query is never changed.
 */
public enum PathNormalization {
    /** Nothing: the path is routed as it came. */
    NONE,
    /** Envoy's {@code normalize_path}: Istio's default. */
    BASE,
    /** {@link #BASE}, then {@code //} merged into {@code /}. */
    MERGE_SLASHES,
    /** {@code %2F} and {@code %5C} decoded, then {@link #MERGE_SLASHES}. */
    DECODE_AND_MERGE_SLASHES;

    /** {@code path} (no query, starts with {@code /}) as the router sees it. */
    public String apply(String path) {
        if (this == NONE) {
            return path;
        }
        String p = this == DECODE_AND_MERGE_SLASHES ? decodeSlashes(path) : path;
        p = removeDotSegments(decodeUnreserved(p).replace('\\', '/'));
        return this == BASE ? p : p.replaceAll("/{2,}", "/");
    }

    /** {@code %2F}/{@code %2f} to {@code /} and {@code %5C}/{@code %5c} to {@code \}. */
    static String decodeSlashes(String path) {
        return path.replaceAll("%2[Ff]", "/").replaceAll("%5[Cc]", "\\\\");
    }

    /** Decodes {@code %XX} where XX is a letter, a digit, {@code -}, {@code .}, {@code _} or {@code ~}; keeps the rest. */
    static String decodeUnreserved(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()) {
                int hi = Character.digit(path.charAt(i + 1), 16);
                int lo = Character.digit(path.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    char d = (char) (hi * 16 + lo);
                    if (unreserved(d)) {
                        sb.append(d);
                        i += 2;
                        continue;
                    }
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static boolean unreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    /**
     * RFC 3986 §5.2.4 on an absolute path: {@code .} segments go, {@code ..} takes the segment before it away (never
     * above the root); a path ending in {@code /.} or {@code /..} keeps its trailing slash.
     */
    static String removeDotSegments(String path) {
        if (!path.contains(".")) {
            return path;
        }
        String[] segments = path.split("/", -1);
        Deque<String> out = new ArrayDeque<>();
        boolean trailingSlash = false;
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.equals(".")) {
                trailingSlash = last;
            } else if (s.equals("..")) {
                out.pollLast();
                trailingSlash = last;
            } else {
                out.addLast(s);
                trailingSlash = false;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String s : out) {
            sb.append('/').append(s);
        }
        if (trailingSlash || sb.length() == 0) {
            sb.append('/');
        }
        return sb.toString();
    }
}
