package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateHostPortRuleTest {
    @Test
    void fixtureMessagesSayWhatIstiodDoes() {
        List<Finding> all = RuleTesting.fixtureFindings("GW0301");
        // The other side of each conflict and the repeats inside one Gateway are checked below.
        List<Finding> f = all.stream().filter(x -> !isMirror(x) && !x.message().contains("of the same Gateway;")
                && !x.message().contains("of the same server")).toList();
        assertThat(all).filteredOn(x -> x.message().contains("of the same server")).extracting(Finding::message)
                .containsExactlyInAnyOrder(
                        "host \"notfine.example.com\" repeats \"NOTFINE.example.com\" of the same server (hosts are"
                                + " compared case-insensitively, with ./ and the Gateway's namespace resolved)",
                        "host \"./fine.example.com\" repeats \"test/fine.example.com\" of the same server (hosts are"
                                + " compared case-insensitively, with ./ and the Gateway's namespace resolved)",
                        "host \"tachyglossa.echidna.com\" is already covered by \"*.echidna.com\" of the same server");
        assertThat(all).filteredOn(DuplicateHostPortRuleTest::isMirror).extracting(x -> x.resource().name())
                .containsExactlyInAnyOrder("f-tls", "m-http-9000", "b-shop", "d-target");
        assertThat(all).filteredOn(x -> x.message().contains("of the same Gateway;")).hasSize(1);
        assertThat(f).extracting(RuleTesting::line).containsExactly(
                "Error (Gateway istio-system/g-tls :203) server dropped: TLS host both.example.com on port 443 "
                        + "(listener port 8443) is already served by Gateway istio-system/f-tls, which istiod merges "
                        + "first (by name); istiod skips this whole server, so g-only.example.com becomes unreachable "
                        + "on port 443",
                "Error (Gateway istio-system/n-tcp-9000 :338) server dropped: port 9000 is already used by the HTTP "
                        + "server of Gateway istio-system/m-http-9000, which istiod merges first (by name), and a TCP "
                        + "server cannot share a plaintext port with it; istiod skips this whole server, so "
                        + "db.example.com becomes unreachable on port 9000",
                "Warning (Gateway istio-system/c-shop-again :103) shop.example.com on port 80 (listener port 8080) "
                        + "is also served by Gateway istio-system/b-shop, which istiod merges first (by name); the "
                        + "HTTP servers merge into one virtual host shop.example.com on route http.8080, where route "
                        + "http[0] of VirtualService shop/shop-b is unreachable: route http[0] of VirtualService "
                        + "shop/shop-a, merged first, which matches every request it matches",
                "Info (Gateway istio-system/a-catchall :70) * on port 80 (listener port 8080) also matches 2 hosts "
                        + "of 4 other Gateways on the same listener (e.g. shop.example.com of Gateway "
                        + "istio-system/b-shop); the more specific hosts win, so * only serves the names no other "
                        + "server lists",
                "Info (Gateway istio-system/e-api :166) api.example.com on port 80 (listener port 8080) is also "
                        + "served by Gateway istio-system/d-target (port 8080), which istiod merges first (by name); "
                        + "the HTTP servers merge into one virtual host api.example.com on route http.8080, so "
                        + "VirtualServices bound to either Gateway for this host share it; no route of one shadows a "
                        + "route of the other",
                "Info (Gateway istio-system/i-leaf :243) x.wild.example.com on port 443 (listener port 8443) is also "
                        + "matched by *.wild.example.com of Gateway istio-system/h-wild; the more specific host wins, "
                        + "so this server serves x.wild.example.com and *.wild.example.com the rest",
                "Info (Gateway istio-system/k-cover :282) *.cover.example.com on port 443 (listener port 8443) also "
                        + "matches y.cover.example.com of Gateway istio-system/j-leaf; the more specific host wins, so "
                        + "*.cover.example.com only serves the names no other server lists");
        assertThat(f.get(0).aliases()).containsExactly("KIA0301", "IST0145");
        assertThat(f.get(0).hint()).isEqualTo("Serve each host on port 443 from one server only: remove "
                + "both.example.com from one of them, or move one server to another port or bind.");
    }

    private static String tlsGateway(String name, String created, String... hosts) {
        StringBuilder sb = new StringBuilder("apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: "
                + name + "\n  namespace: web\n" + (created == null ? "" : "  creationTimestamp: \"" + created + "\"\n")
                + "spec:\n  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: 443, name: https, "
                + "protocol: HTTPS}\n    tls: {mode: SIMPLE, credentialName: " + name + "}\n    hosts:\n");
        for (String h : hosts) {
            sb.append("    - \"").append(h).append("\"\n");
        }
        return sb.toString();
    }

    @Test
    void creationTimeDecidesBeforeNameAndAFullyDuplicatedServerLosesItsTlsSettings() {
        List<Finding> f = RuleTesting.findings(tlsGateway("alpha", "2025-01-01T00:00:00Z", "a.example.com") + "---\n"
                + tlsGateway("zeta", "2024-01-01T00:00:00Z", "a.example.com"), "GW0301");
        assertThat(f).filteredOn(x -> x.resource().name().equals("alpha")).extracting(RuleTesting::line)
                .containsExactly("Error (Gateway web/alpha :13) server dropped: "
                + "TLS host a.example.com on port 443 (listener port 8443) is already served by Gateway web/zeta, "
                + "which istiod merges first (by creation time: created 2024-01-01T00:00:00Z, this one "
                + "2025-01-01T00:00:00Z); istiod skips this whole server, so requests for a.example.com get that "
                + "server's TLS settings and routes instead");
        assertBothSides(f);
    }

    @Test
    void httpsRedirectServersGetTheDuplicateTlsHostCheck() {
        String redirect = "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: %s, namespace: web}\n"
                + "spec:\n  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: 80, name: http, "
                + "protocol: HTTP}\n    tls: {httpsRedirect: true}\n    hosts: [\"%s\"]\n";
        List<Finding> f = RuleTesting.findings(String.format(redirect, "one", "a.example.com") + "---\n"
                + String.format(redirect, "two", "a.example.com"), "GW0301");
        assertThat(f).filteredOn(x -> x.resource().name().equals("two")).extracting(RuleTesting::line)
                .containsExactly("Error (Gateway web/two :19) server dropped: "
                + "host a.example.com on port 80 (listener port 8080) is already served by Gateway web/one, which "
                + "istiod merges first (by name) (servers with a tls block, httpsRedirect too, may not repeat a host "
                + "on a port); istiod skips this whole server, so requests for a.example.com get that server's "
                + "settings and routes instead");
        assertBothSides(f);
    }

    @Test
    void tlsHostsDifferingOnlyInCaseOrNamespaceAreKeptByIstiodAndWarned() {
        List<Finding> f = RuleTesting.findings(tlsGateway("one", null, "web/a.example.com") + "---\n"
                + tlsGateway("two", null, "A.example.com"), "GW0301");
        assertThat(f).filteredOn(x -> x.resource().name().equals("two")).extracting(RuleTesting::line)
                .containsExactly("Warning (Gateway web/two :25) a.example.com on "
                + "port 443 (listener port 8443) is also served by Gateway web/one, which istiod merges first (by "
                + "name); the host strings differ (web/a.example.com vs A.example.com), so istiod keeps both servers "
                + "and two TLS filter chains match the same SNI name");
        assertBothSides(f);
    }

    @Test
    void manyGatewaysOnOneSelectorGiveOneFindingPerOverlapNotPerPair() {
        // 600 Gateways on the shared workload: one * catch-all, 300 distinct hosts, each then repeated by a second
        // Gateway. A pairwise check would report ~180,000 pairs; the index reports the * once and each repeat once.
        StringBuilder yaml = new StringBuilder();
        yaml.append(httpGateway("aaa-catchall", "*"));
        for (int i = 0; i < 300; i++) {
            yaml.append("---\n").append(httpGateway(String.format("b%03d", i), "h" + i + ".example.com"));
            yaml.append("---\n").append(httpGateway(String.format("c%03d", i), "h" + i + ".example.com"));
        }
        List<Finding> f = RuleTesting.findings(yaml.toString(), "GW0301");
        assertThat(f).filteredOn(x -> x.message().contains("also matches")).hasSize(1).first()
                .extracting(Finding::message).asString()
                .contains("* on port 80 (listener port 8080) also matches 300 hosts of 600 other Gateways");
        // No VirtualService binds them, so no route is shadowed: each merge is one Info on the later Gateway.
        assertThat(f).filteredOn(x -> !isMirror(x) && x.message().contains("merge into one virtual host")).hasSize(300)
                .allMatch(x -> x.resource().name().startsWith("c") && x.severity() == Severity.INFO);
        // ... and once more on its first Gateway, the other side of each merge.
        assertThat(f).filteredOn(DuplicateHostPortRuleTest::isMirror).hasSize(300)
                .allMatch(x -> x.resource().name().startsWith("b") && x.severity() == Severity.INFO);
        assertThat(f).hasSize(601);
    }

    private static String httpGateway(String name, String host) {
        return "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: " + name + ", namespace: ns}\n"
                + "spec:\n  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: 80, name: http, "
                + "protocol: HTTP}\n    hosts: [\"" + host + "\"]\n";
    }

    /** The finding on the Gateway istiod keeps or merges first: the other side of a conflict. */
    static boolean isMirror(Finding x) {
        return x.message().contains("which istiod merges after this one") || x.message().contains("whose server istiod"
                + " drops whole") || x.message().contains("which istiod drops whole:");
    }

    /** One finding on each Gateway of the conflict, at one severity. */
    private static void assertBothSides(List<Finding> f) {
        assertThat(f).hasSize(2);
        assertThat(f.get(0).severity()).isEqualTo(f.get(1).severity());
        assertThat(f.get(0).resource()).isNotEqualTo(f.get(1).resource());
        assertThat(f).filteredOn(DuplicateHostPortRuleTest::isMirror).hasSize(1);
    }
}
