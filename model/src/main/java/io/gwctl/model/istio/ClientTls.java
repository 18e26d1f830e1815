package io.gwctl.model.istio;

import java.util.List;

/**
 * The {@code tls} of a DestinationRule traffic policy (Istio's {@code ClientTLSSettings}): how the proxy originates
 * TLS to the destination. {@code mode} is as written (upper case in valid input; null when absent, which Istio
 * reads as DISABLE); the string fields are null when absent.
 */
public record ClientTls(String mode, String caCertificates, String credentialName, List<String> subjectAltNames,
                        boolean insecureSkipVerify, String clientCertificate, String privateKey) {
    public ClientTls {
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    /** Without {@code clientCertificate} and {@code privateKey}. */
    public ClientTls(String mode, String caCertificates, String credentialName, List<String> subjectAltNames,
                     boolean insecureSkipVerify) {
        this(mode, caCertificates, credentialName, subjectAltNames, insecureSkipVerify, null, null);
    }

    /** True for SIMPLE and MUTUAL: the modes where the proxy verifies the server with a CA it is given. */
    public boolean originatesTls() {
        return "SIMPLE".equals(mode) || "MUTUAL".equals(mode);
    }
}
