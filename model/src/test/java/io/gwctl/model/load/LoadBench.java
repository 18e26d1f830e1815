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

    public static void main(String[] args) throws Exception {
        int repeat = Integer.getInteger("repeat", 1);
        for (int i = 0; i < repeat; i++) {
            if (Boolean.getBoolean("floor")) {
                floor(args);
            }
            long start = System.nanoTime();
            long cpu = cpuMillis();
            LoadResult r = new ManifestLoader(LoadOptions.defaults()).load(Arrays.asList(args));
            long ms = (System.nanoTime() - start) / 1_000_000;
            cpu = cpuMillis() - cpu;
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long used = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
            Map<String, Integer> kinds = new TreeMap<>(r.stats().skippedKinds());
            System.out.printf("load %d ms (cpu %d ms): %d files, %d documents, %d resources, %d problems, skipped %s;"
                    + " heap after load %d MB%n", ms, cpu, r.stats().files(), r.stats().documents(), r.stats().resources(),
                    r.problems().size(), kinds, used);
            if (Boolean.getBoolean("pause")) {
                Thread.sleep(60_000); // time for jcmd GC.class_histogram
            }
            r.problems().stream().limit(20).forEach(p -> System.out.println("  " + p.format()));
        }
    }

    /** CPU time of the whole process (all threads, GC included): steadier than wall time on a busy machine. */
    private static long cpuMillis() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1_000_000 : 0;
    }

    /** The single-threaded parse floor of shared/bench/README.md: Jackson YAML trees of every document. */
    private static void floor(String[] args) throws Exception {
        long start = System.nanoTime();
        long cpu = cpuMillis();
        com.fasterxml.jackson.databind.ObjectMapper yaml =
                new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        java.util.List<java.nio.file.Path> files;
        try (var walk = java.nio.file.Files.walk(java.nio.file.Path.of(args[0]))) {
            files = walk.filter(java.nio.file.Files::isRegularFile).sorted().toList();
        }
        int docs = 0;
        for (java.nio.file.Path f : files) {
            try (var it = yaml.readerFor(com.fasterxml.jackson.databind.JsonNode.class).readValues(f.toFile())) {
                while (it.hasNext()) {
                    if (it.next() != null) {
                        docs++;
                    }
                }
            }
        }
        System.out.printf("floor %d ms (cpu %d ms): %d files, %d documents%n", (System.nanoTime() - start) / 1_000_000,
                cpuMillis() - cpu, files.size(), docs);
    }
}
