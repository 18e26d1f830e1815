package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerPortNotExposedRuleTest {
    @Test
    void messagesNameThePortAndWhatTheServicesExpose() {
        List<Finding> f = RuleTesting.fixtureFindings("GW0201");
        assertThat(f).extracting(RuleTesting::line).containsExactly(
                "Error (Gateway apps/extra-ports :113) Gateway listens on 7070 but Service "
                        + "istio-system/istio-ingressgateway exposes 15021, 80→8080, 443→https(8443), 53/UDP",
                "Error (Gateway apps/extra-ports :119) Gateway listens on 53 but Service "
                        + "istio-system/istio-ingressgateway exposes 15021, 80→8080, 443→https(8443), 53/UDP",
                "Error (Gateway internal/internal :166) Gateway listens on 80 but no Service in namespace internal "
                        + "selects gateway workload Pod internal/internal-gw-0 (istio=internal-gateway)");
        assertThat(f.get(0).hint()).isEqualTo("Add port 7070 to Service istio-system/istio-ingressgateway (port: "
                + "7070, targetPort: 7070), or use a port the Service exposes.");
        assertThat(f.get(0).aliases()).containsExactly("IST0162");
        assertThat(f.get(0).location().field()).isEqualTo("/spec/servers/0/port/number");
    }

    @Test
    void defaultIngressAcceptsPortsAndTargetPortsAndWarnsOnOthers() {
        List<Finding> f = RuleTesting.findings("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: gw
                  namespace: istio-system
                spec:
                  selector:
                    istio: ingressgateway
                  servers:
                  - port: {number: 80, name: http, protocol: HTTP}
                    hosts: ["a.example.com"]
                  - port: {number: 8080, name: http2, protocol: HTTP}
                    hosts: ["b.example.com"]
                  - port: {number: 7070, name: http3, protocol: HTTP}
                    hosts: ["c.example.com"]
                """, "GW0201");
        assertThat(f).extracting(RuleTesting::line).containsExactly("Warning (Gateway istio-system/gw :14) Gateway "
                + "listens on 7070 but Service istio-system/istio-ingressgateway exposes 15021, 80→8080, 443→8443 "
                + "(Istio's default ingress gateway, assumed: the input has no gateway workload)");
    }
}
