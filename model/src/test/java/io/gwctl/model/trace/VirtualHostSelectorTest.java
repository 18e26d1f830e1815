package io.gwctl.model.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.envoy.VirtualHost;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualHostSelectorTest {
    private static VirtualHost vh(String name, String... domains) {
        return new VirtualHost(name, List.of(domains), List.of(), false);
    }

    private static final List<VirtualHost> HOSTS = List.of(
            vh("any", "*"),
            vh("prefix-short", "shop.*"),
            vh("prefix-long", "shop.example.*"),
            vh("suffix-short", "*.com"),
            vh("suffix-long", "*.example.com"),
            vh("exact", "api.example.com"));

    private static String pick(String host, boolean ignorePort) {
        VirtualHostSelector.Selection s = VirtualHostSelector.select(HOSTS, host, ignorePort);
        return s == null ? null : s.virtualHost().name();
    }

    @Test
    void exactBeatsEveryWildcardWhateverTheOrder() {
        assertThat(pick("api.example.com", true)).isEqualTo("exact");
        assertThat(pick("API.Example.COM", true)).as("hosts compare case-insensitively").isEqualTo("exact");
    }

    @Test
    void suffixWildcardsLongestFirstAndBeforePrefixWildcards() {
        assertThat(pick("shop.example.com", true)).isEqualTo("suffix-long");
        assertThat(pick("shop.other.com", true)).isEqualTo("suffix-short");
    }

    @Test
    void prefixWildcardsLongestFirstThenStar() {
        assertThat(pick("shop.example.org", true)).isEqualTo("prefix-long");
        assertThat(pick("shop.other.org", true)).isEqualTo("prefix-short");
        assertThat(pick("other.org", true)).isEqualTo("any");
    }

    @Test
    void aWildcardStandsForAtLeastOneCharacter() {
        List<VirtualHost> hosts = List.of(vh("w", "*.example.com"));
        assertThat(VirtualHostSelector.select(hosts, "example.com", true)).isNull();
        assertThat(VirtualHostSelector.select(hosts, "x.example.com", true)).isNotNull();
    }

    @Test
    void thePortOfTheHostHeaderIsIgnoredOnlyWhenTheRouteConfigurationSaysSo() {
        List<VirtualHost> hosts = List.of(vh("plain", "test.io"), vh("with-port", "test.io:8080"));
        assertThat(VirtualHostSelector.select(hosts, "test.io:80", true).virtualHost().name()).isEqualTo("plain");
        assertThat(VirtualHostSelector.select(hosts, "test.io:8080", false).virtualHost().name())
                .isEqualTo("with-port");
        assertThat(VirtualHostSelector.select(hosts, "test.io:80", false)).as("no retry without the port").isNull();
    }

    @Test
    void stripPortKeepsIpv6Brackets() {
        assertThat(VirtualHostSelector.stripPort("[::1]:80")).isEqualTo("[::1]");
        assertThat(VirtualHostSelector.stripPort("[::1]")).isEqualTo("[::1]");
        assertThat(VirtualHostSelector.stripPort("::1")).isEqualTo("::1");
        assertThat(VirtualHostSelector.stripPort("a.io:x")).isEqualTo("a.io:x");
        assertThat(VirtualHostSelector.stripPort("a.io:443")).isEqualTo("a.io");
    }

    @Test
    void theFirstVirtualHostWinsOnEqualDomains() {
        List<VirtualHost> hosts = List.of(vh("first", "a.io"), vh("second", "a.io"), vh("s1", "*.io"),
                vh("s2", "*.io"));
        assertThat(VirtualHostSelector.select(hosts, "a.io", true).virtualHost().name()).isEqualTo("first");
        assertThat(VirtualHostSelector.select(hosts, "b.io", true).virtualHost().name()).isEqualTo("s1");
    }
}
