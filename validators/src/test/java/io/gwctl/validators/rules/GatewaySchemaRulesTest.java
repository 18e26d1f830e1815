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
        "a.*.com|domain name \"*.com\" invalid (label \"*\" invalid): \"a.*.com\"; partial wildcard \"a.*.com\" not "
                + "allowed",
        "-a.com|domain name \"-a.com\" invalid (label \"-a\" invalid)",
        "a.com.|",
        "10.0.0.1|",
        "/a.com|config namespace and dnsName in host entry cannot be empty: \"/a.com\"; invalid namespace value "
                + "\"\" in gateway: \"/a.com\"",
        "Shop/a.com|",
        "a.b/a.com|invalid namespace value \"a.b\" in gateway: \"a.b/a.com\"",
        "foo|short names (non FQDN) are not allowed: \"foo\"",
        "./foo|short names (non FQDN) are not allowed: \"./foo\"",
        "*/foo|short names (non FQDN) are not allowed: \"*/foo\"",
        "*bar.com|partial wildcard \"*bar.com\" not allowed",
        "*-api.example.com|partial wildcard \"*-api.example.com\" not allowed",
        "*foo|short names (non FQDN) are not allowed: \"*foo\"; partial wildcard \"*foo\" not allowed",
        "a.example.123|domain name \"example.123\" invalid (top level domain \"123\" cannot be all-numeric): "
                + "\"a.example.123\"",
    })
    void hostForms(String host, String error) {
        assertThat(ServerWithoutHostsRule.hostError(host)).isEqualTo(error);
    }

    @Test
    void hostTooLongOrEmpty() {
        assertThat(ServerWithoutHostsRule.hostError("")).isEqualTo("short names (non FQDN) are not allowed: \"\"; "
                + "empty domain name not allowed: \"\"");
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
                "OPTIONAL_MUTUAL TLS requires a client CA bundle (server 0, port 443 \"https\" HTTPS)",
                "OPTIONAL_MUTUAL TLS requires a server certificate (server 0, port 443 \"https\" HTTPS)",
                "OPTIONAL_MUTUAL TLS requires a private key (server 0, port 443 \"https\" HTTPS)");
        assertThat(r).extracting(RuleHarness.Reported::pointer).containsOnly("/spec/servers/0/tls/mode");
    }

    @Test
    void aPortNumberOfZeroReadWithoutPositionsIsOutOfRangeNotMissing() {
        String written = gateway("""
                - port: {number: 0, name: http, protocol: HTTP}
                  hosts: [a.example.com]
                """);
        String missing = gateway("""
                - port: {name: http, protocol: HTTP}
                  hosts: [a.example.com]
                """);
        assertThat(RuleHarness.run(new InvalidPortRule(), written)).extracting(RuleHarness.Reported::message)
                .containsExactly("port number 0 must be in the range 1..65535 (server 0)");
        assertThat(RuleHarness.run(new InvalidPortRule(), missing)).extracting(RuleHarness.Reported::message)
                .containsExactly("port number is required (server 0)");
        // A cluster's objects have no positions: the 0 is taken as written.
        var loaded = new io.gwctl.model.load.ManifestLoader(io.gwctl.model.load.LoadOptions.defaults()
                .withoutPositions()).loadString(written, "cluster.yaml");
        assertThat(io.gwctl.validators.Validator.run(loaded.snapshot(), io.gwctl.validators.ValidateOptions.defaults())
                .findings()).filteredOn(f -> f.code().equals("GW0505")).extracting(f -> f.message())
                .containsExactly("port number 0 must be in the range 1..65535 (server 0)");
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

    @Test
    void tlsCertificatesAreACertificateSourceOfTheirOwn() {
        String yaml = gateway("""
                - port: {number: 443, name: https, protocol: HTTPS}
                  hosts: [a.example.com]
                  tls:
                    mode: SIMPLE
                    tlsCertificates:
                    - {serverCertificate: /rsa.pem, privateKey: /rsa.key}
                    - {serverCertificate: /ec.pem, privateKey: /ec.key}
                """);
        assertThat(RuleHarness.run(new TlsModeRequirementsRule(), yaml)).isEmpty();
        assertThat(RuleHarness.run(new ConflictingCertSourcesRule(), yaml)).isEmpty();
    }

    @Test
    void aLonePrivateKeyIsNoSecondSource() {
        // Istio counts serverCertificate/privateKey as a source only when both are set (validateTLSOptions).
        String yaml = gateway("""
                - port: {number: 443, name: https, protocol: HTTPS}
                  hosts: [a.example.com]
                  tls: {mode: SIMPLE, credentialName: a, privateKey: /a.key}
                """);
        assertThat(RuleHarness.run(new ConflictingCertSourcesRule(), yaml)).isEmpty();
        assertThat(RuleHarness.run(new TlsModeRequirementsRule(), yaml)).isEmpty();
    }

    @Test
    void everyTlsCertificateNeedsBothFilesAndAtMostTwoAreServed() {
        List<RuleHarness.Reported> r = RuleHarness.run(new TlsModeRequirementsRule(), gateway("""
                - port: {number: 443, name: https, protocol: HTTPS}
                  hosts: [a.example.com]
                  tls:
                    mode: MUTUAL
                    caCertificates: /ca.pem
                    tlsCertificates:
                    - {serverCertificate: /1.pem}
                    - {privateKey: /2.key}
                    - {serverCertificate: /3.pem, privateKey: /3.key}
                """));
        assertThat(r).extracting(RuleHarness.Reported::severity, RuleHarness.Reported::pointer,
                RuleHarness.Reported::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "/spec/servers/0/tls/tlsCertificates/2",
                        "MUTUAL TLS can support up to 2 server certificates (server 0, port 443 \"https\" HTTPS): 3 "
                                + "given"),
                org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "/spec/servers/0/tls/tlsCertificates/0",
                        "MUTUAL TLS requires a private key (server 0, port 443 \"https\" HTTPS, tlsCertificates[0])"),
                org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "/spec/servers/0/tls/tlsCertificates/1",
                        "MUTUAL TLS requires a server certificate (server 0, port 443 \"https\" HTTPS, "
                                + "tlsCertificates[1])"));
    }

    @Test
    void credentialNameAndTlsCertificatesConflictAndIstioMutualRejectsTheList() {
        List<RuleHarness.Reported> r = RuleHarness.run(new ConflictingCertSourcesRule(), gateway("""
                - port: {number: 443, name: https, protocol: HTTPS}
                  hosts: [a.example.com]
                  tls:
                    mode: SIMPLE
                    credentialName: a
                    tlsCertificates: [{serverCertificate: /a.pem, privateKey: /a.key}]
                - port: {number: 15443, name: tls, protocol: TLS}
                  hosts: ["*.local"]
                  tls:
                    mode: ISTIO_MUTUAL
                    tlsCertificates: [{serverCertificate: /a.pem, privateKey: /a.key}]
                """));
        assertThat(r).extracting(RuleHarness.Reported::message).containsExactly(
                "only one of credential_name, credential_names, server_certificate/private_key, tls_certificates "
                        + "should be specified (server 0, port 443 \"https\" HTTPS): found credentialName, "
                        + "tlsCertificates",
                "ISTIO_MUTUAL TLS cannot have associated tlsCertificates (server 1, port 15443 \"tls\" TLS)");
    }

    @Test
    void crlIsRejectedWhereIstioRejectsIt() {
        List<RuleHarness.Reported> r = RuleHarness.run(new TlsModeRequirementsRule(), gateway("""
                - port: {number: 443, name: https-simple, protocol: HTTPS}
                  hosts: [a.example.com]
                  tls: {mode: SIMPLE, serverCertificate: /a.pem, privateKey: /a.key, caCrl: /a.crl}
                - port: {number: 443, name: https-mutual-secret, protocol: HTTPS}
                  hosts: [b.example.com]
                  tls: {mode: MUTUAL, credentialName: b, caCrl: /b.crl}
                - port: {number: 8443, name: tls-passthrough, protocol: TLS}
                  hosts: [c.example.com]
                  tls: {mode: PASSTHROUGH, credentialName: c, caCrl: /c.crl}
                """));
        assertThat(r).extracting(RuleHarness.Reported::message).containsExactly(
                "CRL is not supported with SIMPLE TLS (server 0, port 443 \"https-simple\" HTTPS)",
                "CRL is not supported with credentialName. CRL has to be specified in the credential (server 2, port "
                        + "8443 \"tls-passthrough\" TLS)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.1|true", "0.0.0.0|true", "255.255.255.255|true", "256.0.0.1|false", "10.0.0.01|false",
        "10.0.0|false", "::|true", "::1|true", "fd00::1|true", "fe80::1%eth0|true", "::ffff:10.0.0.1|true",
        "1:2:3:4:5:6:7:8|true", "1:2:3:4:5:6:7:8:9|false", "1::2::3|false", "12345::|false", "foo.bar|false",
        "gateway|false", "1:2:3:4:5:6:10.0.0.1|true",
    })
    void ipAddressesAsGoParsesThem(String address, boolean valid) {
        assertThat(IstioNames.isIpAddress(address)).isEqualTo(valid);
    }

    @Test
    void bindsAreAddressesOrUnixSocketsWithPortZero() {
        List<RuleHarness.Reported> r = RuleHarness.run(new InvalidBindRule(), gateway("""
                - port: {number: 80, name: http, protocol: HTTP}
                  bind: foo.bar
                  hosts: [a.example.com]
                - port: {number: 8080, name: http-uds, protocol: HTTP}
                  bind: unix://
                  hosts: [b.example.com]
                - port: {number: 0, name: http-uds-dir, protocol: HTTP}
                  bind: unix:///var/run/
                  hosts: [c.example.com]
                - port: {number: 80, name: http-v6, protocol: HTTP}
                  bind: "::"
                  hosts: [d.example.com]
                """));
        assertThat(r).extracting(RuleHarness.Reported::pointer, RuleHarness.Reported::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/spec/servers/0/bind",
                        "foo.bar is not a valid IP (server 0, port 80 \"http\" HTTP)"),
                org.assertj.core.groups.Tuple.tuple("/spec/servers/1/bind",
                        "unix address must not be empty (server 1, port 8080 \"http-uds\" HTTP)"),
                org.assertj.core.groups.Tuple.tuple("/spec/servers/1/port/number",
                        "port number must be 0 for unix domain socket: number 8080 (server 1, port 8080 \"http-uds\" "
                                + "HTTP)"),
                org.assertj.core.groups.Tuple.tuple("/spec/servers/2/bind",
                        "/var/run/ is not an absolute path to a file (server 2, port 0 \"http-uds-dir\" HTTP)"));
    }

    @Test
    void errorsCarryIstiosErrorCodeAndWarningsItsWarningCode() {
        // IST0106 is istioctl's schema error, IST0133 its schema warning: each finding carries the one of its level.
        var result = io.gwctl.validators.Validator.run(RuleHarness.load(gateway("""
                - port: {number: 443, name: https, protocol: HTTPS}
                  hosts: [a.example.com]
                  tls: {credentialName: a, serverCertificate: /a.pem, privateKey: /a.key}
                """)), io.gwctl.validators.ValidateOptions.defaults(), List.of(new ConflictingCertSourcesRule()));
        assertThat(result.findings()).extracting(f -> f.severity() + " " + f.aliases()).containsExactly(
                "ERROR [IST0106]", "WARNING [IST0133]");
    }
}
