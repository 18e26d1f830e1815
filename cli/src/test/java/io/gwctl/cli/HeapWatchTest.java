package io.gwctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap watch, end to end in child JVMs, and its judgement, on this JVM's real collections: it judges the old
 * generation only after a full collection; a minor
 * collection never stops the run, however full the old generation looks after it (G1 reports it with the garbage
 * its mixed collections leave for later), and a full collection that leaves it full does.
 */
class HeapWatchTest {
    private final List<NotificationListener> added = new ArrayList<>();

    private static MemoryPoolMXBean oldGeneration() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (pool.getType() == MemoryType.HEAP && (name.contains("Old") || name.contains("Tenured"))) {
                return pool;
            }
        }
        return null;
    }

    private void listen(NotificationListener l) {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(l, null, null);
        }
        added.add(l);
    }

    @AfterEach
    void removeListeners() throws ListenerNotFoundException {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            for (NotificationListener l : added) {
                ((NotificationEmitter) gc).removeNotificationListener(l);
            }
        }
    }

    /**
     * Through the entry point in a child JVM: an input that cannot fit a 12 MB heap ends in the one line that names
     * GWCTL_JAVA_OPTS, exit 1, no stack trace, under the serial and parallel collectors; with room it completes under
     * each collector the launchers pick.
     */
    @Test
    void aRunThatOutgrowsItsHeapEndsInOneLineAndOneWithRoomCompletes(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 1500; i++) {
            StringBuilder y = new StringBuilder();
            String ns = "team-" + i;
            y.append("apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: ")
                    .append(ns).append("\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n")
                    .append("  - port:\n      number: 80\n      name: http\n      protocol: HTTP\n    hosts:\n")
                    .append("    - app.").append(ns).append(".example.com\n---\n")
                    .append("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: vs\n")
                    .append("  namespace: ").append(ns).append("\nspec:\n  hosts:\n  - app.").append(ns)
                    .append(".example.com\n  gateways:\n  - gw\n  http:\n");
            for (int r = 0; r < 12; r++) {
                y.append("  - name: r").append(r).append("\n    match:\n    - uri:\n        prefix: /p").append(r)
                        .append("\n    route:\n");
                for (int d = 0; d < 3; d++) {
                    y.append("    - destination:\n        host: svc-").append(r).append('-').append(d).append('.')
                            .append(ns).append(".svc.cluster.local\n        subset: v").append(d)
                            .append("\n      weight: ").append(d == 0 ? 34 : 33).append('\n');
                }
            }
            Files.writeString(dir.resolve(ns + ".yaml"), y.toString(), StandardCharsets.UTF_8);
        }
        // The serial collector, which the launchers take up to 200 MB of input, and the parallel one
        // (GWCTL_GC=parallel). G1 in a heap of twelve 1 MB regions is no test of the watch: it may collect for minutes
        // before the JVM gives up.
        for (String gc : List.of("-XX:+UseSerialGC", "-XX:+UseParallelGC")) {
            Child small = child(gc, "-Xmx12m", "validate", "-o", "json", "-f", dir.toString());
            assertThat(small.exit).as("%s: %s", gc, small.err).isEqualTo(ExitCodes.INTERNAL_ERROR);
            assertThat(small.err).as(gc).matches("gwctl: out of memory: the input needs more than the Java heap"
                    + " limit of \\d+ MB; run with a larger heap, e.g. GWCTL_JAVA_OPTS=-Xmx\\d+g\n");
        }
        for (String gc : List.of("-XX:+UseSerialGC", "-XX:+UseParallelGC", "-XX:+UseG1GC")) {
            Child roomy = child(gc, "-Xmx64m", "validate", "-o", "json", "-f", dir.toString());
            assertThat(roomy.exit).as("%s: %s", gc, roomy.err).isEqualTo(ExitCodes.OK);
        }
    }

    private record Child(int exit, String err) {
    }

    private static Child child(String gc, String heap, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java.nio.file.Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), gc, heap, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("gwctl " + String.join(" ", args) + " with " + gc + " " + heap
                    + " did not end in 2 minutes");
        }
        byte[] err = p.getErrorStream().readAllBytes();
        return new Child(p.exitValue(), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void onlyAFullCollectionThatLeavesTheOldGenerationFullStopsTheRun() throws InterruptedException {
        MemoryPoolMXBean old = oldGeneration();
        assumeTrue(old != null, "this JVM's collector has no old generation pool");
        AtomicInteger stopped = new AtomicInteger();
        AtomicInteger notStopped = new AtomicInteger();
        // A pool of size 1: any use at all is "full". A pool of the largest size: never full.
        listen(Main.fullAfterFullCollection(old.getName(), 1, stopped::incrementAndGet));
        listen(Main.fullAfterFullCollection(old.getName(), Long.MAX_VALUE / 2, notStopped::incrementAndGet));
        AtomicInteger minor = new AtomicInteger();
        CountDownLatch major = new CountDownLatch(1);
        listen((n, handback) -> {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) n.getUserData());
            if ("end of minor GC".equals(info.getGcAction())) {
                minor.incrementAndGet();
            } else if ("end of major GC".equals(info.getGcAction())) {
                major.countDown();
            }
        });

        // Young collections, with the old generation's pool at "full" for the first listener.
        Object[] kept = new Object[256]; // the arrays escape, so the JIT cannot leave them unallocated
        for (int round = 0; round < 400 && minor.get() < 2; round++) {
            for (int i = 0; i < 10_000; i++) {
                kept[i & 255] = new byte[1024];
            }
            Thread.sleep(1);
        }
        assertThat(kept[0]).isNotNull();
        assumeTrue(minor.get() >= 2, "no young collection happened");
        boolean fullMeanwhile = major.getCount() == 0;
        if (!fullMeanwhile) {
            assertThat(stopped).as("after %d minor collections", minor.get()).hasValue(0);
        }

        System.gc(); // a full collection in every collector the launchers pick (-XX:+ExplicitGCInvokesConcurrent is not set)
        assertThat(major.await(10, TimeUnit.SECONDS)).as("a full collection was reported").isTrue();
        Thread.sleep(200); // the listeners run on the same notification thread, one after another
        assertThat(stopped.get()).isPositive();
        assertThat(notStopped).hasValue(0);
    }
}
