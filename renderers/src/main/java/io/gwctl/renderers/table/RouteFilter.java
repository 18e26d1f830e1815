package io.gwctl.renderers.table;

import io.gwctl.model.envoy.RouteConfiguration;

/**
 * The {@code --name} flag of {@code proxy-config route} as istioctl's {@code RouteFilter} (spec §1).
 *
 * @param name exact route configuration name to keep ("" = keep all)
 */
public record RouteFilter(String name) {

    /** A filter that keeps every route configuration. */
    public static final RouteFilter ALL = new RouteFilter("");

    public RouteFilter {
        name = name == null ? "" : name;
    }

    /** istioctl's {@code RouteFilter.Verify}. */
    public boolean verify(RouteConfiguration rc) {
        return verifyName(rc.name());
    }

    /** {@link #verify} by the configuration's name alone. */
    public boolean verifyName(String routeConfigName) {
        return name.isEmpty() || name.equals(routeConfigName);
    }
}
