package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** GW0511 redirect-rewrite-invalid, GW0512 export-to-invalid, GW0513 match-form and GW0515 tls-route-sni. */
class RouteSchemaRulesTest {
    private static List<String> fixture(String code) {
        return RuleTesting.fixtureFindings(code).stream().map(f -> f.location().field() + " " + f.message()).toList();
    }

    @Test
    void redirectAndRewriteUseIstiosMessages() {
        assertThat(fixture("GW0511")).containsExactlyInAnyOrder(
                "/spec/http/0/rewrite HTTP route rule cannot contain both rewrite and redirect (http[0])",
                "/spec/http/0/redirect/redirectCode 200 is not a valid redirect code, must be 3xx (http[0])",
                "/spec/http/1/redirect redirect must specify URI, authority, scheme, or port (http[1])",
                "/spec/http/2/rewrite/uriRegexRewrite rewrite may only contain one of URI or UriRegexRewrite (http[2])",
                "/spec/http/3 HTTP route, redirect or direct_response is required (http[3])",
                "/spec/http/4/redirect HTTP route cannot contain both route and redirect (http[4])");
        assertThat(RuleTesting.findings("""
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: v, namespace: ns}
                spec:
                  hosts: [v]
                  http:
                  - redirect: {scheme: HTTPS}
                    fault: {abort: {httpStatus: 503}}
                  - rewrite: {uriRegexRewrite: {match: "^/a"}}
                    route: [{destination: {host: v}}]
                  - rewrite: {}
                    route: [{destination: {host: v}}]
                  - redirect: {uri: /x}
                    directResponse: {status: 200}
                """, "GW0511")).extracting(f -> f.message()).containsExactlyInAnyOrder(
                "HTTP route cannot contain both direct_response and redirect (http[3])",
                "HTTP route cannot contain both fault and redirect (http[0])",
                "invalid redirect scheme, must be \"http\" or \"https\" (http[0] has \"HTTPS\")",
                "UriRegexRewrite requires both Rewrite and Match fields to be specified (http[1])",
                "rewrite must specify at least one of URI, UriRegexRewrite, or authority (http[2])");
    }

    @Test
    void exportToValues() {
        assertThat(fixture("GW0512")).containsExactlyInAnyOrder(
                "/spec/exportTo/1 duplicate entries in exportTo: . and current namespace bookinfo",
                "/spec/exportTo/2 invalid exportTo value \"Team_A\": expected \".\", \"*\" or a namespace name",
                "/spec/exportTo cannot have both public (*) and non-public exportTo values for a resource",
                "/spec/exportTo/0 invalid exportTo value \"~\": expected \".\", \"*\" or a namespace name (\"~\" is "
                        + "allowed on ServiceEntries only)");
    }

    @Test
    void uriAndAuthorityForms() {
        assertThat(fixture("GW0513")).containsExactlyInAnyOrder(
                "/spec/http/0/match/0/uri/prefix uri prefix \"api/v1\" does not start with /: request paths always do, "
                        + "so this match never matches",
                "/spec/http/0/match/1/authority/exact authority exact \"https://api.example.com\" has a scheme or a "
                        + "path: the authority (Host header) is host[:port] only, so this match never matches");
        assertThat(RuleTesting.fixtureFindings("GW0513")).anySatisfy(f -> assertThat(f.hint())
                .isEqualTo("Write \"api.example.com\", and match the path with uri."));
    }

    @Test
    void tlsRoutesNeedSniHostsOfTheVirtualService() {
        assertThat(fixture("GW0515")).containsExactlyInAnyOrder(
                "/spec/tls/0/match/0/sniHosts/1 SNI host \"api.other.example.com\" is not a compatible subset of any "
                        + "of the virtual service hosts: [*.shop.example.com]",
                "/spec/tls/1/match/0 TLS match must have at least one SNI host (tls[1] match 0)",
                "/spec/tls/2 TLS route must have at least one match condition (tls[2])");
    }
}
