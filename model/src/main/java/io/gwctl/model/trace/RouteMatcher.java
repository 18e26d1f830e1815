package io.gwctl.model.trace;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.gwctl.model.envoy.HeaderMatcher;
import io.gwctl.model.envoy.QueryParameterMatcher;
import io.gwctl.model.envoy.RouteMatch;
import io.gwctl.model.envoy.ValueMatcher;
import java.util.Locale;

/**
 * Whether one Envoy route matches a request, as Envoy's router decides ({@code RouteEntryImplBase::matchRoute}):
 * headers, then query parameters, then the path. {@code prefix} compares with the start of {@code :path} (query
 * included), {@code path} with the path without the query, {@code path_separated_prefix} with the path or its
 * {@code prefix/} start, {@code safe_regex} with the whole path without the query (RE2 full match, evaluated with
 * re2j). {@code case_sensitive: false} (Istio's {@code ignoreUriCase}) affects prefix and path, not regexes. Header
 * regexes are full matches too; {@code invert_match} inverts the result, a missing header matching only inverted.
 * Query parameters compare their first value, undecoded, as Envoy does.
 */
public final class RouteMatcher {
    private RouteMatcher() {
    }

    /** The answer for one route: matched, not matched, or not decidable by gwctl (with why). */
    public record Result(boolean matched, String undecidable) {
        static final Result YES = new Result(true, null);
        static final Result NO = new Result(false, null);

        static Result unknown(String why) {
            return new Result(false, why);
        }
    }

    /** Matches {@code m} against {@code request}. A null match (a route without one) never matches. */
    public static Result matches(RouteMatch m, TraceRequest request) {
        if (m == null) {
            return Result.NO;
        }
        if (m.hasHeaders() && m.headers().isEmpty() || m.hasQueryParameters() && m.queryParameters().isEmpty()) {
            return Result.unknown("the route has header or query matchers gwctl was not given");
        }
        for (HeaderMatcher h : m.headers()) {
            Result r = header(h, request);
            if (!r.matched()) {
                return r;
            }
        }
        for (QueryParameterMatcher q : m.queryParameters()) {
            Result r = query(q, request.query());
            if (!r.matched()) {
                return r;
            }
        }
        return path(m, request);
    }

    private static Result path(RouteMatch m, TraceRequest request) {
        String path = request.path();
        String full = request.pathAndQuery();
        boolean cs = m.caseSensitive();
        if (m.prefix() != null) {
            return of(cs ? full.startsWith(m.prefix()) : full.regionMatches(true, 0, m.prefix(), 0,
                    m.prefix().length()));
        }
        if (m.path() != null) {
            return of(cs ? path.equals(m.path()) : path.equalsIgnoreCase(m.path()));
        }
        if (m.pathSeparatedPrefix() != null) {
            String p = m.pathSeparatedPrefix();
            String candidate = cs ? path : path.toLowerCase(Locale.ROOT);
            String want = cs ? p : p.toLowerCase(Locale.ROOT);
            return of(candidate.equals(want) || candidate.startsWith(want + "/"));
        }
        if (m.safeRegex() != null) {
            return regex(m.safeRegex(), path, "path regex");
        }
        return Result.unknown("the route has a path matcher gwctl does not know (e.g. path_match_policy)");
    }

    private static Result header(HeaderMatcher h, TraceRequest request) {
        String v = request.header(h.name().toLowerCase(Locale.ROOT));
        Result r;
        if (v == null) {
            r = h.value().kind() == ValueMatcher.Kind.PRESENT && h.value().value().equals("false") ? Result.YES
                    : Result.NO;
        } else {
            r = value(h.value(), v, "header " + h.name());
        }
        if (r.undecidable() != null) {
            return r;
        }
        return of(r.matched() != h.invert());
    }

    private static Result query(QueryParameterMatcher q, String query) {
        String value = null;
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                if (name.equals(q.name())) {
                    value = eq < 0 ? "" : pair.substring(eq + 1);
                    break;
                }
            }
        }
        if (value == null) {
            return of(q.value().kind() == ValueMatcher.Kind.PRESENT && q.value().value().equals("false"));
        }
        return value(q.value(), value, "query parameter " + q.name());
    }

    /** One value against a string matcher ({@code ignore_case} honoured except for regexes, as Envoy). */
    static Result value(ValueMatcher m, String v, String what) {
        boolean ic = m.ignoreCase();
        String a = ic ? v.toLowerCase(Locale.ROOT) : v;
        String b = ic ? m.value().toLowerCase(Locale.ROOT) : m.value();
        return switch (m.kind()) {
            case EXACT -> of(a.equals(b));
            case PREFIX -> of(a.startsWith(b));
            case SUFFIX -> of(a.endsWith(b));
            case CONTAINS -> of(a.contains(b));
            case REGEX -> regex(m.value(), v, what + " regex");
            case PRESENT -> of(!m.value().equals("false"));
            case UNSUPPORTED -> Result.unknown(what + ": gwctl does not evaluate " + m.value());
        };
    }

    /** An RE2 full match; a pattern re2j cannot compile is beyond what gwctl evaluates. */
    private static Result regex(String regex, String input, String what) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return Result.unknown(what + " '" + regex + "' is beyond what gwctl evaluates (re2j: "
                    + e.getDescription() + ")");
        }
        return of(pattern.matches(input));
    }

    private static Result of(boolean b) {
        return b ? Result.YES : Result.NO;
    }
}
