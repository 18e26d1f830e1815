package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Messages and edge cases of the Gateway schema rules GW0501–GW0507 beyond the fixtures. */
class GatewaySchemaRulesTest {

    private static String gateway(String servers) {
        return """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: web, namespace: istio-system}
                spec:
                  servers:
                """ + servers.indent(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a.example.com|",
        "*|",
        "*.example.com|",
        "./a.example.com|",
        "*/*|",
        "shop/a.example.com|",
        "a.*.com|domain name \"a.*.com\" invalid (label \"*\" invalid)",
        "-a.com|domain name \"-a.com\" invalid (label \"-a\" invalid)",
        "a.com.|domain name \"a.com.\" invalid (label \"\" invalid)",
        "/a.com|config namespace and dnsName in host entry cannot be empty: \"/a.com\"",
        "Shop/a.com|invalid namespace \"Shop\" in host \"Shop/a.com\": must be ., * or a DNS label",
    })
    void hostForms(String host, String error) {
        assertThat(ServerWithoutHostsRule.hostError(host)).isEqualTo(error);
    }

    @Test
    void hostTooLongOrEmpty() {
        assertThat(ServerWithoutHostsRule.hostError("")).isEqualTo("empty domain name not allowed");
        assertThat(ServerWithoutHostsRule.hostError("a".repeat(64) + ".com")).contains("invalid (label");
        assertThat(ServerWithoutHostsRule.hostError("a.".repeat(128) + "com")).contains("too long (max 255)");
    }

    @Test
    void duplicatePortNameOnPlainServersHasNoDropHint() {
        List<RuleHarness.Reported> r = RuleHarness.run(new DuplicatePortNameRule(), gateway("""
                - port: {number: 443, name: https, protocol: HTTPS}
                  hosts: [a.example.com]
                  tls: {mode: SIMPLE, credentialName: a}
                - port: {number: 443, name: https, protocol: HTTPS}
                  hosts: [b.example.com]
                  bind: 10.0.0.1
                  tls: {mode: SIMPLE, credentialName: b}
                """));
        assertThat(r).singleElement().satisfies(f -> {
            assertThat(f.pointer()).isEqualTo("/spec/servers/1/port/name");
            assertThat(f.hint()).doesNotContain("drops").contains("admission webhook");
        });
    }

    @Test
    void unixSocketBindMayUsePortZeroButStillNeedsAName() {
        List<RuleHarness.Reported> r = RuleHarness.run(new InvalidPortRule(), gateway("""
                - port: {number: 0, protocol: HTTP}
                  bind: unix:///var/run/gw.sock
                  hosts: [a.example.com]
                """));
        assertThat(r).extracting(RuleHarness.Reported::message)
                .containsExactly("port name must be set: number 0, protocol HTTP (server 0)");
    }

    @Test
    void istioMutualNamesEachCertificateField() {
        List<RuleHarness.Reported> r = RuleHarness.run(new ConflictingCertSourcesRule(), gateway("""
                - port: {number: 15443, name: tls, protocol: TLS}
                  hosts: ["*.local"]
                  tls: {mode: ISTIO_MUTUAL, serverCertificate: /c.pem, privateKey: /k.pem, credentialNames: [x]}
                """));
        assertThat(r).extracting(RuleHarness.Reported::message).containsExactly(
                "ISTIO_MUTUAL TLS cannot have associated server certificate (server 0, port 15443 \"tls\" TLS)",
                "ISTIO_MUTUAL TLS cannot have associated private key (server 0, port 15443 \"tls\" TLS)",
                "ISTIO_MUTUAL TLS cannot have associated credentialNames (server 0, port 15443 \"tls\" TLS)");
    }

    @Test
    void httpServersAreLeftToTheProtocolRule() {
        String yaml = gateway("""
                - port: {number: 80, name: http, protocol: HTTP}
                  hosts: [a.example.com]
                  tls: {credentialName: a, serverCertificate: /c.pem, privateKey: /k.pem}
                """);
        assertThat(RuleHarness.run(new ConflictingCertSourcesRule(), yaml)).isEmpty();
        assertThat(RuleHarness.run(new TlsProtocolMismatchRule(), yaml)).extracting(RuleHarness.Reported::severity)
                .containsExactly(Severity.ERROR);
    }

    @Test
    void optionalMutualWithoutCredentialNeedsEverything() {
        List<RuleHarness.Reported> r = RuleHarness.run(new TlsModeRequirementsRule(), gateway("""
                - port: {number: 443, name: https, protocol: HTTPS}
                  hosts: [a.example.com]
                  tls: {mode: OPTIONAL_MUTUAL}
                """));
        assertThat(r).extracting(RuleHarness.Reported::message).containsExactly(
                "OPTIONAL_MUTUAL TLS requires a server certificate (server 0, port 443 \"https\" HTTPS)",
                "OPTIONAL_MUTUAL TLS requires a private key (server 0, port 443 \"https\" HTTPS)",
                "OPTIONAL_MUTUAL TLS requires a client CA bundle (server 0, port 443 \"https\" HTTPS)");
        assertThat(r).extracting(RuleHarness.Reported::pointer).containsOnly("/spec/servers/0/tls/mode");
    }

    @Test
    void serversWithoutPortsAreLeftToTheInvalidPortRule() {
        String yaml = gateway("""
                - hosts: [a.example.com]
                  tls: {httpsRedirect: true}
                """);
        assertThat(RuleHarness.run(new TlsProtocolMismatchRule(), yaml)).isEmpty();
        assertThat(RuleHarness.run(new InvalidProtocolRule(), yaml)).isEmpty();
        assertThat(RuleHarness.run(new DuplicatePortNameRule(), yaml)).isEmpty();
        assertThat(RuleHarness.run(new GatewayHostUnboundRule(), yaml)).isEmpty();
        assertThat(RuleHarness.run(new InvalidPortRule(), yaml)).extracting(RuleHarness.Reported::message)
                .containsExactly("port is required (server 0)");
    }
}
