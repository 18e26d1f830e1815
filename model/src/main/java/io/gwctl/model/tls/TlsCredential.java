package io.gwctl.model.tls;

import java.io.ByteArrayInputStream;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the TLS checks need from a Secret's certificate chain and private key, read once when the Secret is loaded the
 * way Istio's {@code kube.ExtractCertInfo} picks keys ({@code cert}/{@code key} first, then
 * {@code tls.crt}/{@code tls.key}), plus every content problem found (lint catalogue §2.2 SecretAnalyzer and §5 C.3).
 * Only this summary is kept: the Secret's data, the parsed certificates and the key are dropped after reading (at
 * 10,000 Gateways the data alone was a fifth of the heap). Problems name Secret keys and certificate subjects, never
 * secret data.
 *
 * @param certKey  the Secret key the chain was read from, null when no usable key pair exists
 * @param keyKey   the Secret key the private key was read from, null when no usable key pair exists
 * @param chain    the certificates that parsed, leaf first
 * @param problems content problems, independent of the current time, in the order found
 * @param hasCa    true when the Secret has a CA bundle ({@code ca.crt} or {@code cacert}, non-empty)
 */
public record TlsCredential(String certKey, String keyKey, List<CertificateInfo> chain, List<String> problems,
                            boolean hasCa) {
    public TlsCredential {
        chain = List.copyOf(chain);
        // Shared: most problems are one of a few sentences ("tls.crt does not parse as an X.509 certificate"), said
        // of thousands of Secrets in a large repository.
        problems = problems.stream().map(String::intern).toList();
    }

    /** Secret keys holding the CA bundle for MUTUAL/OPTIONAL_MUTUAL, in Istio's lookup order. */
    public static final List<String> CA_KEYS = List.of("ca.crt", "cacert");

    /** The leaf certificate, or null when none parsed. */
    public CertificateInfo leaf() {
        return chain.isEmpty() ? null : chain.get(0);
    }

    /**
     * Reads the TLS content of a Secret with key names {@code keys} and the values of its TLS keys {@code data}
     * (the dates are checked later: see {@link #validityProblems}).
     */
    public static TlsCredential read(Set<String> keys, Map<String, byte[]> data) {
        boolean hasCa = false;
        for (String k : CA_KEYS) {
            hasCa |= nonEmpty(data, k);
        }
        String certKey;
        String keyKey;
        if (nonEmpty(data, "cert") && nonEmpty(data, "key")) {
            certKey = "cert";
            keyKey = "key";
        } else if (nonEmpty(data, "tls.crt") && nonEmpty(data, "tls.key")) {
            certKey = "tls.crt";
            keyKey = "tls.key";
        } else {
            return new TlsCredential(null, null, List.of(), List.of(missingKeys(keys)), hasCa);
        }
        List<String> problems = new ArrayList<>();
        List<X509Certificate> chain = readChain(certKey, data.get(certKey), problems);
        PrivateKey key = null;
        try {
            key = PrivateKeys.parse(PemBlock.parseAll(data.get(keyKey)));
        } catch (PrivateKeys.KeyProblem e) {
            problems.add(keyKey + " " + e.getMessage());
        }
        if (key != null && !chain.isEmpty() && !KeyMatch.matches(key, chain.get(0).getPublicKey())) {
            problems.add("the private key in " + keyKey + " does not match the certificate in " + certKey
                    + " (" + CertificateInfo.subject(chain.get(0)) + ")");
        }
        List<CertificateInfo> infos = new ArrayList<>(chain.size());
        for (X509Certificate c : chain) {
            infos.add(CertificateInfo.of(c));
        }
        return new TlsCredential(certKey, keyKey, infos, problems, hasCa);
    }

    /** Problems of certificates of the chain that are expired or not yet valid at {@code now}. */
    public List<String> validityProblems(Instant now) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            CertificateInfo c = chain.get(i);
            String which = i == 0 ? "the certificate in " + certKey : "certificate " + (i + 1) + " of the chain in "
                    + certKey;
            if (now.isAfter(c.notAfter())) {
                out.add(which + " (" + c.subject() + ") expired on " + c.notAfter());
            } else if (now.isBefore(c.notBefore())) {
                out.add(which + " (" + c.subject() + ") is not valid before " + c.notBefore());
            }
        }
        return out;
    }

    private static List<X509Certificate> readChain(String certKey, byte[] data, List<String> problems) {
        List<PemBlock> blocks = PemBlock.parseAll(data);
        if (blocks.isEmpty()) {
            problems.add(certKey + " is not PEM-encoded (no -----BEGIN CERTIFICATE----- block)");
            return List.of();
        }
        List<X509Certificate> chain = new ArrayList<>();
        CertificateFactory factory = x509();
        for (int i = 0; i < blocks.size(); i++) {
            PemBlock b = blocks.get(i);
            String which = blocks.size() == 1 ? certKey : "block " + (i + 1) + " of " + blocks.size() + " in "
                    + certKey;
            if (!b.type().equals("CERTIFICATE")) {
                problems.add(which + " is a " + b.label() + ", not a CERTIFICATE");
            } else if (!b.decoded()) {
                problems.add(which + " is not valid base64 or is truncated");
            } else if (!Der.startsWithSequence(b.der())) {
                // Not DER (a certificate is a SEQUENCE); the JDK's factory would go on to read it as PEM text.
                problems.add(which + " does not parse as an X.509 certificate");
            } else {
                try {
                    chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.der())));
                } catch (CertificateException | RuntimeException e) {
                    problems.add(which + " does not parse as an X.509 certificate");
                }
            }
        }
        return chain;
    }

    private static CertificateFactory x509() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 CertificateFactory", e);
        }
    }

    /** The message of Istio's ExtractCertInfo when neither key pair has values, naming the keys that exist. */
    private static String missingKeys(Set<String> keys) {
        String found = keys.isEmpty() ? "no keys" : "keys " + String.join(", ", new TreeSet<>(keys));
        if (keys.contains("cert") && keys.contains("key")) {
            return "the keys cert and key are empty";
        }
        if (keys.contains("tls.crt") && keys.contains("tls.key")) {
            return "the keys tls.crt and tls.key are empty";
        }
        return "it has neither tls.crt and tls.key nor cert and key (found " + found + ")";
    }

    private static boolean nonEmpty(Map<String, byte[]> data, String key) {
        byte[] v = data.get(key);
        return v != null && v.length > 0;
    }

    @Override
    public String toString() {
        return "TlsCredential[" + certKey + ", " + keyKey + ", " + chain.size() + " certificates, problems="
                + problems + "]";
    }
}
