package io.gwctl.model.istio;

/**
 * One entry of a server's {@code tls.tlsCertificates} (Istio 1.24 and later): a certificate and key pair read from
 * files in the gateway pod, with an optional CA bundle. Fields hold file paths, never key material; absent fields are
 * null.
 */
public record TlsCertificate(String serverCertificate, String privateKey, String caCertificates) {
}
