package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.translate.Hosts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HostIndex must answer exactly what comparing against every host with {@code Hosts.matches} answers. */
class HostIndexTest {
    private static final List<String> HOSTS = List.of("*", "*.com", "*.example.com", "*.a.example.com",
            "example.com", "a.example.com", "b.a.example.com", "xexample.com", "*xample.com", "*-api.example.com",
            "v1-api.example.com", "reviews.default.svc.cluster.local", "*.svc.cluster.local", "other.org", "*.org");

    @Test
    void agreesWithPairwiseMatchesOnEverySubset() {
        // Every set built from a sliding window of HOSTS, queried with every host: both directions of the wildcard
        // rule, exact hosts, suffixes that are not at a dot, and the empty index; windows up to HostIndex.SMALL hosts
        // are compared one by one, longer ones through the built index (some hosts twice, as Gateways list them).
        assertThat(HOSTS.size()).isGreaterThan(HostIndex.SMALL + 2);
        for (int from = 0; from <= HOSTS.size(); from++) {
            for (int to = from; to <= HOSTS.size(); to++) {
                List<String> indexed = HOSTS.subList(from, to);
                HostIndex idx = new HostIndex();
                indexed.forEach(idx::add);
                indexed.forEach(idx::add);
                assertThat(idx.isEmpty()).isEqualTo(indexed.isEmpty());
                for (String q : HOSTS) {
                    boolean expected = indexed.stream().anyMatch(n -> Hosts.matches(n, q));
                    assertThat(idx.matchesAny(q)).as("%s in %s", q, indexed).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void wildcardsFollowIstioNotSubdomainIntuition() {
        HostIndex idx = new HostIndex();
        idx.add("*.example.com");
        assertThat(idx.matchesAny("a.b.example.com")).isTrue();
        assertThat(idx.matchesAny("example.com")).as("*.example.com does not cover example.com").isFalse();
        assertThat(idx.matchesAny("*.b.example.com")).isTrue();
        assertThat(idx.matchesAny("*.com")).as("wildcards match in both directions").isTrue();
        assertThat(idx.isEmpty()).isFalse();
        assertThat(new HostIndex().matchesAny("*")).isFalse();
    }
}
