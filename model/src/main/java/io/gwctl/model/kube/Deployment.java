package io.gwctl.model.kube;

import io.gwctl.model.Kind;
import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.SourceMap;
import java.util.List;
import java.util.Map;

/** A Deployment, reduced to its pod template: labels and containers. */
public record Deployment(ObjectMeta metadata, Origin origin, SourceMap source, Map<String, String> templateLabels,
                         List<Container> containers) implements Workload {
    public Deployment {
        templateLabels = templateLabels == null ? Map.of() : Map.copyOf(templateLabels);
        containers = List.copyOf(containers);
    }

    @Override
    public Kind kind() {
        return Kind.DEPLOYMENT;
    }

    @Override
    public Map<String, String> podLabels() {
        return templateLabels;
    }
}
