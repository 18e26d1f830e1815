package io.gwctl.model.load;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JUnit-free runner for {@code bench/bench-load.sh}: loads the given paths and prints the time, the counts and
 * the heap in use afterwards, so loader changes can be compared side by side. Not a test.
 */
public final class LoadBench {
    private LoadBench() {
    }

    public static void main(String[] args) {
        int repeat = Integer.getInteger("repeat", 1);
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            LoadResult r = new ManifestLoader(LoadOptions.defaults()).load(Arrays.asList(args));
            long ms = (System.nanoTime() - start) / 1_000_000;
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long used = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
            Map<String, Integer> kinds = new TreeMap<>(r.stats().skippedKinds());
            System.out.printf("load %d ms: %d files, %d documents, %d resources, %d problems, skipped %s;"
                    + " heap after load %d MB%n", ms, r.stats().files(), r.stats().documents(), r.stats().resources(),
                    r.problems().size(), kinds, used);
            r.problems().stream().limit(20).forEach(p -> System.out.println("  " + p.format()));
            if (r.snapshot().size() < 0) {
                System.out.println("unreachable");
            }
        }
    }
}
