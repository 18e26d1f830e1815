package io.gwctl.renderers.table;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Go's {@code sort.Slice} (pattern-defeating quicksort, {@code pdqsort_func} in {@code sort/zsortfunc.go}) and Go's
 * bytewise string order, so that gwctl orders rows exactly as istioctl does even where the less function has ties
 * (spec §12.2, §12.3). With 12 elements or fewer it is an insertion sort (stable); beyond that it is deterministic
 * but not stable, and only a faithful port gives the same order for ties.
 */
public final class GoSort {

    /** Go's {@code less(i, j)} over the elements being sorted. */
    @FunctionalInterface
    public interface Less<T> {
        boolean test(T a, T b);
    }

    private static final int MAX_INSERTION = 12;
    private static final int SHORTEST_SHIFTING = 50;
    private static final int SHORTEST_NINTHER = 50;
    private static final int MAX_SWAPS = 4 * 3;

    private enum Hint { UNKNOWN, INCREASING, DECREASING }

    private GoSort() {
    }

    /** Sorts {@code data} in place like {@code sort.Slice(data, less)}. The list must support {@code set}. */
    public static <T> void slice(List<T> data, Less<? super T> less) {
        slice(data, less, false);
    }

    /**
     * As {@link #slice}; {@code go123} selects the xorshift of Go ≤1.23 (shifts 13, 17, 5), which Go 1.24 replaced
     * with the 64-bit triple 13, 7, 17 (golang/go#70144). istioctl ≥1.25 is built with Go ≥1.24.
     */
    static <T> void slice(List<T> data, Less<? super T> less, boolean go123) {
        int n = data.size();
        new Sorter<T>(data, less, go123).pdqsort(0, n, bitsLen(n));
    }

    /** Go's {@code a < b} on strings: unsigned comparison of the UTF-8 bytes. */
    public static int compareStrings(String a, String b) {
        boolean ascii = true;
        for (int i = 0; i < a.length() && ascii; i++) {
            ascii = a.charAt(i) < 0x80;
        }
        for (int i = 0; i < b.length() && ascii; i++) {
            ascii = b.charAt(i) < 0x80;
        }
        if (ascii) {
            return a.compareTo(b);
        }
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        int len = Math.min(x.length, y.length);
        for (int i = 0; i < len; i++) {
            int d = Byte.toUnsignedInt(x[i]) - Byte.toUnsignedInt(y[i]);
            if (d != 0) {
                return d;
            }
        }
        return x.length - y.length;
    }

    /** Go's {@code bits.Len(uint(n))}: the number of bits needed to represent n. */
    static int bitsLen(int n) {
        return 32 - Integer.numberOfLeadingZeros(n);
    }

    private static final class Sorter<T> {
        private final List<T> data;
        private final Less<? super T> less;
        private final boolean go123;

        Sorter(List<T> data, Less<? super T> less, boolean go123) {
            this.data = data;
            this.less = less;
            this.go123 = go123;
        }

        private boolean less(int i, int j) {
            return less.test(data.get(i), data.get(j));
        }

        private void swap(int i, int j) {
            T t = data.get(i);
            data.set(i, data.get(j));
            data.set(j, t);
        }

        private void insertionSort(int a, int b) {
            for (int i = a + 1; i < b; i++) {
                for (int j = i; j > a && less(j, j - 1); j--) {
                    swap(j, j - 1);
                }
            }
        }

        private void siftDown(int lo, int hi, int first) {
            int root = lo;
            while (true) {
                int child = 2 * root + 1;
                if (child >= hi) {
                    return;
                }
                if (child + 1 < hi && less(first + child, first + child + 1)) {
                    child++;
                }
                if (!less(first + root, first + child)) {
                    return;
                }
                swap(first + root, first + child);
                root = child;
            }
        }

        private void heapSort(int a, int b) {
            int first = a;
            int hi = b - a;
            for (int i = (hi - 1) / 2; i >= 0; i--) {
                siftDown(i, hi, first);
            }
            for (int i = hi - 1; i >= 0; i--) {
                swap(first, first + i);
                siftDown(0, i, first);
            }
        }

