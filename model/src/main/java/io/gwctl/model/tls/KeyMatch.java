package io.gwctl.model.tls;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;

/**
 * Decides whether a private key belongs to a certificate's public key (lint catalogue §5 C.3, "the key matches the
 * cert"): Envoy rejects the whole listener when they differ, and istioctl never checks it.
 */
public final class KeyMatch {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMatch() {
    }

    /**
     * True when {@code key} is the private half of {@code pub}. RSA keys are compared by modulus; other keys by
     * signing a random challenge and verifying it with the public key, which needs no knowledge of the encoding.
     */
    public static boolean matches(PrivateKey key, PublicKey pub) {
        if (key instanceof RSAKey rk) {
            return pub instanceof RSAKey rp && rk.getModulus().equals(rp.getModulus());
        }
        String algorithm;
        if (key instanceof ECKey) {
            if (!(pub instanceof ECKey)) {
                return false;
            }
            algorithm = "SHA256withECDSA";
        } else if (key instanceof EdECKey ek) {
            if (!(pub instanceof EdECKey ep) || !ek.getParams().getName().equals(ep.getParams().getName())) {
                return false;
            }
            algorithm = ek.getParams().getName();
        } else {
            return false;
        }
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(pub);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A key that cannot sign, or a curve mismatch the provider rejects: it does not match.
            return false;
        }
    }
}
