package io.gwctl.model.kube;

import io.gwctl.model.Kind;
import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.Resource;
import io.gwctl.model.SourceMap;
import java.util.List;
import java.util.Map;

/** A Kubernetes Service. {@code selector} is empty when absent (such a Service selects no pods). */
public record Service(ObjectMeta metadata, Origin origin, SourceMap source, String type,
                      Map<String, String> selector, List<ServicePort> ports) implements Resource {
    public Service {
        selector = selector == null ? Map.of() : Map.copyOf(selector);
        ports = List.copyOf(ports);
    }

    @Override
    public Kind kind() {
        return Kind.SERVICE;
    }

    /** True when the selector is non-empty and every selector label equals the given label. */
    public boolean selects(Map<String, String> podLabels) {
        if (selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(podLabels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
