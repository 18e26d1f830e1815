package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnreachableRouteRuleTest {
    @Test
    void fixtureNamesTheRuleThatWins() {
        List<String> f = RuleTesting.fixtureFindings("GW0706").stream().map(RuleTesting::line).toList();
        assertThat(f).containsExactlyInAnyOrder(
                "Warning (VirtualService shop/api :18) VirtualService rule http[1] \"debug-stats\" is never used: "
                        + "everything it matches is matched first by http[0] \"debug\" match 0 (prefix /debug)",
                "Info (VirtualService shop/api :27) VirtualService rule http[2] \"mixed\" match 0 (exact /debug/pprof) "
                        + "is never used: http[0] \"debug\" match 0 (prefix /debug) matches everything it matches first",
                "Warning (VirtualService shop/api :37) VirtualService rule http[4] is never used: everything it "
                        + "matches is matched first by http[3] (no match)");
        for (Finding finding : RuleTesting.fixtureFindings("GW0706")) {
            assertThat(finding.aliases()).containsExactly(finding.severity().label().equals("Warning") ? "IST0130"
                    : "IST0131");
        }
        assertThat(RuleTesting.fixtureFindings("GW0706")).anySatisfy(x -> assertThat(x.hint())
                .contains("move it before http[0] \"debug\""));
    }

    @Test
    void matchLessRulesAndRedundantMatchesInOneRule() {
        List<String> f = RuleTesting.findings("""
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: v, namespace: ns}
                spec:
                  hosts: [v]
                  http:
                  - match:
                    - uri: {prefix: /api}
                    - uri: {prefix: /api/v2}
                      method: {exact: POST}
                    route: [{destination: {host: v}}]
                  - route: [{destination: {host: v}}]
                  - route: [{destination: {host: w}}]
                  tls:
                  - match: [{sniHosts: ["*.v.com"]}]
                    route: [{destination: {host: v}}]
                  - match: [{sniHosts: [a.v.com], port: 443}]
                    route: [{destination: {host: v}}]
                """, "GW0706").stream().map(f1 -> f1.severity().label() + " " + f1.location().field() + " "
                + f1.message()).toList();
        assertThat(f).containsExactlyInAnyOrder(
                "Info /spec/http/0/match/1 VirtualService rule http[0] match 1 (prefix /api/v2, method exact POST) is "
                        + "never used: http[0] match 0 (prefix /api) matches everything it matches (same rule: the "
                        + "match is redundant)",
                "Warning /spec/http/2 VirtualService rule http[2] is never used: it has no match, and earlier rule "
                        + "http[1] (no match) already matches everything",
                "Warning /spec/tls/1 VirtualService rule tls[1] is never used: everything it matches is matched first "
                        + "by tls[0] match 0 (sniHosts [*.v.com])");
    }

    @Test
    void conditionsTheEarlierMatchHasAndTheLaterLacksKeepTheLaterReachable() {
        assertThat(RuleTesting.findings("""
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: v, namespace: ns}
                spec:
                  hosts: [v]
                  http:
                  - match: [{uri: {prefix: /a}, headers: {x: {exact: "1"}}}]
                    route: [{destination: {host: v}}]
                  - match: [{uri: {prefix: /a}, ignoreUriCase: true}]
                    route: [{destination: {host: v}}]
                  - match: [{uri: {regex: "/a.*"}}]
                    route: [{destination: {host: v}}]
                  - match: [{uri: {exact: /b}, gateways: [g1]}]
                    route: [{destination: {host: v}}]
                  - match: [{uri: {exact: /b}, gateways: [g2]}]
                    route: [{destination: {host: v}}]
                  tcp:
                  - match: [{port: 9000}]
                    route: [{destination: {host: v}}]
                  - route: [{destination: {host: v}}]
                """, "GW0706")).isEmpty();
    }
}
