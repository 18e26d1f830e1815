package io.gwctl.renderers.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.gwctl.renderers.diff.ProxyConfigDiffRenderer.Side;
import io.gwctl.renderers.diff.ProxyConfigDiffRenderer.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of istioctl's tables that differ between two sides, as the unified diff shows them: each hunk's removed
 * rows paired in order with its added rows (a row replaced), the rest removed or added alone. A pure function of the
 * two sides; the header row is never a change.
 */
public final class RowChanges {
    private RowChanges() {
    }

    /**
     * One changed row: its table and its cells on each side, null on the side where it is absent.
     *
     * @param before the row's cells on the base side, or null when it was added
     * @param after  the row's cells on the head side, or null when it was removed
     */
    public record Change(Table table, List<String> before, List<String> after) {
        public Change {
            before = before == null ? null : List.copyOf(before);
            after = after == null ? null : List.copyOf(after);
        }

        /** The row that identifies the change: the head side's, else the base side's. */
        public List<String> current() {
            return after != null ? after : before;
        }
    }

    /** The changed rows of the chosen tables, in {@link Table} order, then in table order. */
    public static List<Change> of(Side base, Side head, java.util.Set<Table> tables) {
        List<Change> out = new ArrayList<>();
        for (Table t : Table.values()) {
            if (!tables.contains(t)) {
                continue;
            }
            List<String> b = ProxyConfigDiffRenderer.rows(t, base);
            List<String> h = ProxyConfigDiffRenderer.rows(t, head);
            for (AbstractDelta<String> d : DiffUtils.diff(b, h).getDeltas()) {
                List<String> removed = d.getSource().getLines();
                List<String> added = d.getTarget().getLines();
                for (int i = 0; i < Math.max(removed.size(), added.size()); i++) {
                    out.add(new Change(t, i < removed.size() ? cells(removed.get(i)) : null,
                            i < added.size() ? cells(added.get(i)) : null));
                }
            }
        }
        return out;
    }

    private static List<String> cells(String row) {
        return Arrays.asList(row.split("\t", -1));
    }
}