        void pdqsort(int a, int b, int limit) {
            boolean wasBalanced = true;
            boolean wasPartitioned = true;
            while (true) {
                int length = b - a;
                if (length <= MAX_INSERTION) {
                    insertionSort(a, b);
                    return;
                }
                if (limit == 0) {
                    heapSort(a, b);
                    return;
                }
                if (!wasBalanced) {
                    breakPatterns(a, b);
                    limit--;
                }
                int[] pivotAndHint = choosePivot(a, b);
                int pivot = pivotAndHint[0];
                Hint hint = Hint.values()[pivotAndHint[1]];
                if (hint == Hint.DECREASING) {
                    reverseRange(a, b);
                    pivot = (b - 1) - (pivot - a);
                    hint = Hint.INCREASING;
                }
                if (wasBalanced && wasPartitioned && hint == Hint.INCREASING && partialInsertionSort(a, b)) {
                    return;
                }
                if (a > 0 && !less(a - 1, pivot)) {
                    a = partitionEqual(a, b, pivot);
                    continue;
                }
                int[] midAndPartitioned = partition(a, b, pivot);
                int mid = midAndPartitioned[0];
                wasPartitioned = midAndPartitioned[1] == 1;
                int leftLen = mid - a;
                int rightLen = b - mid;
                int balanceThreshold = length / 8;
                if (leftLen < rightLen) {
                    wasBalanced = leftLen >= balanceThreshold;
                    pdqsort(a, mid, limit);
                    a = mid + 1;
                } else {
                    wasBalanced = rightLen >= balanceThreshold;
                    pdqsort(mid + 1, b, limit);
                    b = mid;
                }
            }
        }

        /** Returns {new pivot, 1 if the range was already partitioned}. */
        private int[] partition(int a, int b, int pivot) {
            swap(a, pivot);
            int i = a + 1;
            int j = b - 1;
            // Go unrolls the first round only to report "already partitioned" when it needs no swap.
            for (boolean firstRound = true; ; firstRound = false) {
                while (i <= j && less(i, a)) {
                    i++;
                }
                while (i <= j && !less(j, a)) {
                    j--;
                }
                if (i > j) {
                    swap(j, a);
                    return new int[] {j, firstRound ? 1 : 0};
                }
                swap(i, j);
                i++;
                j--;
            }
        }

        private int partitionEqual(int a, int b, int pivot) {
            swap(a, pivot);
            int i = a + 1;
            int j = b - 1;
            while (true) {
                while (i <= j && !less(a, i)) {
                    i++;
                }
                while (i <= j && less(a, j)) {
                    j--;
                }
                if (i > j) {
                    break;
                }
                swap(i, j);
                i++;
                j--;
            }
            return i;
        }

        private boolean partialInsertionSort(int a, int b) {
            int i = a + 1;
            for (int step = 0; step < 5; step++) {
                while (i < b && !less(i, i - 1)) {
                    i++;
                }
                if (i == b) {
                    return true;
                }
                if (b - a < SHORTEST_SHIFTING) {
                    return false;
                }
                swap(i, i - 1);
                if (i - a >= 2) {
                    // Go's loop bound is j >= 1 (not j > a); kept for identical results.
                    for (int j = i - 1; j >= 1; j--) {
                        if (!less(j, j - 1)) {
                            break;
                        }
                        swap(j, j - 1);
                    }
                }
                if (b - i >= 2) {
                    for (int j = i + 1; j < b; j++) {
                        if (!less(j, j - 1)) {
                            break;
                        }
                        swap(j, j - 1);
                    }
                }
            }
            return false;
        }

        private void breakPatterns(int a, int b) {
            int length = b - a;
            if (length >= 8) {
                long random = length;
                long modulus = 1L << bitsLen(length);
                for (int idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++) {
                    random ^= random << 13;
                    random ^= random >>> (go123 ? 17 : 7);
                    random ^= random << (go123 ? 5 : 17);
                    int other = (int) (random & (modulus - 1));
                    if (other >= length) {
                        other -= length;
                    }
                    swap(idx, a + other);
                }
            }
        }

        /** Returns {pivot, hint ordinal}. */
        private int[] choosePivot(int a, int b) {
            int l = b - a;
            int[] swaps = {0};
            int i = a + l / 4;
            int j = a + l / 4 * 2;
            int k = a + l / 4 * 3;
            if (l >= 8) {
                if (l >= SHORTEST_NINTHER) {
                    i = median(i - 1, i, i + 1, swaps);
                    j = median(j - 1, j, j + 1, swaps);
                    k = median(k - 1, k, k + 1, swaps);
                }
                j = median(i, j, k, swaps);
            }
            Hint hint = swaps[0] == 0 ? Hint.INCREASING : swaps[0] == MAX_SWAPS ? Hint.DECREASING : Hint.UNKNOWN;
            return new int[] {j, hint.ordinal()};
        }

        private int median(int a, int b, int c, int[] swaps) {
            // order2(a,b); order2(b,c); order2(a,b); return b
            if (less(b, a)) {
                swaps[0]++;
                int t = a;
                a = b;
                b = t;
            }
            if (less(c, b)) {
                swaps[0]++;
                int t = b;
                b = c;
                c = t;
            }
            if (less(b, a)) {
                swaps[0]++;
                int t = a;
                a = b;
                b = t;
            }
            return b;
        }

        private void reverseRange(int a, int b) {
            int i = a;
            int j = b - 1;
            while (i < j) {
                swap(i, j);
                i++;
                j--;
            }
        }
    }
}
