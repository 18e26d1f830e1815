package io.gwctl.renderers.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

class GoSortTest {

    private record Note(int id, String content) {
    }

    /** One "x" note then n-1 "test" notes, sorted by content: the ties expose the algorithm. */
    private static List<Integer> sortNotes(int n, boolean go123) {
        List<Note> notes = new ArrayList<>();
        notes.add(new Note(-1, "x"));
        for (int i = 0; i < n - 1; i++) {
            notes.add(new Note(i, "test"));
        }
        GoSort.slice(notes, (a, b) -> GoSort.compareStrings(a.content(), b.content()) < 0, go123);
        return notes.stream().map(Note::id).toList();
    }

    @Test
    void upToTwelveElementsIsAStableInsertionSort() {
        assertThat(sortNotes(11, false)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1);
        assertThat(sortNotes(12, false)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -1);
    }

    /**
     * Orders printed by go1.21's sort.Slice for this very program (go run, published in a CTF write-up, 2023). The
     * 14-element case goes through breakPatterns, so it pins the Go ≤1.23 xorshift; the rest of the algorithm is
     * shared with the default (Go ≥1.24) variant.
     */
    @Test
    void beyondTwelveElementsTiesMoveExactlyAsInGo121() {
        assertThat(sortNotes(13, true)).containsExactly(5, 0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, -1);
        assertThat(sortNotes(14, true)).containsExactly(5, 7, 1, 2, 3, 4, 0, 12, 9, 8, 6, 10, 11, -1);
        // Before breakPatterns both variants agree.
        assertThat(sortNotes(13, false)).containsExactly(5, 0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, -1);
    }

    @Test
    void alwaysFalseLessLeavesAnyLengthUntouched() {
        // The route-config comparator for non-integer names (spec §3.1): choosePivot reports no swaps and
        // partialInsertionSort finds the slice sorted.
        for (int n : new int[] {0, 1, 12, 13, 50, 51, 1000}) {
            List<Integer> data = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                data.add(n - i);
            }
            List<Integer> before = List.copyOf(data);
            GoSort.slice(data, (a, b) -> false);
            assertThat(data).isEqualTo(before);
        }
    }

    @Test
    void sortsRandomSortedReversedAndDuplicateHeavyInputs() {
        Random random = new Random(42);
        for (int n = 0; n < 400; n += 7) {
            List<List<Integer>> inputs = new ArrayList<>();
            List<Integer> rnd = new ArrayList<>();
            List<Integer> dup = new ArrayList<>();
            List<Integer> asc = new ArrayList<>();
            List<Integer> desc = new ArrayList<>();
            List<Integer> organ = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rnd.add(random.nextInt());
                dup.add(random.nextInt(3));
                asc.add(i);
                desc.add(n - i);
                organ.add(i < n / 2 ? i : n - i);
            }
            inputs.add(rnd);
            inputs.add(dup);
            inputs.add(asc);
            inputs.add(desc);
            inputs.add(organ);
            for (List<Integer> input : inputs) {
                List<Integer> expected = new ArrayList<>(input);
                expected.sort(Comparator.naturalOrder());
                List<Integer> actual = new ArrayList<>(input);
                GoSort.slice(actual, (a, b) -> a < b);
                assertThat(actual).isEqualTo(expected);
            }
        }
    }

    @Test
    void goStringOrderIsBytewiseUtf8() {
        // U+FF5E (3 UTF-8 bytes, 0xEF..) sorts after U+1F600 (4 bytes, 0xF0..) in UTF-16 but before it in Go.
        assertThat(GoSort.compareStrings("\uFF5E", "\uD83D\uDE00")).isNegative();
        assertThat("\uFF5E".compareTo("\uD83D\uDE00")).isPositive();
        assertThat(GoSort.compareStrings("Route: a", "Cluster: b")).isPositive();
        assertThat(GoSort.compareStrings("", "a")).isNegative();
        assertThat(GoSort.compareStrings("é", "é")).isZero();
    }

    @Test
    void bitsLenMatchesGo() {
        assertThat(GoSort.bitsLen(0)).isZero();
        assertThat(GoSort.bitsLen(1)).isEqualTo(1);
        assertThat(GoSort.bitsLen(13)).isEqualTo(4);
        assertThat(GoSort.bitsLen(16)).isEqualTo(5);
    }
}
