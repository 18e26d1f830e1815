package io.gwctl.validators.tls;

import io.gwctl.model.kube.Secret;
import java.io.ByteArrayInputStream;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The certificate chain and private key of a gateway credential Secret, read the way Istio's
 * {@code kube.ExtractCertInfo} picks keys ({@code cert}/{@code key} first, then {@code tls.crt}/{@code tls.key}),
 * plus every content problem found (lint catalogue §2.2 SecretAnalyzer and §5 C.3). Problems name Secret keys and
 * certificate subjects, never secret data.
 *
 * @param certKey  the Secret key the chain was read from, null when no usable key pair exists
 * @param keyKey   the Secret key the private key was read from, null when no usable key pair exists
 * @param chain    the certificates that parsed, leaf first
 * @param key      the private key, null when it did not parse
 * @param problems content problems, independent of the current time, in the order found
 */
public record TlsCredential(String certKey, String keyKey, List<X509Certificate> chain, PrivateKey key,
                            List<String> problems) {
    public TlsCredential {
        chain = List.copyOf(chain);
        problems = List.copyOf(problems);
    }

    /** Secret keys holding the CA bundle for MUTUAL/OPTIONAL_MUTUAL, in Istio's lookup order. */
    public static final List<String> CA_KEYS = List.of("ca.crt", "cacert");

    /** The leaf certificate, or null when none parsed. */
    public X509Certificate leaf() {
        return chain.isEmpty() ? null : chain.get(0);
    }

    /** True when the Secret has a CA bundle ({@code ca.crt} or {@code cacert}, non-empty). */
    public static boolean hasCa(Secret s) {
        for (String k : CA_KEYS) {
            if (nonEmpty(s, k)) {
                return true;
            }
        }
        return false;
    }

    /** Reads and checks the Secret's TLS content (not the dates: see {@link #validityProblems}). */
    public static TlsCredential read(Secret s) {
        String certKey;
        String keyKey;
        if (nonEmpty(s, "cert") && nonEmpty(s, "key")) {
            certKey = "cert";
            keyKey = "key";
        } else if (nonEmpty(s, "tls.crt") && nonEmpty(s, "tls.key")) {
            certKey = "tls.crt";
            keyKey = "tls.key";
        } else {
            return new TlsCredential(null, null, List.of(), null, List.of(missingKeys(s)));
        }
        List<String> problems = new ArrayList<>();
        List<X509Certificate> chain = readChain(certKey, s.value(certKey), problems);
        PrivateKey key = null;
        try {
            key = PrivateKeys.parse(PemBlock.parseAll(s.value(keyKey)));
        } catch (PrivateKeys.KeyProblem e) {
            problems.add(keyKey + " " + e.getMessage());
        }
        if (key != null && !chain.isEmpty() && !KeyMatch.matches(key, chain.get(0).getPublicKey())) {
            problems.add("the private key in " + keyKey + " does not match the certificate in " + certKey
                    + " (" + describe(chain.get(0)) + ")");
        }
        return new TlsCredential(certKey, keyKey, chain, key, problems);
    }

    /** Problems of certificates of the chain that are expired or not yet valid at {@code now}. */
    public List<String> validityProblems(Instant now) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            String which = i == 0 ? "the certificate in " + certKey : "certificate " + (i + 1) + " of the chain in "
                    + certKey;
            if (now.isAfter(c.getNotAfter().toInstant())) {
                out.add(which + " (" + describe(c) + ") expired on " + c.getNotAfter().toInstant());
            } else if (now.isBefore(c.getNotBefore().toInstant())) {
                out.add(which + " (" + describe(c) + ") is not valid before " + c.getNotBefore().toInstant());
            }
        }
        return out;
    }

    /** The subject of a certificate, for messages: its DN as RFC 2253 prints it. */
    public static String describe(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
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
    private static String missingKeys(Secret s) {
        String found = s.keys().isEmpty() ? "no keys" : "keys " + String.join(", ", new TreeSet<>(s.keys()));
        if (s.keys().contains("cert") && s.keys().contains("key")) {
            return "the keys cert and key are empty";
        }
        if (s.keys().contains("tls.crt") && s.keys().contains("tls.key")) {
            return "the keys tls.crt and tls.key are empty";
        }
        return "it has neither tls.crt and tls.key nor cert and key (found " + found + ")";
    }

    private static boolean nonEmpty(Secret s, String key) {
        byte[] v = s.value(key);
        return v != null && v.length > 0;
    }

    @Override
    public String toString() {
        return "TlsCredential[" + certKey + ", " + keyKey + ", " + chain.size() + " certificates, problems="
                + problems + "]";
    }
}
