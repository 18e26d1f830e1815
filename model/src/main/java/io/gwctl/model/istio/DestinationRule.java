package io.gwctl.model.istio;

import io.gwctl.model.Kind;
import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.Resource;
import io.gwctl.model.SourceMap;
import java.util.List;
import java.util.Map;

/**
 * An Istio DestinationRule: host, subsets (name, labels, traffic policy), exportTo, the {@code workloadSelector}
 * labels (null when absent: the rule applies to every proxy that can see it) and the top-level traffic policy (null
 * when absent).
 */
public record DestinationRule(ObjectMeta metadata, Origin origin, SourceMap source, String host,
                              List<Subset> subsets, List<String> exportTo, Map<String, String> workloadSelector,
                              TrafficPolicy trafficPolicy) implements Resource {
    public DestinationRule {
        subsets = List.copyOf(subsets);
        exportTo = List.copyOf(exportTo);
        workloadSelector = workloadSelector == null ? null : Map.copyOf(workloadSelector);
    }

    /** A DestinationRule without workloadSelector and traffic policy. */
    public DestinationRule(ObjectMeta metadata, Origin origin, SourceMap source, String host, List<Subset> subsets,
                           List<String> exportTo) {
        this(metadata, origin, source, host, subsets, exportTo, null, null);
    }

    @Override
    public Kind kind() {
        return Kind.DESTINATION_RULE;
    }

    /** A named subset of a DestinationRule; {@code trafficPolicy} is null when absent. */
    public record Subset(String name, Map<String, String> labels, TrafficPolicy trafficPolicy) {
        public Subset {
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }

        /** A subset without traffic policy. */
        public Subset(String name, Map<String, String> labels) {
            this(name, labels, null);
        }
    }
}
