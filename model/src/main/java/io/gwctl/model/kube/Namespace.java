package io.gwctl.model.kube;

import io.gwctl.model.Kind;
import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.Resource;
import io.gwctl.model.SourceMap;

/** A Namespace (cluster-scoped: {@code metadata.namespace} is empty). */
public record Namespace(ObjectMeta metadata, Origin origin, SourceMap source) implements Resource {
    @Override
    public Kind kind() {
        return Kind.NAMESPACE;
    }
}
