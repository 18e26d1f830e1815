package io.gwctl.model.envoy;

/** One cluster of a route's {@code weighted_clusters}, with its weight (0 when unset). */
public record WeightedCluster(String name, int weight) {
}
