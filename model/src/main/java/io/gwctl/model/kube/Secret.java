package io.gwctl.model.kube;

import io.gwctl.model.Kind;
import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.SourceMap;
import io.gwctl.model.Resource;
import java.util.Map;
import java.util.Set;

/**
 * A Secret: its type and key names. Values are kept (decoded bytes) only for the keys a TLS check reads
 * ({@code tls.crt}, {@code tls.key}, {@code ca.crt}, {@code cert}, {@code key}, {@code cacert}); they are never
 * printed. {@code toString} does not include values.
 */
public record Secret(ObjectMeta metadata, Origin origin, SourceMap source, String type, Set<String> keys,
                     Map<String, byte[]> tlsData) implements Resource {
    /** Keys whose values a check may need. */
    public static final Set<String> TLS_KEYS = Set.of("tls.crt", "tls.key", "ca.crt", "cert", "key", "cacert");

    public Secret {
        keys = Set.copyOf(keys);
        tlsData = Map.copyOf(tlsData);
    }

    @Override
    public Kind kind() {
        return Kind.SECRET;
    }

    /** The value of a TLS key, or null. */
    public byte[] value(String key) {
        return tlsData.get(key);
    }

    @Override
    public String toString() {
        return "Secret[" + metadata.key() + ", type=" + type + ", keys=" + keys + "]";
    }
}
