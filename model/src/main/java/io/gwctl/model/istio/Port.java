package io.gwctl.model.istio;

/** A Gateway server port. {@code protocol} is kept as written (parsing is case-insensitive, see {@link Protocol}). */
public record Port(int number, String name, String protocol, int targetPort) {

    public Protocol parsedProtocol() {
        return Protocol.parse(protocol);
    }
}
