package io.gwctl.model.envoy;

import java.util.AbstractList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Route configurations made when they are asked for, every time, and never held: a list for a table that reads each
 * configuration once per pass, where holding them all did not fit the heap (1.2 million routes on 100,000 Gateways).
 * The names are known without making anything, so a printer can sort and filter by name first.
 */
public final class RouteConfigurationsOnDemand extends AbstractList<RouteConfiguration> {
    private final List<String> names;
    private final IntFunction<RouteConfiguration> make;

    /**
     * @param names the configurations' names in order
     * @param make  makes the configuration at an index; the same one (equal) each time
     */
    public RouteConfigurationsOnDemand(List<String> names, IntFunction<RouteConfiguration> make) {
        this.names = List.copyOf(names);
        this.make = make;
    }

    /** The name of the configuration at {@code index}, without making it. */
    public String name(int index) {
        return names.get(index);
    }

    /** Makes the configuration at {@code index}. */
    @Override
    public RouteConfiguration get(int index) {
        java.util.Objects.checkIndex(index, names.size());
        return make.apply(index);
    }

    @Override
    public int size() {
        return names.size();
    }
}
