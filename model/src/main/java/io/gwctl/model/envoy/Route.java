package io.gwctl.model.envoy;

import java.util.List;

/**
 * An Envoy route: its match, its action and the Istio config path from
 * {@code metadata.filter_metadata.istio.config} (null when absent), plus what a request trace needs and istioctl's
 * tables do not print.
 *
 * @param action   what the route does
 * @param cluster  the {@code route.cluster} for a cluster action, "" otherwise (weighted clusters, redirect, ...)
 * @param istioConfig e.g. {@code /apis/networking.istio.io/v1/namespaces/default/virtual-service/test-gw}
 * @param weightedClusters the clusters of a {@link Action#WEIGHTED_CLUSTERS} action (empty when unknown)
 * @param redirect the redirect of a {@link Action#REDIRECT} action, null when unknown
 * @param directResponseStatus the status of a {@link Action#DIRECT_RESPONSE}, 0 when unknown
 * @param source   the VirtualService rule the translator built this route from; null when unknown (a config dump)
 */
public record Route(RouteMatch match, Action action, String cluster, String istioConfig,
                    List<WeightedCluster> weightedClusters, Redirect redirect, int directResponseStatus,
                    RuleSource source) {
    /** The kinds of route action. */
    public enum Action { CLUSTER, WEIGHTED_CLUSTERS, REDIRECT, DIRECT_RESPONSE, OTHER }

    public Route {
        weightedClusters = weightedClusters == null ? List.of() : List.copyOf(weightedClusters);
    }

    /** A route with only what istioctl prints. */
    public Route(RouteMatch match, Action action, String cluster, String istioConfig) {
        this(match, action, cluster, istioConfig, List.of(), null, 0, null);
    }
}
