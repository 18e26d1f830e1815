package io.gwctl.renderers.diff;

import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.renderers.table.GoSort;
import io.gwctl.renderers.table.ListenerFilter;
import io.gwctl.renderers.table.ListenerTableRenderer;
import io.gwctl.renderers.table.RouteFilter;
import io.gwctl.renderers.table.RouteTableRenderer;
import io.gwctl.renderers.table.TabWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares two Envoy configurations of one gateway (e.g. what the manifests say and what the proxy serves) as the
 * istioctl tables print them: the verbose listener table and route table of each side, as a unified diff
 * ({@link UnifiedDiffRenderer}), a pure function of the two sides.
 *
 * <p>Two things make equal configurations print equal tables, so that only real differences show:
 * <ul>
 *   <li>Both sides are laid out with the same column widths (the widest cell of either side), so a longer name on
 *       one side does not change the padding of every row.</li>
 *   <li>Route configurations are compared in name order, the unnamed bootstrap ones (the {@code backend} rows of
 *       the 15021/15090 listeners) last, ordered by their rows: Envoy lists route configurations in an unspecified
 *       order that changes between processes (spec §3.4), so dump order would make equal configurations differ.
 *       Rows inside one route configuration keep their order, which is Envoy's match order. The listener table
 *       needs nothing: istioctl sorts it (spec §3.2).</li>
 * </ul>
 * No row kind is left out: the translator produces the bootstrap listeners and {@code backend} routes as Istio's
 * default bootstrap defines them (spec §3.4), so they compare equal unless the proxy runs a non-default bootstrap
 * (e.g. {@code METRICS_LOCALHOST_ACCESS_ONLY}, dual stack), which is a real difference in what it serves.
 */
public final class ProxyConfigDiffRenderer {

    private ProxyConfigDiffRenderer() {
    }

    /** The tables that can be compared; each is a section of the diff. */
    public enum Table {
        LISTENER("listeners"), ROUTE("routes");

        private final String section;

        Table(String section) {
            this.section = section;
        }

        /** The name printed after the {@code @@} of its hunks. */
        public String section() {
            return section;
        }
    }

    /** One side of the comparison: a label for the diff header and its Envoy configuration. */
    public record Side(String label, List<Listener> listeners, List<RouteConfiguration> routeConfigs) {
        public Side {
            listeners = List.copyOf(listeners);
            routeConfigs = List.copyOf(routeConfigs);
        }
    }

    /**
     * Writes the diff of the chosen tables to {@code out} (not flushed) and returns true, or writes nothing and
     * returns false when they are the same.
     */
    public static boolean render(Side expected, Side actual, Set<Table> tables, Writer out) throws IOException {
        return UnifiedDiffRenderer.render(expected.label(), actual.label(), sections(expected, actual, tables), out);
    }

    /** The sections compared, in {@link Table} order; padded rows, the header row first. */
    public static List<UnifiedDiffRenderer.Section> sections(Side expected, Side actual, Set<Table> tables) {
        List<UnifiedDiffRenderer.Section> out = new ArrayList<>();
        for (Table t : Table.values()) {
            if (!tables.contains(t)) {
                continue;
            }
            List<String> e = rows(t, expected);
            List<String> a = rows(t, actual);
            List<String> padded = layOut(t, e, a);
            out.add(new UnifiedDiffRenderer.Section(t.section(), padded.subList(0, e.size()),
                    padded.subList(e.size(), padded.size())));
        }
        return out;
    }

    /** The rows of one table of {@code side} before layout (cells separated by tabs), the header row first. */
    public static List<String> rows(Table t, Side side) {
        return switch (t) {
            case LISTENER -> ListenerTableRenderer.rows(side.listeners(), ListenerFilter.ALL, true, false);
            case ROUTE -> RouteTableRenderer.rows(comparisonOrder(side.routeConfigs()), RouteFilter.ALL, true,
                    false);
        };
    }

    /**
     * Route configurations by name (Go string order), then the unnamed ones by their table rows; the sort is stable
     * and istioctl's own reordering of integer names (spec §3.1) follows it when the rows are built.
     */
    static List<RouteConfiguration> comparisonOrder(List<RouteConfiguration> routeConfigs) {
        Map<RouteConfiguration, String> unnamedKeys = new IdentityHashMap<>();
        Function<RouteConfiguration, String> key = rc -> unnamedKeys.computeIfAbsent(rc,
                c -> String.join("\n", RouteTableRenderer.rows(List.of(c), RouteFilter.ALL, true, false)));
        List<RouteConfiguration> sorted = new ArrayList<>(routeConfigs);
        sorted.sort(Comparator.<RouteConfiguration, Boolean>comparing(rc -> rc.name().isEmpty())
                .thenComparing(RouteConfiguration::name, GoSort::compareStrings)
                .thenComparing((a, b) -> a.name().isEmpty() ? GoSort.compareStrings(key.apply(a), key.apply(b)) : 0));
        return sorted;
    }

    /** Both sides' rows through one tab writer: one set of column widths, the widest cell of either side. */
    private static List<String> layOut(Table t, List<String> expected, List<String> actual) {
        StringWriter text = new StringWriter();
        List<String> both = new ArrayList<>(expected);
        both.addAll(actual);
        try {
            (t == Table.LISTENER ? TabWriter.forListeners(text) : TabWriter.forRoutes(text)).writeTable(both);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        List<String> lines = new ArrayList<>(List.of(text.toString().split("\n", -1)));
        lines.remove(lines.size() - 1); // after the last '\n'
        return lines;
    }
}
