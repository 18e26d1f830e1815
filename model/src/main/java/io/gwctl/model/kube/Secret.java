package io.gwctl.model.kube;

import io.gwctl.model.Kind;
import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.SourceMap;
import io.gwctl.model.Resource;
import io.gwctl.model.tls.TlsCredential;
import java.util.Map;
import java.util.Set;

/**
 * A Secret: its type, key names and what the TLS checks need of its certificate and key ({@link TlsCredential}, read
 * when it is loaded). The values themselves are not kept: they are never printed, and at 10,000 Gateways they were a
 * fifth of the heap.
 */
public record Secret(ObjectMeta metadata, Origin origin, SourceMap source, String type, Set<String> keys,
                     TlsCredential tls) implements Resource {
    /** Keys whose values a check may need. */
    public static final Set<String> TLS_KEYS = Set.of("tls.crt", "tls.key", "ca.crt", "cert", "key", "cacert");

    public Secret {
        keys = Set.copyOf(keys);
        java.util.Objects.requireNonNull(tls, "tls");
    }

    /**
     * A Secret read from its key names and the values of its {@link #TLS_KEYS} ({@code tlsData}), which are parsed
     * here and not kept.
     */
    public static Secret of(ObjectMeta metadata, Origin origin, SourceMap source, String type, Set<String> keys,
                            Map<String, byte[]> tlsData) {
        return new Secret(metadata, origin, source, type, keys, TlsCredential.read(keys, tlsData));
    }

    @Override
    public Kind kind() {
        return Kind.SECRET;
    }

    @Override
    public String toString() {
        return "Secret[" + metadata.key() + ", type=" + type + ", keys=" + keys + "]";
    }
}
