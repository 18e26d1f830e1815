package io.gwctl.validators.rules;

import io.gwctl.model.istio.HttpMatch;
import io.gwctl.model.istio.HttpRoute;
import io.gwctl.model.istio.StringMatch;
import io.gwctl.model.istio.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every string condition of a VirtualService's http matches and CORS origins, with where it is written. */
final class HttpStringMatches {
    private HttpStringMatches() {
    }

    /**
     * One condition: {@code field} is Istio's name for it ({@code uri}, {@code headers[x-user]}, ...), {@code pointer}
     * the JSON pointer of the StringMatch object.
     */
    record Condition(String field, String pointer, StringMatch match) {
        /** The pointer of the value, e.g. {@code .../uri/regex}. */
        String valuePointer() {
            return pointer + "/" + match.type().name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static List<Condition> of(VirtualService vs) {
        List<Condition> out = new ArrayList<>();
        for (int i = 0; i < vs.http().size(); i++) {
            HttpRoute r = vs.http().get(i);
            for (int j = 0; j < r.match().size(); j++) {
                HttpMatch m = r.match().get(j);
                String p = "/spec/http/" + i + "/match/" + j;
                add(out, "uri", p + "/uri", m.uri());
                add(out, "scheme", p + "/scheme", m.scheme());
                add(out, "method", p + "/method", m.method());
                add(out, "authority", p + "/authority", m.authority());
                addAll(out, "headers", p, m.headers());
                addAll(out, "withoutHeaders", p, m.withoutHeaders());
                addAll(out, "queryParams", p, m.queryParams());
            }
            for (int k = 0; k < r.corsAllowOrigins().size(); k++) {
                add(out, "corsPolicy.allowOrigins", "/spec/http/" + i + "/corsPolicy/allowOrigins/" + k,
                        r.corsAllowOrigins().get(k));
            }
        }
        return out;
    }

    private static void add(List<Condition> out, String field, String pointer, StringMatch m) {
        if (m != null) {
            out.add(new Condition(field, pointer, m));
        }
    }

    private static void addAll(List<Condition> out, String field, String p, Map<String, StringMatch> map) {
        for (Map.Entry<String, StringMatch> e : new TreeMap<>(map).entrySet()) {
            add(out, field + "[" + e.getKey() + "]", p + "/" + field + "/" + escape(e.getKey()), e.getValue());
        }
    }

    /** RFC 6901 escaping of one pointer segment. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
