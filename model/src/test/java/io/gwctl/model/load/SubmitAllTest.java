package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The loader's wait for its files: once for all of them, in order, and at once when the heap runs out. */
class SubmitAllTest {
    @Test
    void returnsOnceEveryTaskRanWithTheFuturesInOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger ran = new AtomicInteger();
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                int n = i;
                tasks.add(() -> {
                    if (n % 500 == 0) {
                        Thread.sleep(5);
                    }
                    ran.incrementAndGet();
                    return n;
                });
            }
            List<Future<Integer>> futures = ManifestLoader.submitAll(pool, tasks);
            // Every task's work is over; a future completes a moment after its task's last statement.
            assertThat(ran.get()).isEqualTo(2_000);
            assertThat(futures).hasSize(2_000);
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTaskOutOfMemoryEndsTheWaitWhileOthersStillRun() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch never = new CountDownLatch(1);
        try {
            List<Callable<String>> tasks = List.of(() -> {
                never.await();
                return "blocked";
            }, () -> {
                throw new OutOfMemoryError("test");
            });
            List<Future<String>> futures = ManifestLoader.submitAll(pool, tasks);
            assertThat(futures.get(0).isDone()).isFalse();
            assertThatThrownBy(() -> futures.get(1).get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(OutOfMemoryError.class);
        } finally {
            never.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void anInterruptedWaitReturnsWithTheFlagSet() {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        CountDownLatch never = new CountDownLatch(1);
        try {
            Thread.currentThread().interrupt();
            List<Future<String>> futures = ManifestLoader.submitAll(pool, List.of(() -> {
                never.await();
                return "blocked";
            }));
            assertThat(Thread.interrupted()).isTrue();
            assertThat(futures.get(0).isDone()).isFalse();
        } finally {
            never.countDown();
            pool.shutdownNow();
        }
    }
}
