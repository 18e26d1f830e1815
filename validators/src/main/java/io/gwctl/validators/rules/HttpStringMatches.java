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
     * One condition: {@code kind} is Istio's name for it ({@code uri}, {@code headers}, ...), {@code key} the header
     * or parameter name (null for the others), {@code route} and {@code index} the http route and the match (or the
     * CORS origin) it is in. The field name and the pointer are made only for a finding: made for every condition, they
     * were most of the time of the two rules that read the conditions (stop 22).
     */
    record Condition(String kind, String key, int route, int index, StringMatch match) {
        /** Istio's name for the condition: {@code uri}, {@code headers[x-user]}, {@code corsPolicy.allowOrigins}. */
        String field() {
            return key == null ? kind : kind + "[" + key + "]";
        }

        /** The JSON pointer of the StringMatch object. */
        String pointer() {
            if (kind.equals(CORS)) {
                return "/spec/http/" + route + "/corsPolicy/allowOrigins/" + index;
            }
            String p = "/spec/http/" + route + "/match/" + index + "/" + kind;
            return key == null ? p : p + "/" + escape(key);
        }

        /** The pointer of the value, e.g. {@code .../uri/regex}. */
        String valuePointer() {
            return pointer() + "/" + match.type().field();
        }
    }

    private static final String CORS = "corsPolicy.allowOrigins";

    static List<Condition> of(VirtualService vs) {
        List<Condition> out = new ArrayList<>();
        for (int i = 0; i < vs.http().size(); i++) {
            HttpRoute r = vs.http().get(i);
            for (int j = 0; j < r.match().size(); j++) {
                HttpMatch m = r.match().get(j);
                add(out, "uri", i, j, m.uri());
                add(out, "scheme", i, j, m.scheme());
                add(out, "method", i, j, m.method());
                add(out, "authority", i, j, m.authority());
                addAll(out, "headers", i, j, m.headers());
                addAll(out, "withoutHeaders", i, j, m.withoutHeaders());
                addAll(out, "queryParams", i, j, m.queryParams());
            }
            for (int k = 0; k < r.corsAllowOrigins().size(); k++) {
                add(out, CORS, i, k, r.corsAllowOrigins().get(k));
            }
        }
        return out;
    }

    private static void add(List<Condition> out, String kind, int route, int index, StringMatch m) {
        if (m != null) {
            out.add(new Condition(kind, null, route, index, m));
        }
    }

    /** The conditions of a map, by name. */
    private static void addAll(List<Condition> out, String kind, int route, int index, Map<String, StringMatch> map) {
        if (map.isEmpty()) {
            return;
        }
        Map<String, StringMatch> sorted = map.size() == 1 ? map : new TreeMap<>(map);
        for (Map.Entry<String, StringMatch> e : sorted.entrySet()) {
            if (e.getValue() != null) {
                out.add(new Condition(kind, e.getKey(), route, index, e.getValue()));
            }
        }
    }

    /** RFC 6901 escaping of one pointer segment. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
