package io.gwctl.model.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host rules of spec §5.2, §6.1 and §7.1, with the spec's own examples. */
class HostsTest {

    @Test
    void subsetOfFollowsIstioNameRules() {
        assertThat(Hosts.subsetOf("foo.com", "*")).isTrue();
        assertThat(Hosts.subsetOf("foo.com", "*.com")).isTrue();
        assertThat(Hosts.subsetOf("foo.com", "*.foo.com")).isFalse();
        assertThat(Hosts.subsetOf("*.foo.com", "foo.com")).isFalse();
        assertThat(Hosts.subsetOf("*.a.foo.com", "*.foo.com")).isTrue();
        assertThat(Hosts.subsetOf("*.foo.com", "*.a.foo.com")).isFalse();
        assertThat(Hosts.subsetOf("test.io", "test.io")).isTrue();
        assertThat(Hosts.subsetOf("*", "*")).isTrue();
    }

    @Test
    void matchesIsBidirectional() {
        assertThat(Hosts.matches("*.example.com", "foo.example.com")).isTrue();
        assertThat(Hosts.matches("foo.example.com", "*.example.com")).isTrue();
        assertThat(Hosts.matches("*.example.com", "*.a.example.com")).isTrue();
        assertThat(Hosts.matches("*.a.example.com", "*.example.com")).isTrue();
        assertThat(Hosts.matches("foo.example.com", "bar.example.com")).isFalse();
    }

    @Test
    void intersectionKeepsTheMoreSpecificHost() {
        // spec §7.1 examples
        assertThat(Hosts.intersection(List.of("*"), List.of("test.io"))).containsExactly("test.io");
        assertThat(Hosts.intersection(List.of("test.io"), List.of("*"))).containsExactly("test.io");
        assertThat(Hosts.intersection(List.of("*"), List.of("*"))).containsExactly("*");
        assertThat(Hosts.intersection(List.of("*"), List.of("*.org"))).containsExactly("*.org");
        assertThat(Hosts.intersection(Hosts.namesForNamespace(List.of("ns-1/*.example.com"), "ns-1"),
                List.of("ns-1.example.com"))).containsExactly("ns-1.example.com");
        assertThat(Hosts.intersection(List.of("a.com"), List.of("b.com"))).isEmpty();
    }

    @Test
    void namesForNamespaceKeepsOwnAndStarNamespaces() {
        assertThat(Hosts.namesForNamespace(List.of("ns1/a.com", "ns2/b.com", "*/c.com", "d.com"), "ns1"))
                .containsExactly("a.com", "c.com", "d.com");
    }

    @Test
    void sanitizeServerHostNamespace() {
        assertThat(Hosts.sanitizeServerHostNamespace(List.of("./a.com", "*/b.com", "ns/c.com", "d.com"), "gw-ns"))
                .containsExactly("gw-ns/a.com", "b.com", "ns/c.com", "d.com");
        assertThat(Hosts.sanitizeServerHostNamespace(List.of("a.com", "*/*", "b.com"), "gw-ns")).containsExactly("*");
    }

    @Test
    void sniHostsStripNamespacesDedupeAndSort() {
        assertThat(Hosts.sniHosts(List.of("ns/b.com", "a.com", "other/b.com"))).containsExactly("a.com", "b.com");
    }

    @Test
    void shortNamesResolveToClusterFqdns() {
        assertThat(Hosts.resolveShortnameToFqdn("reviews", "default")).isEqualTo("reviews.default.svc.cluster.local");
        assertThat(Hosts.resolveShortnameToFqdn("reviews.other", "default")).isEqualTo("reviews.other");
        assertThat(Hosts.resolveShortnameToFqdn("*", "default")).isEqualTo("*");
        assertThat(Hosts.resolveShortnameToFqdn("10.0.0.1", "default")).isEqualTo("10.0.0.1");
        assertThat(Hosts.resolveShortnameToFqdn("::1", "default")).isEqualTo("::1");
    }

    @Test
    void gatewayNamesResolveToNamespaceSlashName() {
        assertThat(Hosts.resolveGatewayName("gw", "default")).isEqualTo("default/gw");
        assertThat(Hosts.resolveGatewayName("./gw", "default")).isEqualTo("default/gw");
        assertThat(Hosts.resolveGatewayName("istio-system/gw", "default")).isEqualTo("istio-system/gw");
        assertThat(Hosts.resolveGatewayName("gw.istio-system", "default")).isEqualTo("istio-system/gw");
        assertThat(Hosts.resolveGatewayName("gw.istio-system.svc.cluster.local", "default"))
                .isEqualTo("istio-system/gw");
        assertThat(Hosts.resolveGatewayName("mesh", "default")).isEqualTo("mesh");
    }

    @Test
    void moreSpecificOrderPutsWildcardsLastAndLongerFirst() {
        List<String> hosts = new ArrayList<>(List.of("*", "b.example.com", "*.example.com", "long-name.example.com",
                "a.example.com"));
        hosts.sort(Hosts.MORE_SPECIFIC_FIRST);
        assertThat(hosts).containsExactly("long-name.example.com", "a.example.com", "b.example.com", "*.example.com",
                "*");
    }

    @Test
    void domainNameBracketsIpv6() {
        assertThat(Hosts.domainName("test.io", 80)).isEqualTo("test.io:80");
        assertThat(Hosts.domainName("::1", 443)).isEqualTo("[::1]:443");
    }

    @Test
    void goStringOrderIsUtf8ByteOrder() {
        // U+FF5E (3 UTF-8 bytes, EF BD 9E) sorts before U+1F600 (F0 ...), unlike UTF-16 code-unit order.
        assertThat(GoStrings.compare("\uFF5E", "\uD83D\uDE00")).isNegative();
        assertThat("\uFF5E".compareTo("\uD83D\uDE00")).isPositive();
        assertThat(GoStrings.compare("*", "a")).isNegative();
        assertThat(GoStrings.compare("ab", "abc")).isNegative();
    }
}
