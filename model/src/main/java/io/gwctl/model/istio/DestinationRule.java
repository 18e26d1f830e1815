package io.gwctl.model.istio;

import io.gwctl.model.Kind;
import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.Resource;
import io.gwctl.model.SourceMap;
import java.util.List;
import java.util.Map;

/** An Istio DestinationRule: host, subsets (name and labels) and exportTo. */
public record DestinationRule(ObjectMeta metadata, Origin origin, SourceMap source, String host,
                              List<Subset> subsets, List<String> exportTo) implements Resource {
    public DestinationRule {
        subsets = List.copyOf(subsets);
        exportTo = List.copyOf(exportTo);
    }

    @Override
    public Kind kind() {
        return Kind.DESTINATION_RULE;
    }

    /** A named subset of a DestinationRule. */
    public record Subset(String name, Map<String, String> labels) {
        public Subset {
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }
    }
}
