package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GW0203's name test (Kiali's MatchPortNameWithValidProtocols) and its mesh evidence beyond the fixture. */
class ServicePortNameRuleTest {

    @ParameterizedTest
    @CsvSource({
        "http,true", "http-web,true", "http2,true", "grpc-web,true", "tcp-db,true", "mysql,true", "tls-8443,true",
        "web,false", "wrong-http,false", "HTTP,false", "httpweb,false", "http-,true", "status-port,false",
    })
    void namesStartWithAProtocol(String name, boolean valid) {
        assertThat(ServicePortNameRule.validName(name)).isEqualTo(valid);
    }

    @Test
    void ambientAndInjectionLabelsCountAsTheMesh() {
        List<RuleHarness.Reported> r = RuleHarness.run(new ServicePortNameRule(), """
                apiVersion: v1
                kind: Namespace
                metadata: {name: amb, labels: {istio.io/dataplane-mode: ambient}}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: a, namespace: amb}
                spec: {selector: {app: a}, ports: [{name: web, port: 80}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: a, namespace: amb, labels: {app: a}}
                spec: {containers: [{name: a, image: a}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: b, namespace: plain}
                spec: {selector: {app: b}, ports: [{name: web, port: 80}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: b, namespace: plain, labels: {app: b, sidecar.istio.io/inject: "true"}}
                spec: {containers: [{name: b, image: b}]}
                """);
        assertThat(r).extracting(RuleHarness.Reported::message).containsExactly(
                "Port name must follow <protocol>[-suffix] form: port name \"web\" (port 80) starts with none of grpc, "
                        + "grpc-web, http, http2, https, mongo, redis, tcp, tls, udp, mysql; the Service selects Pod "
                        + "amb/a, which is in the ambient mesh (namespace amb has istio.io/dataplane-mode=ambient)",
                "Port name must follow <protocol>[-suffix] form: port name \"web\" (port 80) starts with none of grpc, "
                        + "grpc-web, http, http2, https, mongo, redis, tcp, tls, udp, mysql; the Service selects Pod "
                        + "plain/b, which asks for a sidecar (sidecar.istio.io/inject=true)");
    }
}
