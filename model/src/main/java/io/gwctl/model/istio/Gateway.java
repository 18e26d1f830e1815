package io.gwctl.model.istio;

import io.gwctl.model.Kind;
import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.Resource;
import io.gwctl.model.SourceMap;
import java.util.List;
import java.util.Map;

/**
 * An Istio {@code networking.istio.io} Gateway. {@code selector} is null when the field is absent (the Gateway
 * then applies to every gateway workload, §5.1 of the translation spec); an empty map is kept distinct.
 */
public record Gateway(ObjectMeta metadata, Origin origin, SourceMap source, Map<String, String> selector,
                      List<Server> servers) implements Resource {
    public Gateway {
        selector = selector == null ? null : Map.copyOf(selector);
        servers = List.copyOf(servers);
    }

    @Override
    public Kind kind() {
        return Kind.GATEWAY;
    }

    /** {@code namespace/name}, the string VirtualServices bind to. */
    public String fullName() {
        return metadata.namespace() + "/" + metadata.name();
    }
}
