package io.gwctl.model.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.envoy.HeaderMatcher;
import io.gwctl.model.envoy.QueryParameterMatcher;
import io.gwctl.model.envoy.RouteMatch;
import io.gwctl.model.envoy.ValueMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteMatcherTest {
    private static TraceRequest get(String url, String... headers) {
        return TraceRequest.parse(url, null, List.of(headers), null);
    }

    private static boolean matches(RouteMatch m, String url, String... headers) {
        RouteMatcher.Result r = RouteMatcher.matches(m, get(url, headers));
        assertThat(r.undecidable()).isNull();
        return r.matched();
    }

    private static RouteMatch withHeaders(HeaderMatcher... h) {
        return new RouteMatch("/", null, null, null, true, false, List.of(h), List.of(), true);
    }

    private static RouteMatch withQuery(QueryParameterMatcher... q) {
        return new RouteMatch("/", null, null, null, false, true, List.of(), List.of(q), true);
    }

    @Test
    void prefixComparesTheStartOfThePathWithItsQuery() {
        RouteMatch api = RouteMatch.prefix("/api");
        assertThat(matches(api, "http://a.io/api")).isTrue();
        assertThat(matches(api, "http://a.io/apiv2/x")).as("a plain prefix, not a segment").isTrue();
        assertThat(matches(api, "http://a.io/ap")).isFalse();
        assertThat(matches(RouteMatch.prefix("/a?x"), "http://a.io/a?x=1")).isTrue();
        assertThat(matches(api, "http://a.io/API")).isFalse();
    }

    @Test
    void exactPathIgnoresTheQuery() {
        RouteMatch exact = new RouteMatch(null, "/login", null, null, false, false);
        assertThat(matches(exact, "http://a.io/login?next=/")).isTrue();
        assertThat(matches(exact, "http://a.io/login/")).isFalse();
    }

    @Test
    void pathSeparatedPrefixMatchesWholeSegments() {
        RouteMatch p = new RouteMatch(null, null, "/api", null, false, false);
        assertThat(matches(p, "http://a.io/api")).isTrue();
        assertThat(matches(p, "http://a.io/api/v1")).isTrue();
        assertThat(matches(p, "http://a.io/apiv1")).isFalse();
    }

    @Test
    void regexIsAnRe2FullMatchOnThePathWithoutQuery() {
        RouteMatch re = new RouteMatch(null, null, null, "/y.*", false, false);
        assertThat(matches(re, "http://a.io/yes?q=1")).isTrue();
        assertThat(matches(re, "http://a.io/x/yes")).as("full match, not find").isFalse();
        RouteMatch digits = new RouteMatch(null, null, null, "/v[0-9]+", false, false);
        assertThat(matches(digits, "http://a.io/v12")).isTrue();
        assertThat(matches(digits, "http://a.io/v12/x")).isFalse();
    }

    @Test
    void aRegexBeyondRe2IsReportedNotGuessed() {
        RouteMatch backref = new RouteMatch(null, null, null, "/(a)\\1", false, false);
        RouteMatcher.Result r = RouteMatcher.matches(backref, get("http://a.io/aa"));
        assertThat(r.matched()).isFalse();
        assertThat(r.undecidable()).contains("beyond what gwctl evaluates");
    }

    @Test
    void ignoreUriCaseAppliesToPrefixAndPathNotToRegex() {
        RouteMatch prefix = new RouteMatch("/API", null, null, null, false, false, List.of(), List.of(), false);
        RouteMatch path = new RouteMatch(null, "/Login", null, null, false, false, List.of(), List.of(), false);
        RouteMatch regex = new RouteMatch(null, null, null, "/Re", false, false, List.of(), List.of(), false);
        assertThat(matches(prefix, "http://a.io/api/x")).isTrue();
        assertThat(matches(path, "http://a.io/LOGIN")).isTrue();
        assertThat(matches(regex, "http://a.io/re")).isFalse();
    }

    @Test
    void headerExactPrefixRegexAndPresence() {
        assertThat(matches(withHeaders(new HeaderMatcher("x-v", ValueMatcher.of(ValueMatcher.Kind.EXACT, "2"),
                false)), "http://a.io/", "X-V: 2")).as("header names are case-insensitive").isTrue();
        assertThat(matches(withHeaders(new HeaderMatcher("x-v", ValueMatcher.of(ValueMatcher.Kind.EXACT, "2"),
                false)), "http://a.io/", "x-v: 20")).isFalse();
        assertThat(matches(withHeaders(new HeaderMatcher("user", ValueMatcher.of(ValueMatcher.Kind.PREFIX, "jas"),
                false)), "http://a.io/", "user: jason")).isTrue();
        assertThat(matches(withHeaders(new HeaderMatcher("user", ValueMatcher.of(ValueMatcher.Kind.REGEX, "j.*n"),
                false)), "http://a.io/", "user: jason")).isTrue();
        assertThat(matches(withHeaders(new HeaderMatcher("user", ValueMatcher.of(ValueMatcher.Kind.REGEX, "j"),
                false)), "http://a.io/", "user: jason")).as("header regexes are full matches").isFalse();
        HeaderMatcher present = new HeaderMatcher("x-p", ValueMatcher.of(ValueMatcher.Kind.PRESENT, "true"), false);
        assertThat(matches(withHeaders(present), "http://a.io/", "x-p:")).isTrue();
        assertThat(matches(withHeaders(present), "http://a.io/")).isFalse();
    }

    @Test
    void invertedHeadersMatchWhenTheHeaderIsMissingOrDifferent() {
        RouteMatch without = withHeaders(new HeaderMatcher("x-debug",
                ValueMatcher.of(ValueMatcher.Kind.EXACT, "1"), true));
        assertThat(matches(without, "http://a.io/")).isTrue();
        assertThat(matches(without, "http://a.io/", "x-debug: 0")).isTrue();
        assertThat(matches(without, "http://a.io/", "x-debug: 1")).isFalse();
    }

    @Test
    void pseudoHeadersCarryMethodAuthorityAndScheme() {
        RouteMatch post = withHeaders(new HeaderMatcher(":method", ValueMatcher.of(ValueMatcher.Kind.EXACT, "POST"),
                false));
        assertThat(RouteMatcher.matches(post, TraceRequest.parse("http://a.io/", "post", List.of(), null))
                .matched()).isTrue();
        assertThat(matches(post, "http://a.io/")).isFalse();
        RouteMatch authority = withHeaders(new HeaderMatcher(":authority",
                ValueMatcher.of(ValueMatcher.Kind.PREFIX, "a.io"), false));
        assertThat(matches(authority, "http://a.io:8080/")).isTrue();
        RouteMatch https = withHeaders(new HeaderMatcher(":scheme", ValueMatcher.of(ValueMatcher.Kind.EXACT,
                "https"), false));
        assertThat(matches(https, "https://a.io/")).isTrue();
        assertThat(matches(https, "http://a.io/")).isFalse();
    }

    @Test
    void queryParametersCompareTheFirstValue() {
        QueryParameterMatcher v = new QueryParameterMatcher("v", ValueMatcher.of(ValueMatcher.Kind.EXACT, "1"));
        assertThat(matches(withQuery(v), "http://a.io/?a=b&v=1&v=2")).isTrue();
        assertThat(matches(withQuery(v), "http://a.io/?v=2&v=1")).isFalse();
        assertThat(matches(withQuery(v), "http://a.io/")).isFalse();
        QueryParameterMatcher re = new QueryParameterMatcher("id", ValueMatcher.of(ValueMatcher.Kind.REGEX, "[0-9]+"));
        assertThat(matches(withQuery(re), "http://a.io/?id=42")).isTrue();
        assertThat(matches(withQuery(re), "http://a.io/?id=4x")).isFalse();
        QueryParameterMatcher present = new QueryParameterMatcher("debug",
                ValueMatcher.of(ValueMatcher.Kind.PRESENT, "true"));
        assertThat(matches(withQuery(present), "http://a.io/?debug")).isTrue();
    }

    @Test
    void allConditionsMustHold() {
        RouteMatch m = new RouteMatch("/api", null, null, null, true, true,
                List.of(new HeaderMatcher("x", ValueMatcher.of(ValueMatcher.Kind.EXACT, "1"), false)),
                List.of(new QueryParameterMatcher("q", ValueMatcher.of(ValueMatcher.Kind.EXACT, "1"))), true);
        assertThat(matches(m, "http://a.io/api?q=1", "x: 1")).isTrue();
        assertThat(matches(m, "http://a.io/api?q=1")).isFalse();
        assertThat(matches(m, "http://a.io/api", "x: 1")).isFalse();
        assertThat(matches(m, "http://a.io/other?q=1", "x: 1")).isFalse();
    }

    @Test
    void matchersThatWereNotRecordedAreUndecidable() {
        RouteMatch m = new RouteMatch("/", null, null, null, true, false);
        assertThat(RouteMatcher.matches(m, get("http://a.io/")).undecidable()).isNotNull();
    }
}
