package io.gwctl.model.load;

/**
 * A JUnit-free runner for {@code bench/bench-hostile.sh}: times the loader on inputs built to be slow (one long
 * scalar of 1, 4 and 16 MB, plain and quoted; lists of 50,000 and 200,000 items) and prints the time per MB or per
 * 1,000 items, which stays flat when the cost is linear. Not a test: tests never assert on time (STYLE §5).
 */
public final class HostileBench {
    private HostileBench() {
    }

    public static void main(String[] args) {
        int repeat = Integer.getInteger("repeat", 2);
        for (int r = 0; r < repeat; r++) {
            for (int mb : new int[] {1, 4, 16}) {
                String big = "a".repeat(mb << 20);
                time("plain scalar " + mb + " MB", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n"
                        + "  annotations: {a: " + big + "}\n", mb, "MB");
                time("quoted scalar " + mb + " MB", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n"
                        + "stringData:\n  a: \"" + big + "\"\n", mb, "MB");
            }
            for (int items : new int[] {50_000, 200_000}) {
                time("list " + items + " items", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\nx:\n"
                        + "- 1\n".repeat(items), items / 1000, "1,000 items");
            }
        }
    }

    private static void time(String what, String yaml, int units, String unit) {
        long start = System.nanoTime();
        LoadResult result = new ManifestLoader(LoadOptions.defaults()).loadString(yaml, "bench.yaml");
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%-26s %6d ms  %8.1f ms per %s  (%d resources, %d problems)%n", what, ms,
                (double) ms / units, unit, result.snapshot().size(), result.problems().size());
    }
}
