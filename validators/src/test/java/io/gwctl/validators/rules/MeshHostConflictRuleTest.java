package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import org.junit.jupiter.api.Test;

class MeshHostConflictRuleTest {
    private static String vs(String ns, String name, String host, String extra) {
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: %s, namespace: %s}
                spec:
                  hosts: [%s]
                %s  http:
                  - route: [{destination: {host: x}}]
                ---
                """.formatted(name, ns, host, extra.isEmpty() ? "" : "  " + extra + "\n");
    }

    @Test
    void bothSidesAreReportedWithIstiosScopedHost() {
        var f = RuleTesting.fixtureFindings("GW0704");
        assertThat(f).extracting(RuleTesting::line).containsExactlyInAnyOrder(
                "Error (VirtualService bookinfo/reviews :9) The VirtualServices bookinfo/reviews,"
                        + "bookinfo/reviews-canary associated with mesh gateway define the same host "
                        + "*/reviews.bookinfo.svc.cluster.local which can lead to undefined behavior: istiod does not "
                        + "merge VirtualServices for sidecars, so only one of them routes this host",
                "Error (VirtualService bookinfo/reviews-canary :23) The VirtualServices bookinfo/reviews,"
                        + "bookinfo/reviews-canary associated with mesh gateway define the same host "
                        + "*/reviews.bookinfo.svc.cluster.local which can lead to undefined behavior: istiod does not "
                        + "merge VirtualServices for sidecars, so only one of them routes this host");
        assertThat(f).allSatisfy(x -> assertThat(x.aliases()).containsExactly("IST0109", "KIA1106"));
    }

    @Test
    void scopedVirtualServiceMeetsPublicOnesByExactHostAndCoveringWildcard() {
        String yaml = vs("a", "scoped", "api.example.com", "exportTo: [b]")
                + vs("c", "wild", "\"*.example.com\"", "")
                + vs("d", "other", "web.example.com", "exportTo: [\".\"]")
                + vs("e", "gw-only", "api.example.com", "gateways: [ingress]");
        assertThat(RuleTesting.findings(yaml, "GW0704")).extracting(Finding::resource)
                .extracting(r -> r.friendlyName()).as("c/wild is public and covers both hosts; e is gateway-only")
                .containsExactlyInAnyOrder("VirtualService a/scoped", "VirtualService c/wild",
                        "VirtualService d/other");
    }

    @Test
    void twoCopiesOfOneVirtualServiceAreNotAConflict() {
        String one = vs("a", "same", "api.example.com", "");
        assertThat(RuleTesting.findings(one + one, "GW0704")).isEmpty();
    }

    @Test
    void scopedWildcardMeetsPublicHostsUnderIt() {
        String yaml = vs("a", "scoped-wild", "\"*.example.com\"", "exportTo: [b]")
                + vs("c", "api", "api.example.com", "")
                + vs("d", "other", "api.example.org", "");
        assertThat(RuleTesting.findings(yaml, "GW0704")).extracting(f -> f.resource().friendlyName())
                .containsExactlyInAnyOrder("VirtualService a/scoped-wild", "VirtualService c/api");
    }
}
