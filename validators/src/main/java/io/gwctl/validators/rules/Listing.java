package io.gwctl.validators.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Lists in finding messages: each distinct item once, at most a few, then how many more. Inputs that repeat a
 * resource (a directory copied many times) would otherwise make every finding's message, and the report, grow with
 * the square of the input.
 */
final class Listing {
    /** How many items a message lists before "and N more". */
    static final int MAX = 5;

    private Listing() {
    }

    /** {@code a, b and 3 more}-style: the distinct items joined by {@code separator}, at most {@link #MAX}. */
    static String join(Iterable<String> items, String separator) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(toList(items)));
        if (distinct.size() <= MAX) {
            return String.join(separator, distinct);
        }
        return String.join(separator, distinct.subList(0, MAX)) + " and " + (distinct.size() - MAX) + " more";
    }

    private static List<String> toList(Iterable<String> items) {
        List<String> out = new ArrayList<>();
        items.forEach(out::add);
        return out;
    }
}
