package io.gwctl.renderers.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares two route tables as istioctl would print them for the same proxy, where Envoy lists route configurations
 * in an unspecified order (spec §3.4): the header must be identical and the route-config blocks (consecutive rows of
 * one NAME; each unnamed static row on its own) must be the same multiset. Rows are compared byte for byte, so
 * column widths and trailing spaces are still checked (widths do not depend on row order, spec §2).
 */
public final class RouteTableComparison {

    private RouteTableComparison() {
    }

    /** Returns null when the tables are equivalent, else a one-paragraph description of the first difference. */
    public static String difference(String expected, String actual) {
        List<String> e = lines(expected);
        List<String> a = lines(actual);
        if (e.isEmpty() || a.isEmpty() || !e.get(0).equals(a.get(0))) {
            return "headers differ:\n  expected: " + (e.isEmpty() ? "<none>" : e.get(0))
                    + "\n  actual:   " + (a.isEmpty() ? "<none>" : a.get(0));
        }
        List<String> expectedBlocks = blocks(e);
        List<String> actualBlocks = blocks(a);
        List<String> missing = new ArrayList<>(expectedBlocks);
        List<String> unexpected = new ArrayList<>();
        for (String block : actualBlocks) {
            if (!missing.remove(block)) {
                unexpected.add(block);
            }
        }
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return null;
        }
        return "route-config blocks differ (as a multiset):\n  missing:\n" + indent(missing)
                + "  unexpected:\n" + indent(unexpected);
    }

    private static String indent(List<String> blocks) {
        StringBuilder sb = new StringBuilder();
        for (String b : blocks) {
            for (String line : b.split("\n", -1)) {
                sb.append("    ").append(line.replace(' ', '·')).append('\n');
            }
        }
        return sb.toString();
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        // The final "\n" leaves an empty last element; keep any other trailing text visible.
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static List<String> blocks(List<String> lines) {
        // The NAME cell spans up to the start of the second header column (tabwriter pads it to that width).
        String header = lines.get(0);
        int nameWidth = header.indexOf(' ') < 0 ? header.length() : header.indexOf(' ');
        while (nameWidth < header.length() && header.charAt(nameWidth) == ' ') {
            nameWidth++;
        }
        List<String> blocks = new ArrayList<>();
        String currentName = null;
        StringBuilder current = null;
        for (String row : lines.subList(1, lines.size())) {
            String name = row.substring(0, Math.min(nameWidth, row.length())).strip();
            if (current == null || name.isEmpty() || !name.equals(currentName)) {
                if (current != null) {
                    blocks.add(current.toString());
                }
                current = new StringBuilder(row);
                currentName = name;
            } else {
                current.append('\n').append(row);
            }
        }
        if (current != null) {
            blocks.add(current.toString());
        }
        return blocks;
    }
}
