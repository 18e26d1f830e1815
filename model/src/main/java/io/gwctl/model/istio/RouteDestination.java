package io.gwctl.model.istio;

/**
 * A weighted destination of an http, tcp or tls route. {@code weight} is 0 when absent; {@code weightSet} tells an
 * absent weight from a written one (also {@code weight: 0}), which the weight checks need and which resources read
 * from a cluster, without positions, cannot tell otherwise.
 */
public record RouteDestination(Destination destination, int weight, boolean weightSet) {
    /** A destination whose weight is written. */
    public RouteDestination(Destination destination, int weight) {
        this(destination, weight, true);
    }
}
