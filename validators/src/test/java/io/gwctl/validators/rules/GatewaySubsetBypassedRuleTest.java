package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewaySubsetBypassedRuleTest {
    @Test
    void gatewayRouteWithoutSubsetNamesTheMeshVirtualService() {
        List<Finding> f = RuleTesting.fixtureFindings("GW0707");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).message()).isEqualTo("Subset in virtual service bookinfo/reviews has no effect on ingress "
                + "gateway bookinfo/bookinfo requests: http[0] sends them to reviews.bookinfo.svc.cluster.local "
                + "without a subset, while bookinfo/reviews routes reviews.bookinfo.svc.cluster.local to subsets [v1] "
                + "for in-mesh traffic only");
        assertThat(f.get(0).aliases()).containsExactly("IST0140");
    }

    @Test
    void gatewayOnlyVirtualServicesAndItselfDoNotCount() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: both, namespace: ns}
                spec:
                  hosts: [reviews]
                  gateways: [gw, mesh]
                  http:
                  - match: [{uri: {prefix: /v2}}]
                    route: [{destination: {host: reviews, subset: v2}}]
                  - route: [{destination: {host: reviews}}]
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: gw-subsets, namespace: ns}
                spec:
                  hosts: [ratings]
                  gateways: [gw]
                  http:
                  - route: [{destination: {host: ratings, subset: v1}}]
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: front, namespace: ns}
                spec:
                  hosts: [front.example.com]
                  gateways: [gw]
                  http:
                  - route: [{destination: {host: ratings}}]
                """;
        assertThat(RuleTesting.findings(yaml, "GW0707")).isEmpty();
    }
}
