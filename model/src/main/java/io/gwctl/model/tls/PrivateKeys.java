package io.gwctl.model.tls;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Map;

/**
 * Parses the private key of a gateway credential (lint catalogue §5 C.3: "the key parses") from the encodings
 * Envoy accepts: PKCS#8 {@code PRIVATE KEY}, PKCS#1 {@code RSA PRIVATE KEY} and SEC1 {@code EC PRIVATE KEY}.
 * Errors are {@link KeyProblem}s whose messages never contain key material.
 */
public final class PrivateKeys {
    /** KeyFactory algorithms tried, in order, for a PKCS#8 key whose algorithm is not known up front. */
    private static final List<String> ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

    /** The algorithms' object identifiers (hex of their DER content): RFC 8017, RFC 5480, RFC 8410. */
    private static final Map<String, String> ALGORITHM_OIDS = Map.of(
            "2a864886f70d010101", "RSA",
            "2a8648ce3d0201", "EC",
            "2b6570", "Ed25519",
            "2b6571", "Ed448",
            "2a864886f70d01010a", "RSASSA-PSS");

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
        if (!Der.startsWithSequence(pkcs8)) {
            // Every KeyFactory reads a PrivateKeyInfo, a SEQUENCE: none can read this, so none is asked (each would
            // throw an exception with its stack trace).
            throw new KeyProblem(unparsable(block));
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pkcs8);
        // The algorithm the key names first: trying RSA on an EC key costs an exception with its stack trace, a fifth
        // of the loader's time on a repository of EC credentials.
        String named = algorithmOf(pkcs8);
        if (named != null) {
            PrivateKey key = generate(named, spec);
            if (key != null) {
                return key;
            }
        }
        for (String algorithm : ALGORITHMS) {
            PrivateKey key = algorithm.equals(named) ? null : generate(algorithm, spec);
            if (key != null) {
                return key;
            }
        }
        throw new KeyProblem(unparsable(block));
    }

    private static String unparsable(PemBlock block) {
        return "has a " + block.label() + " block that does not parse as an RSA, EC or Ed25519 key";
    }

    /** The key, or null when {@code spec} does not parse as a key of {@code algorithm}. */
    private static PrivateKey generate(String algorithm, PKCS8EncodedKeySpec spec) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(spec);
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The KeyFactory algorithm of a PKCS#8 PrivateKeyInfo's AlgorithmIdentifier (RFC 5208: version, then the
     * algorithm), or null when it is none of {@link #ALGORITHMS} or the DER does not read that far.
     */
    static String algorithmOf(byte[] pkcs8) {
        try {
            Der.Element info = new Der.Reader(pkcs8).next();
            if (info.tag() != Der.SEQUENCE) {
                return null;
            }
            Der.Reader fields = info.children();
            fields.next();
            Der.Element algorithm = fields.next();
            if (algorithm.tag() != Der.SEQUENCE) {
                return null;
            }
            Der.Element oid = algorithm.children().next();
            if (oid.tag() != Der.OID) {
                return null;
            }
            return ALGORITHM_OIDS.get(Der.hex(oid.content()));
        } catch (IllegalArgumentException e) {
            return null;
        }
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
