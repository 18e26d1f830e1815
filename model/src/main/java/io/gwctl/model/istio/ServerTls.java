package io.gwctl.model.istio;

import java.util.List;

/**
 * A server's {@code tls} block. {@code mode} is the parsed mode ({@code modeText} as written, null when absent).
 * Inline certificate fields hold file paths, never key material.
 */
public record ServerTls(boolean httpsRedirect, TlsMode mode, String modeText, String credentialName,
                        List<String> credentialNames, String serverCertificate, String privateKey,
                        String caCertificates, List<String> subjectAltNames) {
    public ServerTls {
        credentialNames = credentialNames == null ? List.of() : List.copyOf(credentialNames);
        subjectAltNames = subjectAltNames == null ? List.of() : List.copyOf(subjectAltNames);
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
