package io.gwctl.renderers.table;

import io.gwctl.model.envoy.Listener;

/**
 * The {@code --address}, {@code --port} and {@code --type} flags of {@code proxy-config listener} as istioctl's
 * {@code ListenerFilter} (spec §1): empty/zero fields do not filter.
 *
 * @param address kept if equal ignoring case to the main or any additional address ("" = any)
 * @param port    kept if equal to the main socket address port (0 = any)
 * @param type    kept if equal ignoring case to {@code HTTP}, {@code TCP}, {@code HTTP+TCP} or {@code UNKNOWN}
 */
public record ListenerFilter(String address, int port, String type) {

    /** A filter that keeps every listener. */
    public static final ListenerFilter ALL = new ListenerFilter("", 0, "");

    public ListenerFilter {
        address = address == null ? "" : address;
        type = type == null ? "" : type;
    }

    /** istioctl's {@code ListenerFilter.Verify}. */
    public boolean verify(Listener l) {
        if (!address.isEmpty() && !EnvoyDescriptions.address(l).equalsIgnoreCase(address)
                && l.additionalAddresses().stream().noneMatch(address::equalsIgnoreCase)) {
            return false;
        }
        if (port != 0 && l.port() != port) {
            return false;
        }
        return type.isEmpty() || EnvoyDescriptions.listenerType(l).equalsIgnoreCase(type);
    }
}
