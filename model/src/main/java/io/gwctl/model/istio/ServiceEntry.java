package io.gwctl.model.istio;

import io.gwctl.model.Kind;
import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.Resource;
import io.gwctl.model.SourceMap;
import java.util.List;
import java.util.Map;

/**
 * An Istio ServiceEntry: the hosts it adds to the mesh's service registry (wildcards allowed), its ports, exportTo,
 * {@code location} and {@code resolution} as written (null when absent) and the {@code workloadSelector} labels
 * (null when absent), which select the pods behind a MESH_INTERNAL entry.
 */
public record ServiceEntry(ObjectMeta metadata, Origin origin, SourceMap source, List<String> hosts,
                           List<Port> ports, List<String> exportTo, String location, String resolution,
                           Map<String, String> workloadSelector) implements Resource {
    public ServiceEntry {
        hosts = List.copyOf(hosts);
        ports = List.copyOf(ports);
        exportTo = List.copyOf(exportTo);
        workloadSelector = workloadSelector == null ? null : Map.copyOf(workloadSelector);
    }

    @Override
    public Kind kind() {
        return Kind.SERVICE_ENTRY;
    }

    /** One {@code ports[]} entry: number (0 when absent), name and protocol as written. */
    public record Port(int number, String name, String protocol) {
    }
}
