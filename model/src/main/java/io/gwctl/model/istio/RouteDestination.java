package io.gwctl.model.istio;

/** A weighted destination of an http, tcp or tls route. {@code weight} is 0 when absent. */
public record RouteDestination(Destination destination, int weight) {
}
