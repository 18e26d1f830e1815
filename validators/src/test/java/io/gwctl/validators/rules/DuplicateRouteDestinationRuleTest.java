package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateRouteDestinationRuleTest {
    @Test
    void laterEntryOfTheSameHostSubsetAndPortIsReported() {
        List<Finding> f = RuleTesting.fixtureFindings("GW0703");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).location().field()).isEqualTo("/spec/http/0/route/2/destination");
        assertThat(f.get(0).aliases()).containsExactly("KIA1105");
        assertThat(f.get(0).message()).isEqualTo("This host subset combination is already referenced in another "
                + "route destination: reviews.bookinfo.svc.cluster.local (subset v2) is route[1] and route[2] of "
                + "http[0]; their weights (10 and 10) add up");
    }

    @Test
    void shortAndFullNamesAreOneHostButPortsDiffer() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: t, namespace: ns}
                spec:
                  hosts: [t]
                  tcp:
                  - route:
                    - {destination: {host: T, port: {number: 80}}, weight: 50}
                    - {destination: {host: t.ns.svc.cluster.local, port: {number: 80}}, weight: 50}
                  - route:
                    - {destination: {host: t, port: {number: 80}}, weight: 50}
                    - {destination: {host: t, port: {number: 81}}, weight: 50}
                """;
        assertThat(RuleTesting.findings(yaml, "GW0703")).extracting(x -> x.location().field())
                .containsExactly("/spec/tcp/0/route/1/destination");
    }
}
