package io.gwctl.renderers.table;

import io.gwctl.model.Printable;
import io.gwctl.model.envoy.FilterChain;
import io.gwctl.model.envoy.Listener;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the listener table of {@code istioctl proxy-config listener} ({@code PrintListenerSummary}, spec §3.2),
 * byte for byte, as a pure function of the listeners, the filter and the options.
 */
public final class ListenerTableRenderer {

    private ListenerTableRenderer() {
    }

    /** A listener with its sort keys computed once. */
    private record Keyed(Listener listener, String address, String type) {
    }

    /** A row of the verbose table: MATCH and DESTINATION of one filter chain. */
    private record ChainRow(String match, String destination) {
    }

    /**
     * Writes the table to {@code out} (which should be buffered; it is flushed, not closed).
     *
     * @param listeners          listeners in dump order (active dynamic, then static)
     * @param filter             which listeners to print
     * @param verbose            {@code MATCH DESTINATION} columns (istioctl's default) instead of {@code TYPE}
     * @param includeConfigType  {@code pc all} style: a {@code NAME} column with {@code listener/<name>}
     */
    public static void render(List<Listener> listeners, ListenerFilter filter, boolean verbose,
                              boolean includeConfigType, Writer out) throws IOException {
        TabWriter.forListeners(out).writeTable(rows(listeners, filter, verbose, includeConfigType));
    }

    /**
     * The table before layout: the header and one line per row, cells separated by tabs, no line terminators;
     * {@link TabWriter#forListeners} lays them out as {@link #render} does.
     */
    public static List<String> rows(List<Listener> listeners, ListenerFilter filter, boolean verbose,
                                    boolean includeConfigType) {
        List<String> rows = new ArrayList<>();
        StringBuilder header = new StringBuilder();
        if (includeConfigType) {
            header.append("NAME\t");
        }
        header.append("ADDRESSES\tPORT").append(verbose ? "\tMATCH\tDESTINATION" : "\tTYPE");
        rows.add(header.toString());
        // istioctl filters first and sorts the kept listeners (PrintListenerSummary's verifiedListeners).
        List<Listener> kept = new ArrayList<>();
        for (Listener l : listeners) {
            if (filter.verify(l)) {
                kept.add(l);
            }
        }
        for (Keyed k : sorted(kept)) {
            Listener l = k.listener();
            String prefix = (includeConfigType ? "listener/" + Printable.escape(l.name()) + "\t" : "")
                    + Printable.escape(addresses(l)) + "\t" + l.port();
            if (verbose) {
                for (ChainRow row : chainRows(l)) {
                    rows.add(prefix + "\t" + Printable.escape(row.match()) + "\t"
                            + Printable.escape(row.destination()));
                }
            } else {
                rows.add(prefix + "\t" + k.type());
            }
        }
        return rows;
    }

    /** Go sort.Slice by (port, main address, type), with the keys computed once per listener. */
    private static List<Keyed> sorted(List<Listener> listeners) {
        List<Keyed> keyed = new ArrayList<>(listeners.size());
        for (Listener l : listeners) {
            keyed.add(new Keyed(l, EnvoyDescriptions.address(l), EnvoyDescriptions.listenerType(l)));
        }
        GoSort.slice(keyed, (a, b) -> {
            if (a.listener().port() != b.listener().port()) {
                return a.listener().port() < b.listener().port();
            }
            if (!a.address().equals(b.address())) {
                return GoSort.compareStrings(a.address(), b.address()) < 0;
            }
            return GoSort.compareStrings(a.type(), b.type()) < 0;
        });
        return keyed;
    }

    private static String addresses(Listener l) {
        if (l.additionalAddresses().isEmpty()) {
            return EnvoyDescriptions.address(l);
        }
        return EnvoyDescriptions.address(l) + "," + String.join(",", l.additionalAddresses());
    }

    /** {@code retrieveListenerMatches}, then Go sort.Slice by DESTINATION descending. */
    private static List<ChainRow> chainRows(Listener l) {
        List<ChainRow> rows = new ArrayList<>();
        for (FilterChain chain : EnvoyDescriptions.filterChains(l)) {
            rows.add(new ChainRow(EnvoyDescriptions.matches(chain.match()),
                    EnvoyDescriptions.destination(chain.filters())));
        }
        GoSort.slice(rows, (a, b) -> GoSort.compareStrings(a.destination(), b.destination()) > 0);
        return rows;
    }
}
