package io.gwctl.model.istio;

/** A route destination: host as written, optional subset, port number (0 when absent). */
public record Destination(String host, String subset, int port) {
}
