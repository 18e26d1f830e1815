package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.istio.HttpMatch;
import io.gwctl.model.istio.L4Match;
import io.gwctl.model.istio.StringMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index of {@link MatchCoverage} finds exactly what comparing a match with every earlier one finds (the first
 * earlier match that covers it), on random route lists mixing paths, conditions and match-less rules.
 */
class MatchCoverageTest {
    private static final String[] PATHS = {"/", "/a", "/ab", "/abc", "/b", ""};

    private static HttpMatch random(Random r) {
        if (r.nextInt(10) == 0) {
            return null; // a rule without match
        }
        StringMatch uri = switch (r.nextInt(5)) {
            case 0 -> null;
            case 1, 2 -> new StringMatch(StringMatch.Type.PREFIX, PATHS[r.nextInt(PATHS.length)]);
            case 3 -> new StringMatch(StringMatch.Type.EXACT, PATHS[r.nextInt(PATHS.length)]);
            default -> new StringMatch(StringMatch.Type.REGEX, r.nextBoolean() ? "/a.*" : ".*");
        };
        StringMatch method = r.nextInt(3) == 0 ? new StringMatch(StringMatch.Type.EXACT, "GET") : null;
        Map<String, StringMatch> headers = r.nextInt(3) == 0
                ? Map.of("x", new StringMatch(StringMatch.Type.EXACT, "1")) : Map.of();
        return new HttpMatch(null, uri, method, null, null, headers, Map.of(), Map.of(), r.nextInt(4) == 0 ? 80 : 0,
                List.of(), Map.of(), null, r.nextInt(6) == 0);
    }

    @Test
    void indexFindsTheSameFirstCoverAsComparingEveryEarlierMatch() {
        Random r = new Random(20261202);
        int covered = 0;
        for (int round = 0; round < 300; round++) {
            MatchCoverage<Integer> index = new MatchCoverage<>();
            List<HttpMatch> earlier = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                HttpMatch b = random(r);
                Integer expected = null;
                for (int k = 0; k < earlier.size(); k++) {
                    HttpMatch a = earlier.get(k);
                    if (a == null || RouteShadowing.covers(a, b)) {
                        expected = k;
                        break;
                    }
                }
                MatchCoverage.Entry<Integer> found = index.firstCovering(b);
                assertThat(found == null ? null : found.tag()).as("round %d match %d: %s", round, i, b)
                        .isEqualTo(expected);
                covered += expected == null ? 0 : 1;
                index.addHttp(b, i);
                earlier.add(b);
            }
        }
        assertThat(covered).as("the random lists exercise covering matches").isGreaterThan(1000);
    }

    @Test
    void prefixesAreStringPrefixesAndConditionsMustRepeat() {
        MatchCoverage<String> index = new MatchCoverage<>();
        index.addHttp(match(StringMatch.Type.PREFIX, "/debug", Map.of("x-debug", "1")), "debug with header");
        index.addHttp(match(StringMatch.Type.PREFIX, "/debug", Map.of()), "debug");
        assertThat(index.firstCovering(match(StringMatch.Type.PREFIX, "/debugs", Map.of())).tag()).isEqualTo("debug");
        assertThat(index.firstCovering(match(StringMatch.Type.EXACT, "/debug/x", Map.of("x-debug", "1"))).tag())
                .isEqualTo("debug with header");
        assertThat(index.firstCovering(match(StringMatch.Type.PREFIX, "/deb", Map.of()))).isNull();
        assertThat(index.firstCovering(match(StringMatch.Type.REGEX, "/debug.*", Map.of()))).isNull();
        assertThat(index.firstCovering((HttpMatch) null)).as("a match-less rule is covered by a match-less one only")
                .isNull();
    }

    @Test
    void tlsMatchesCoverBySniNameAndPort() {
        MatchCoverage<String> index = new MatchCoverage<>();
        index.addL4(new L4Match(List.of("*.example.com"), 443, List.of(), Map.of(), null, List.of()), "wildcard");
        assertThat(index.firstCovering(new L4Match(List.of("a.example.com"), 443, List.of(), Map.of(), null,
                List.of()), true).tag()).isEqualTo("wildcard");
        assertThat(index.firstCovering(new L4Match(List.of("a.example.com", "example.com"), 443, List.of(), Map.of(),
                null, List.of()), true)).as("example.com is not under *.example.com").isNull();
        assertThat(index.firstCovering(new L4Match(List.of("a.example.com"), 8443, List.of(), Map.of(), null,
                List.of()), true)).as("another port").isNull();
        index.addL4(null, "no match");
        assertThat(index.firstCovering(new L4Match(List.of(), 9000, List.of(), Map.of(), null, List.of()), false)
                .tag()).isEqualTo("no match");
    }

    private static HttpMatch match(StringMatch.Type type, String path, Map<String, String> headers) {
        Map<String, StringMatch> h = new java.util.HashMap<>();
        headers.forEach((k, v) -> h.put(k, new StringMatch(StringMatch.Type.EXACT, v)));
        return new HttpMatch(null, new StringMatch(type, path), null, null, null, h, Map.of(), Map.of(), 0,
                List.of(), Map.of(), null, false);
    }
}
