package io.gwctl.model.envoy;

/**
 * An Envoy route: its match, its action and the Istio config path from
 * {@code metadata.filter_metadata.istio.config} (null when absent).
 *
 * @param action   what the route does
 * @param cluster  the {@code route.cluster} for a cluster action, "" otherwise (weighted clusters, redirect, ...)
 * @param istioConfig e.g. {@code /apis/networking.istio.io/v1/namespaces/default/virtual-service/test-gw}
 */
public record Route(RouteMatch match, Action action, String cluster, String istioConfig) {
    /** The kinds of route action. */
    public enum Action { CLUSTER, WEIGHTED_CLUSTERS, REDIRECT, DIRECT_RESPONSE, OTHER }
}
