package io.gwctl.model.kube;

import io.gwctl.model.Kind;
import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.SourceMap;
import java.util.List;
import java.util.Map;

/** A Kubernetes Pod. */
public record Pod(ObjectMeta metadata, Origin origin, SourceMap source, List<Container> containers)
        implements Workload {
    public Pod {
        containers = List.copyOf(containers);
    }

    @Override
    public Kind kind() {
        return Kind.POD;
    }

    @Override
    public Map<String, String> podLabels() {
        return metadata.labels();
    }
}
