package io.gwctl.model.istio;

import io.gwctl.model.Kind;
import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.Resource;
import io.gwctl.model.SourceMap;
import java.util.List;

/** An Istio VirtualService with hosts, gateways and routes as written (not yet resolved, see spec §6.1). */
public record VirtualService(ObjectMeta metadata, Origin origin, SourceMap source, List<String> hosts,
                             List<String> gateways, List<HttpRoute> http, List<TcpRoute> tcp, List<TlsRoute> tls,
                             List<String> exportTo) implements Resource {
    public VirtualService {
        hosts = List.copyOf(hosts);
        gateways = List.copyOf(gateways);
        http = List.copyOf(http);
        tcp = List.copyOf(tcp);
        tls = List.copyOf(tls);
        exportTo = List.copyOf(exportTo);
    }

    @Override
    public Kind kind() {
        return Kind.VIRTUAL_SERVICE;
    }
}
