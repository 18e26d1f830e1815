package io.gwctl.validators.tls;

import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.SourceMap;
import io.gwctl.model.kube.Secret;
import io.gwctl.validators.RuleFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the fake certificates and keys of {@code testdata/tls} (see generate.sh there) and builds Secrets. */
public final class TlsTestData {
    private TlsTestData() {
    }

    /** The bytes of {@code testdata/tls/<file>}. */
    public static byte[] pem(String file) {
        try {
            return Files.readAllBytes(RuleFixtures.root().resolve("testdata/tls").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Secret {@code ns/name} holding the given key → value pairs (values as bytes, like the loader keeps them). */
    public static Secret secret(String ns, String name, Map<String, byte[]> data) {
        Map<String, byte[]> tls = new LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (Secret.TLS_KEYS.contains(k)) {
                tls.put(k, v);
            }
        });
        return Secret.of(ObjectMeta.of(name, ns), Origin.none("test"), SourceMap.empty(), "kubernetes.io/tls",
                data.keySet(), tls);
    }

    /** A kubernetes.io/tls Secret from two files of testdata/tls. */
    public static Secret tlsSecret(String name, String certFile, String keyFile) {
        return secret("istio-system", name, Map.of("tls.crt", pem(certFile), "tls.key", pem(keyFile)));
    }

    /** Concatenates byte arrays (to build chains). */
    public static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
