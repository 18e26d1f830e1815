package io.gwctl.model.istio;

import java.util.List;

/**
 * A server's {@code tls} block. {@code mode} is the parsed mode (PASSTHROUGH when absent; {@code modeText} as written, null when absent).
 * Inline certificate fields ({@code serverCertificate}, {@code privateKey}, {@code caCertificates}, {@code caCrl} and
 * the {@code tlsCertificates} entries) hold file paths, never key material. {@code minProtocolVersion} is kept as
 * written (null when absent).
 */
public record ServerTls(boolean httpsRedirect, TlsMode mode, String modeText, String credentialName,
                        List<String> credentialNames, String serverCertificate, String privateKey,
                        String caCertificates, List<String> subjectAltNames, List<TlsCertificate> tlsCertificates,
                        String caCrl, List<String> cipherSuites, String minProtocolVersion) {
    public ServerTls {
        credentialNames = credentialNames == null ? List.of() : List.copyOf(credentialNames);
        subjectAltNames = subjectAltNames == null ? List.of() : List.copyOf(subjectAltNames);
        tlsCertificates = tlsCertificates == null ? List.of() : List.copyOf(tlsCertificates);
        cipherSuites = cipherSuites == null ? List.of() : List.copyOf(cipherSuites);
    }

    /** A {@code tls} block without the fields added in Istio 1.24 and the cipher settings. */
    public ServerTls(boolean httpsRedirect, TlsMode mode, String modeText, String credentialName,
                     List<String> credentialNames, String serverCertificate, String privateKey, String caCertificates,
                     List<String> subjectAltNames) {
        this(httpsRedirect, mode, modeText, credentialName, credentialNames, serverCertificate, privateKey,
                caCertificates, subjectAltNames, List.of(), null, List.of(), null);
    }

    /** The credential names in use: {@code credentialName} and then {@code credentialNames}. */
    public List<String> allCredentialNames() {
        if (credentialName == null || credentialName.isEmpty()) {
            return credentialNames;
        }
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        all.add(credentialName);
        all.addAll(credentialNames);
        return all;
    }
}
