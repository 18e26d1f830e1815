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

    /** The IPv4 test is a loop since stop 21; it answers as the split-and-parse it replaced, on edge cases and at random. */
    @Test
    void ipLiteralAnswersAsTheSplitItReplaced() {
        List<String> cases = new ArrayList<>(List.of("1.2.3.4", "0.0.0.0", "255.255.255.255", "256.1.1.1",
                "01.2.3.4", "001.2.3.4", "0001.2.3.4", "1.2.3", "1.2.3.4.5", "1..2.3", ".1.2.3", "1.2.3.", "",
                "a.b.c.d", "::1", "fe80::1", "1234.1.1.1", "999.1.1.1", "1.2.3.-4", "+1.2.3.4", "1.2.3.4 ",
                "\u0661.\u0662.\u0663.\u0664", "\u0662\u0665\u0666.1.1.1", "reviews", "reviews.default.svc"));
        java.util.Random random = new java.util.Random(21);
        String odd = ":a\u0663-+ ";
        for (int n = 0; n < 20_000; n++) {
            // Three to five dot-separated parts of up to four digits, now and then with another character.
            StringBuilder b = new StringBuilder();
            int parts = 3 + random.nextInt(3);
            for (int p = 0; p < parts; p++) {
                b.append(p == 0 ? "" : ".");
                int len = random.nextInt(5);
                for (int i = 0; i < len; i++) {
                    b.append(random.nextInt(20) == 0 ? odd.charAt(random.nextInt(odd.length()))
                            : (char) ('0' + random.nextInt(random.nextBoolean() ? 3 : 10)));
                }
            }
            cases.add(b.toString());
        }
        int ips = 0;
        for (String h : cases) {
            if (h.indexOf(':') >= 0) {
                continue; // the IPv6 test did not change: checked by the literal cases below
            }
            assertThat(Hosts.isIpLiteral(h)).as(h).isEqualTo(splitIsIpv4(h));
            ips += Hosts.isIpLiteral(h) ? 1 : 0;
        }
        assertThat(ips).as("the random cases include addresses").isGreaterThan(10);
        assertThat(Hosts.isIpLiteral("::1")).isTrue();
        assertThat(Hosts.isIpLiteral("fe80::1:a")).isTrue();
        assertThat(Hosts.isIpLiteral("fe80::g")).isFalse();
    }

    /** The IPv4 test before stop 21, which split the host and streamed over its parts. */
    private static boolean splitIsIpv4(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }
}
