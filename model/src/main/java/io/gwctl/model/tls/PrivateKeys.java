package io.gwctl.model.tls;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

/**
 * Parses the private key of a gateway credential (lint catalogue §5 C.3: "the key parses") from the encodings
 * Envoy accepts: PKCS#8 {@code PRIVATE KEY}, PKCS#1 {@code RSA PRIVATE KEY} and SEC1 {@code EC PRIVATE KEY}.
 * Errors are {@link KeyProblem}s whose messages never contain key material.
 */
public final class PrivateKeys {
    /** KeyFactory algorithms tried, in order, for a PKCS#8 key whose algorithm is not known up front. */
    private static final List<String> ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

    private PrivateKeys() {
    }

    /** A key that cannot be used; the message names the problem, never the key bytes. */
    public static final class KeyProblem extends Exception {
        public KeyProblem(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The first private key among {@code blocks} ({@code EC PARAMETERS} blocks that OpenSSL writes before SEC1 keys
     * are skipped).
     */
    public static PrivateKey parse(List<PemBlock> blocks) throws KeyProblem {
        for (PemBlock b : blocks) {
            if (b.type().endsWith("PRIVATE KEY")) {
                return parse(b);
            }
        }
        if (blocks.isEmpty()) {
            throw new KeyProblem("is not PEM-encoded (no -----BEGIN ... PRIVATE KEY----- block)");
        }
        throw new KeyProblem("has no PRIVATE KEY block (found " + types(blocks) + ")");
    }

    /** Parses one PEM block holding a private key. */
    public static PrivateKey parse(PemBlock block) throws KeyProblem {
        if (block.type().equals("ENCRYPTED PRIVATE KEY") || block.legacyEncrypted()) {
            throw new KeyProblem("is encrypted (" + block.label() + "); Envoy needs an unencrypted private key");
        }
        if (!block.decoded()) {
            throw new KeyProblem("has a " + block.label() + " block that is not valid base64 or is truncated");
        }
        byte[] pkcs8;
        try {
            pkcs8 = switch (block.type()) {
                case "PRIVATE KEY" -> block.der();
                case "RSA PRIVATE KEY" -> rsaPkcs1ToPkcs8(block.der());
                case "EC PRIVATE KEY" -> sec1ToPkcs8(block.der());
                default -> throw new KeyProblem("has an unsupported key type " + block.label()
                        + " (expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
            };
        } catch (IllegalArgumentException e) {
            throw new KeyProblem("has a " + block.label() + " block that is not valid DER");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pkcs8);
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException | RuntimeException e) {
                // Not this algorithm (or not parseable at all): try the next one.
            }
        }
        throw new KeyProblem("has a " + block.label() + " block that does not parse as an RSA, EC or Ed25519 key");
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo with the rsaEncryption algorithm (RFC 8017 A.1). */
    static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = Der.encode(Der.SEQUENCE, Der.encode(Der.OID, Der.OID_RSA), Der.encode(Der.NULL));
        return Der.pkcs8(algorithm, pkcs1);
    }

    /**
     * Wraps a SEC1 ECPrivateKey (RFC 5915) in PKCS#8 (RFC 5208), taking the named curve from the SEC1
     * {@code parameters [0]} field; a key without it cannot be used without knowing its curve.
     */
    static byte[] sec1ToPkcs8(byte[] sec1) throws KeyProblem {
        Der.Reader top = new Der.Reader(sec1);
        Der.Element seq = top.next();
        if (seq.tag() != Der.SEQUENCE) {
            throw new IllegalArgumentException("not a sequence");
        }
        Der.Reader fields = seq.children();
        byte[] curveOid = null;
        while (fields.hasMore()) {
            Der.Element e = fields.next();
            if (e.tag() == Der.CONTEXT_0) {
                Der.Reader params = e.children();
                Der.Element oid = params.next();
                if (oid.tag() == Der.OID) {
                    curveOid = oid.content();
                }
            }
        }
        if (curveOid == null) {
            throw new KeyProblem("has an EC PRIVATE KEY without a named curve");
        }
        byte[] algorithm = Der.encode(Der.SEQUENCE, Der.encode(Der.OID, Der.OID_EC_PUBLIC_KEY),
                Der.encode(Der.OID, curveOid));
        return Der.pkcs8(algorithm, sec1);
    }

    static String types(List<PemBlock> blocks) {
        StringBuilder sb = new StringBuilder();
        for (PemBlock b : blocks) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(b.label());
        }
        return sb.toString();
    }
}
