package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.SourceMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PositionTableTest {
    @Test
    void findsEveryKeyAndNoOtherAtAnySize() {
        for (int size : new int[] {0, 1, 2, 3, 7, 64, 65, 254, 255, 256, 1000, 65_534, 65_535, 70_000}) {
            String[] keys = new String[size];
            long[] values = new long[size];
            for (int i = 0; i < size; i++) {
                keys[i] = "/spec/servers/" + i;
                values[i] = SourceMap.pack(i + 1, i + 2);
            }
            PositionTable t = new PositionTable(keys, values, size);

            assertThat(t).hasSize(size);
            for (int i = 0; i < size; i++) {
                assertThat(t.get(new String(keys[i]))).isEqualTo(values[i]);
            }
            assertThat(t.get("/spec/servers/" + size)).isNull();
            assertThat(t.containsKey(42)).isFalse();
            assertThat(new LinkedHashMap<>(t).keySet()).containsExactly(keys);
        }
    }

    @Test
    void answersEveryPointerAsAHashMapDoesWhateverTheLinesAndColumns() {
        // Values are delta-encoded (a byte for most entries) with a checkpoint every Values.STEP entries: lines that
        // go back (aliases, flow style), columns of 0 or past 63 (JSON on one line) and lines and columns up to the
        // int range must all come back as they went in, by look-up and by iteration.
        Random random = new Random(7);
        for (int size : new int[] {1, 2, 63, 64, 65, 128, 129, 1000, 5000}) {
            String[] keys = new String[size];
            long[] values = new long[size];
            Map<String, Long> expected = new LinkedHashMap<>();
            int line = 1;
            for (int i = 0; i < size; i++) {
                keys[i] = i == 0 ? "" : "/a/" + i;
                int column;
                switch (random.nextInt(6)) {
                    case 0 -> {
                        line = random.nextInt(Integer.MAX_VALUE);
                        column = random.nextInt(Integer.MAX_VALUE);
                    }
                    case 1 -> {
                        line = Math.max(0, line - random.nextInt(50));
                        column = random.nextInt(64);
                    }
                    case 2 -> column = 64 + random.nextInt(5000);
                    default -> {
                        line += random.nextInt(4);
                        column = 1 + random.nextInt(63);
                    }
                }
                values[i] = SourceMap.pack(line, column);
                expected.put(keys[i], values[i]);
            }
            PositionTable t = new PositionTable(keys, values, size, new PointerPool());

            assertThat(new LinkedHashMap<>(t)).containsExactlyEntriesOf(expected);
            SourceMap compact = new SourceMap(t, 1);
            SourceMap plain = new SourceMap(expected, 1);
            for (int i = size - 1; i >= 0; i--) {
                assertThat(t.get(keys[i])).isEqualTo(values[i]);
                for (String p : new String[] {keys[i], keys[i] + "/x"}) {
                    assertThat(compact.line(p)).isEqualTo(plain.line(p));
                    assertThat(compact.column(p)).isEqualTo(plain.column(p));
                    assertThat(compact.has(p)).isEqualTo(plain.has(p));
                }
            }
        }
    }

    @Test
    void keepsLinesAndColumnsTooLargeToPack() {
        long big = SourceMap.pack(3_000_000, 5000);
        PositionTable t = new PositionTable(new String[] {"", "/a"}, new long[] {SourceMap.pack(1, 1), big}, 2);

        assertThat(t.get("/a")).isEqualTo(big);
        assertThat(t.get("")).isEqualTo(SourceMap.pack(1, 1));
        assertThat(new SourceMap(t, 1).line("/a")).isEqualTo(3_000_000);
        assertThat(new SourceMap(t, 1).column("/a")).isEqualTo(5000);
    }

    @Test
    void splitsListItemsRelativeToEachItem() {
        List<String> keys = List.of("", "/kind", "/items", "/items/0", "/items/0/kind", "/items/1", "/items/1/a~1b",
                "/items/10", "/items/10/kind", "/items/x");
        long[] values = new long[keys.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = SourceMap.pack(i + 1, 1);
        }
        PositionTable t = new PositionTable(keys.toArray(String[]::new), values, values.length);

        PositionTable[] items = t.splitItems(11, new PointerPool());

        assertThat(items[0]).isEqualTo(Map.of("", SourceMap.pack(4, 1), "/kind", SourceMap.pack(5, 1)));
        assertThat(items[1]).isEqualTo(Map.of("", SourceMap.pack(6, 1), "/a~1b", SourceMap.pack(7, 1)));
        assertThat(items[2]).isEmpty();
        assertThat(items[10]).isEqualTo(Map.of("", SourceMap.pack(8, 1), "/kind", SourceMap.pack(9, 1)));
    }

    @Test
    void tablesOfTheSamePointersShareTheirKeysWhileThePoolHasRoom() {
        PointerPool pool = new PointerPool(4);
        String[] keys = {"", "/kind", "/spec"};
        PositionTable a = new PositionTable(keys, new long[] {SourceMap.pack(1, 1), SourceMap.pack(2, 1),
                SourceMap.pack(3, 1)}, 3, pool);
        PositionTable b = new PositionTable(keys.clone(), new long[] {SourceMap.pack(7, 1), SourceMap.pack(8, 3),
                SourceMap.pack(9, 1)}, 3, pool);
        PositionTable c = new PositionTable(new String[] {"", "/kind"}, new long[] {SourceMap.pack(1, 1),
                SourceMap.pack(2, 5)}, 2, pool); // 5 keys would pass the bound of 4: not shared

        assertThat(pool.shapes()).isEqualTo(1);
        assertThat(a).isEqualTo(Map.of("", SourceMap.pack(1, 1), "/kind", SourceMap.pack(2, 1), "/spec",
                SourceMap.pack(3, 1)));
        assertThat(b).isEqualTo(Map.of("", SourceMap.pack(7, 1), "/kind", SourceMap.pack(8, 3), "/spec",
                SourceMap.pack(9, 1)));
        assertThat(c).isEqualTo(Map.of("", SourceMap.pack(1, 1), "/kind", SourceMap.pack(2, 5)));
        assertThat(c.get("/spec")).isNull();
    }
}
