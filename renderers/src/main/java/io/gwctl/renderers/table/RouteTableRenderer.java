package io.gwctl.renderers.table;

import io.gwctl.model.Printable;
import io.gwctl.model.envoy.Route;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.envoy.RouteConfigurationsOnDemand;
import io.gwctl.model.envoy.VirtualHost;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Prints the route table of {@code istioctl proxy-config route} ({@code PrintRouteSummary}, spec §3.3), byte for
 * byte, as a pure function of the route configurations, the filter and the options.
 */
public final class RouteTableRenderer {

    private static final String PASSTHROUGH_CLUSTER = "PassthroughCluster";
    private static final Pattern GO_ATOI = Pattern.compile("[+-]?[0-9]+");

    private RouteTableRenderer() {
    }

    /**
     * Writes the table to {@code out} (which should be buffered; it is flushed, not closed).
     *
     * @param routes            route configurations in dump order (dynamic, then static); istioctl keeps that order
     *                          except between names that are all integers
     * @param filter            which route configurations to print
     * @param verbose           one row per route (istioctl's default) instead of {@code NAME VIRTUAL HOSTS}
     * @param includeConfigType {@code pc all} style: names prefixed {@code route/}
     */
    public static void render(List<RouteConfiguration> routes, RouteFilter filter, boolean verbose,
                              boolean includeConfigType, Writer out) throws IOException {
        List<RouteConfiguration> sorted = routes instanceof RouteConfigurationsOnDemand onDemand
                ? sortedOnDemand(onDemand, filter) : sortedLikeIstioctl(routes);
        TabWriter.forRoutes(out).writeTable(row -> rows(sorted, filter, verbose, includeConfigType, row));
    }

    /**
     * The table before layout: the header and one line per row, cells separated by tabs, no line terminators;
     * {@link TabWriter#forRoutes} lays them out as {@link #render} does.
     */
    public static List<String> rows(List<RouteConfiguration> routes, RouteFilter filter, boolean verbose,
                                    boolean includeConfigType) {
        List<String> rows = new ArrayList<>();
        rows(sortedLikeIstioctl(routes), filter, verbose, includeConfigType, rows::add);
        return rows;
    }

    /** Makes the rows of {@link #rows} from route configurations already in istioctl's order. */
    private static void rows(List<RouteConfiguration> sorted, RouteFilter filter, boolean verbose,
                             boolean includeConfigType, Consumer<String> rows) {
        rows.accept(verbose ? "NAME\tVHOST NAME\tDOMAINS\tMATCH\tVIRTUAL SERVICE" : "NAME\tVIRTUAL HOSTS");
        for (RouteConfiguration rc : sorted) {
            if (!filter.verify(rc)) {
                continue;
            }
            // Names, hosts and paths come from the input: escaped so that a tab or line break cannot shift a table.
            String name = Printable.escape(includeConfigType ? "route/" + rc.name() : rc.name());
            if (!verbose) {
                rows.accept(name + "\t" + rc.virtualHosts().size());
                continue;
            }
            for (VirtualHost vh : rc.virtualHosts()) {
                String head = name + "\t" + Printable.escape(vh.name()) + "\t"
                        + Printable.escape(EnvoyDescriptions.routeDomains(vh.domains())) + "\t";
                for (Route r : vh.routes()) {
                    if (!isPassthrough(r)) {
                        rows.accept(head + Printable.escape(EnvoyDescriptions.routeMatch(r.match())) + "\t"
                                + Printable.escape(EnvoyDescriptions.management(r.istioConfig())));
                    }
                }
                if (vh.routes().isEmpty()) {
                    // Blackhole and redirect-only vhosts (spec §3.3).
                    rows.accept(head + "/*\t404");
                }
            }
        }
    }

    private static boolean isPassthrough(Route r) {
        return r.action() == Route.Action.CLUSTER && PASSTHROUGH_CLUSTER.equals(r.cluster());
    }

    /**
     * {@code retrieveSortedRouteSlice}: Go sort.Slice with a less function that compares names as integers and is
     * false whenever either name is not one (spec §3.1), so non-integer names keep dump order.
     */
    public static List<RouteConfiguration> sortedLikeIstioctl(List<RouteConfiguration> routes) {
        List<RouteConfiguration> copy = new ArrayList<>(routes);
        GoSort.slice(copy, (a, b) -> lessLikeIstioctl(a.name(), b.name()));
        return copy;
    }

    /**
     * {@link #sortedLikeIstioctl} of configurations made on demand, sorted and filtered by their names alone: a view
     * that makes each configuration when it is read (once per pass of the table) and holds none.
     */
    private static List<RouteConfiguration> sortedOnDemand(RouteConfigurationsOnDemand routes, RouteFilter filter) {
        List<Integer> order = new ArrayList<>(routes.size());
        for (int i = 0; i < routes.size(); i++) {
            order.add(i);
        }
        // The same less function over the same names: the permutation sortedLikeIstioctl gives the configurations.
        GoSort.slice(order, (a, b) -> lessLikeIstioctl(routes.name(a), routes.name(b)));
        order.removeIf(i -> !filter.verifyName(routes.name(i)));
        return new java.util.AbstractList<>() {
            @Override
            public RouteConfiguration get(int index) {
                return routes.get(order.get(index));
            }

            @Override
            public int size() {
                return order.size();
            }
        };
    }

    private static boolean lessLikeIstioctl(String a, String b) {
        Long i = atoi(a);
        Long j = atoi(b);
        return i != null && j != null && i < j;
    }

    /** Go's {@code strconv.Atoi} on a 64-bit platform: null where Go returns an error. */
    static Long atoi(String s) {
        if (!GO_ATOI.matcher(s).matches()) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException outOfRange) {
            return null;
        }
    }
}
