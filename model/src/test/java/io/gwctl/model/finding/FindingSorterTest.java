package io.gwctl.model.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gwctl.model.ResourceRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sorter gives the same findings, in the same order, whether they stayed on the heap or went to run files and
 * were merged: sorted by {@link Finding#ORDER}, each once, whatever order and threads they were added in.
 */
class FindingSorterTest {
    private static final Severity[] SEVERITIES = Severity.values();

    /** Findings with many ties and duplicates: few codes, resources, files and lines; some nulls and non-ASCII. */
    private static List<Finding> findings(long seed, int n) {
        Random r = new Random(seed);
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!out.isEmpty() && r.nextInt(5) == 0) {
                out.add(out.get(r.nextInt(out.size()))); // an exact duplicate, as two analyzers may report
                continue;
            }
            String code = "GW0" + (100 + r.nextInt(4));
            List<String> aliases = switch (r.nextInt(3)) {
                case 0 -> List.of();
                case 1 -> List.of("IST0101");
                default -> List.of("KIA0301", "IST0132");
            };
            ResourceRef ref = new ResourceRef(r.nextBoolean() ? "Gateway" : "VirtualService",
                    r.nextInt(4) == 0 ? null : "ns-" + r.nextInt(3), "name-" + r.nextInt(5));
            Location loc = new Location("dir/f" + r.nextInt(3) + ".yaml", r.nextInt(4), r.nextInt(3),
                    r.nextBoolean() ? "" : "/spec/servers/" + r.nextInt(2));
            String message = "message " + r.nextInt(6) + (r.nextInt(10) == 0 ? " ünïcødé ✓" : "")
                    + (r.nextInt(20) == 0 ? "\nsecond line" : "");
            String hint = r.nextInt(3) == 0 ? null : "hint " + r.nextInt(3) + "x".repeat(r.nextInt(300));
            out.add(new Finding(code, SEVERITIES[r.nextInt(3)], aliases, ref, loc, message, hint));
        }
        return out;
    }

    /** What the validator did before the sorter: drop equal findings, then sort. */
    private static List<Finding> reference(List<Finding> findings) {
        List<Finding> unique = new ArrayList<>(new LinkedHashSet<>(findings));
        unique.sort(Finding.ORDER);
        return unique;
    }

    private static List<Finding> sorted(List<Finding> findings, long budget, Path dir) {
        FindingSorter s = new FindingSorter(budget, dir);
        findings.forEach(s::add);
        return s.sorted();
    }

    @Test
    void spilledOrNotTheFindingsAreTheSameSortedAndEachOnce(@TempDir Path dir) throws IOException {
        for (long seed = 1; seed <= 20; seed++) {
            List<Finding> in = findings(seed, seed <= 4 ? (int) seed * 37 : 1 + (int) (seed * 97 % 1500));
            List<Finding> expected = reference(in);
            for (long budget : new long[] {0, 2_000, 50_000, Long.MAX_VALUE}) {
                if (budget == 0 && in.size() > 150) {
                    continue; // a file a finding: the small inputs show it
                }
                FindingSorter s = new FindingSorter(budget, dir);
                in.forEach(s::add);
                int runs = s.runs();
                List<Finding> out = s.sorted();
                assertThat(out).as("seed %d budget %d", seed, budget).containsExactlyElementsOf(expected);
                assertThat(out instanceof SpilledFindings).as("seed %d budget %d", seed, budget)
                        .isEqualTo(runs > 0);
                if (budget < 3_000) {
                    assertThat(runs).as("seed %d budget %d", seed, budget).isPositive();
                }
                if (budget == 0) {
                    assertThat(runs).as("each finding its own run").isEqualTo(in.size());
                }
            }
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("run and merged files are unlinked once open").isEmpty();
        }
    }

    @Test
    void findingsAddedFromSeveralThreadsComeOutInOneOrder(@TempDir Path dir) throws InterruptedException {
        List<Finding> in = findings(42, 4000);
        List<Finding> expected = reference(in);
        for (long budget : new long[] {10_000, Long.MAX_VALUE}) {
            List<Finding> shuffled = new ArrayList<>(in);
            Collections.shuffle(shuffled, new Random(budget));
            FindingSorter s = new FindingSorter(budget, dir);
            AtomicInteger next = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread th = new Thread(() -> {
                    for (int i = next.getAndIncrement(); i < shuffled.size(); i = next.getAndIncrement()) {
                        s.add(shuffled.get(i));
                    }
                });
                th.start();
                threads.add(th);
            }
            for (Thread th : threads) {
                th.join();
            }
            assertThat(s.sorted()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aSpilledListReadsInAnyOrderAndFiltersToAViewOfTheSameFile(@TempDir Path dir) {
        List<Finding> in = findings(7, 3000);
        List<Finding> expected = reference(in);
        List<Finding> out = sorted(in, 5_000, dir);
        assertThat(out).isInstanceOf(SpilledFindings.class).hasSize(expected.size());
        for (int i = expected.size() - 1; i >= 0; i -= 7) {
            assertThat(out.get(i)).isEqualTo(expected.get(i));
        }
        assertThat(out).isEqualTo(expected);
        assertThat(out.hashCode()).isEqualTo(expected.hashCode());
        assertThat(out.stream().toList()).isEqualTo(expected);
        assertThat(out.stream().filter(f -> f.severity() == Severity.WARNING).count())
                .isEqualTo(expected.stream().filter(f -> f.severity() == Severity.WARNING).count());
        assertThat(SpilledFindings.copyOf(out)).isSameAs(out);
        assertThatThrownBy(() -> out.add(expected.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> out.get(out.size())).isInstanceOf(IndexOutOfBoundsException.class);

        List<Finding> errors = SpilledFindings.filter(out, f -> f.severity() == Severity.ERROR);
        assertThat(errors).isInstanceOf(SpilledFindings.class)
                .containsExactlyElementsOf(expected.stream().filter(f -> f.severity() == Severity.ERROR).toList());
        List<Finding> fewer = SpilledFindings.filter(errors, f -> f.location().line() % 2 == 0);
        assertThat(fewer).containsExactlyElementsOf(expected.stream()
                .filter(f -> f.severity() == Severity.ERROR && f.location().line() % 2 == 0).toList());
        assertThat(SpilledFindings.filter(expected, f -> f.severity() == Severity.ERROR))
                .isNotInstanceOf(SpilledFindings.class).isEqualTo(errors);
    }

    @Test
    void withoutATemporaryDirectoryTheFindingsStayOnTheHeap(@TempDir Path dir) throws IOException {
        List<Finding> in = findings(3, 800);
        List<Finding> expected = reference(in);
        List<Finding> out = sorted(in, 0, dir.resolve("missing"));
        assertThat(out).isNotInstanceOf(SpilledFindings.class).containsExactlyElementsOf(expected);

        // The directory goes away after the first runs were written: the rest is merged from the heap.
        Path gone = Files.createDirectory(dir.resolve("gone"));
        FindingSorter s = new FindingSorter(20_000, gone);
        int i = 0;
        while (s.runs() < 2) {
            s.add(in.get(i++));
        }
        Files.delete(gone);
        for (; i < in.size(); i++) {
            s.add(in.get(i));
        }
        assertThat(s.sorted()).isNotInstanceOf(SpilledFindings.class).containsExactlyElementsOf(expected);
    }

    /**
     * Findings held on the heap share one copy of an equal message and field pointer (a rule builds the same sentence
     * for thousands of resources), and are otherwise the findings added.
     */
    @Test
    void heldFindingsShareEqualMessagesAndFields() {
        List<Finding> in = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ResourceRef ref = new ResourceRef("DestinationRule", "ns", "dr-" + i);
            in.add(new Finding("GW0104", Severity.WARNING, List.of(), ref,
                    new Location("f.yaml", i + 1, 3, new String("/spec/subsets/0".toCharArray())),
                    new String("The Subset v1 selects no pods.".toCharArray()), "hint " + i));
        }
        FindingSorter s = new FindingSorter(Long.MAX_VALUE);
        in.forEach(s::add);
        List<Finding> out = s.sorted();
        assertThat(out).containsExactlyElementsOf(in);
        assertThat(out.get(1).message()).isSameAs(out.get(0).message());
        assertThat(out.get(2).message()).isSameAs(out.get(0).message());
        assertThat(out.get(1).location().field()).isSameAs(out.get(0).location().field());
        assertThat(out.get(2).location().field()).isSameAs(out.get(0).location().field());
        assertThat(out.get(0).hint()).isNotSameAs(out.get(1).hint());
    }

    @Test
    void theBudgetShrinksWhenTheResourcesWouldFillHalfTheHeap() {
        long mb = 1L << 20;
        // 10,000 Gateways' corpus (59,000 resources) with -Xmx512m: an eighth, the findings stay on the heap.
        assertThat(FindingSorter.budgetFor(512 * mb, 59_000)).isEqualTo(64 * mb);
        // 100,000 Gateways (589,000 resources) with -Xmx512m: a thirty-second.
        assertThat(FindingSorter.budgetFor(512 * mb, 589_000)).isEqualTo(16 * mb);
        // the same with a heap of 2 GB: room enough again.
        assertThat(FindingSorter.budgetFor(2048 * mb, 589_000)).isEqualTo(256 * mb);
        assertThat(FindingSorter.budgetFor(512 * mb, 0)).isEqualTo(64 * mb);
    }
}
