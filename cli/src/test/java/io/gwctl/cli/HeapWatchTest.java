package io.gwctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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

/**
 * The heap watch judges the old generation only after a full collection, on this JVM's real collections: a minor
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
