package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceTargetPortRuleTest {
    @Test
    void aNumberOrNameNoSelectedContainerDeclaresIsReported() {
        List<Finding> f = RuleTesting.fixtureFindings("GW0205");
        assertThat(f).extracting(x -> x.resource().friendlyName() + " " + x.location().field()).containsExactly(
                "Service shop/ratings /spec/ports/0/port",
                "Service shop/ratings /spec/ports/1/targetPort");
        assertThat(f.get(0).severity().label()).isEqualTo("Warning");
        assertThat(f.get(0).aliases()).containsExactly("KIA0701");
        assertThat(f.get(0).message()).isEqualTo("port 9080 targets port 9080, which no container of Deployment "
                + "shop/ratings declares; its container ports: 8080/TCP, 9100/TCP metrics");
        assertThat(f.get(1).message()).startsWith("port 80 targets the port named \"grpc-api\", which no container");
        assertThat(f.get(1).hint()).contains("no endpoints on port 80");
    }

    @Test
    void anotherSelectedWorkloadDeclaringThePortIsEnough() {
        String yaml = """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {app: web}
                  ports: [{name: http, port: 80, targetPort: 8080}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: web-old, namespace: shop, labels: {app: web}}
                spec: {containers: [{name: web, image: web:1, ports: [{containerPort: 9090}]}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: web-new, namespace: shop, labels: {app: web}}
                spec: {containers: [{name: web, image: web:2, ports: [{containerPort: 8080}]}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: other, namespace: elsewhere, labels: {app: web}}
                spec: {containers: [{name: web, image: web:2, ports: [{containerPort: 7070}]}]}
                """;
        assertThat(RuleTesting.findings(yaml, "GW0205")).isEmpty();
        assertThat(RuleTesting.findings(yaml.replace("containerPort: 8080",
                "containerPort: 8081"), "GW0205")).singleElement().extracting(Finding::message).asString()
                .contains("(nor do 1 other workloads it selects)");
    }

    @Test
    void theProtocolMustMatchToo() {
        String yaml = """
                apiVersion: v1
                kind: Service
                metadata: {name: dns, namespace: shop}
                spec:
                  selector: {app: dns}
                  ports: [{name: udp-dns, port: 53, protocol: UDP}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: dns, namespace: shop, labels: {app: dns}}
                spec: {containers: [{name: dns, image: dns:1, ports: [{containerPort: 53}]}]}
                """;
        assertThat(RuleTesting.findings(yaml, "GW0205")).singleElement()
                .extracting(Finding::message).asString().contains("its container ports: 53/TCP");
    }
}
