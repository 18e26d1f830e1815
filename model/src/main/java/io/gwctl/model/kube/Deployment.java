package io.gwctl.model.kube;

import io.gwctl.model.Kind;
import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.SourceMap;
import io.gwctl.model.install.GatewayComponent;
import java.util.List;
import java.util.Map;

/**
 * A Deployment, reduced to its pod template (labels and containers) and the labels its selector requires.
 *
 * @param podSelector {@code spec.selector.matchLabels} (the template labels when the selector is absent); empty
 *                    selects no Pod, as the API server rejects an empty Deployment selector; null when the selector
 *                    has matchExpressions, which gwctl does not evaluate
 * @param installed   the install component this Deployment stands for when gwctl synthesized it from an
 *                    IstioOperator or gateway chart values ({@link io.gwctl.model.install.InstalledGateways}); null
 *                    for a Deployment of the input
 */
public record Deployment(ObjectMeta metadata, Origin origin, SourceMap source, Map<String, String> templateLabels,
                         List<Container> containers, Map<String, String> podSelector, GatewayComponent installed)
        implements Workload {
    public Deployment {
        templateLabels = templateLabels == null ? Map.of() : Map.copyOf(templateLabels);
        containers = List.copyOf(containers);
        podSelector = podSelector == null ? null : Map.copyOf(podSelector);
    }

    /** A Deployment of the input. */
    public Deployment(ObjectMeta metadata, Origin origin, SourceMap source, Map<String, String> templateLabels,
                      List<Container> containers, Map<String, String> podSelector) {
        this(metadata, origin, source, templateLabels, containers, podSelector, null);
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
