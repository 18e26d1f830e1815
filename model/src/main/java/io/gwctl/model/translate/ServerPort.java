package io.gwctl.model.translate;

/**
 * A listener key of the merged gateway (istiod's {@code ServerPort}, spec §5.5): the resolved port the listener
 * binds, the server protocol as written and the bind address ({@code ""} when absent).
 */
public record ServerPort(int number, String protocol, String bind) {
}
