package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Long scalars and long lists cost linear work (issue 9, item 3). Counted in buffer copies and array growths,
 * never in time (bench/bench-hostile.sh times them).
 */
class LinearTimeTest {
    @Test
    void longScalarIsReadWithoutRegrowingTheWindowPerChunk() {
        String scalar = "a".repeat(4 * 1024 * 1024);
        TextStreamReader r = new TextStreamReader("x: " + scalar + "\n", 0);
        int n = 0;
        while (r.peek(n) != '\0') {
            n++; // the scanner peeks ahead over the whole scalar before moving
        }
        r.forward(n);

        assertThat(n).isEqualTo(scalar.length() + 4);
        // The stock reader copied its window on each of the 4,097 reads; doubling copies about log2(4M/2K) times.
        assertThat(r.copies()).isLessThanOrEqualTo(12);
    }

    @Test
    void readerCountsLinesAndColumnsAsSnakeYamlDoes() {
        TextStreamReader r = new TextStreamReader("ab\r\nc\rd\u0085e", 0);
        StringBuilder seen = new StringBuilder();
        while (r.peek() != '\0') {
            seen.append(r.getLine()).append(':').append(r.getColumn()).append(' ');
            r.forward();
        }
        assertThat(seen.toString().trim()).isEqualTo("0:0 0:1 0:2 0:3 1:0 1:1 2:0 2:1 3:0");
        assertThat(r.getIndex()).isEqualTo(9);
    }

    @Test
    void longListGrowsItsPointerArrayGeometrically() {
        PointerPool pool = new PointerPool();
        PointerPool.Node list = pool.root().field("items");
        for (int i = 0; i < 200_000; i++) {
            list.item(i);
        }
        // One growth per item before: 200,000 copies of arrays up to 200,000 long.
        assertThat(list.itemGrowths).isLessThanOrEqualTo(20);
    }

    @Test
    void longScalarAndLongListLoad() {
        String yaml = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n  annotations: {a: " + "b".repeat(1 << 20)
                + "}\nx:\n" + "- 1\n".repeat(50_000);
        LoadResult r = new ManifestLoader(LoadOptions.defaults()).loadString(yaml, "in.yaml");
        assertThat(r.problems()).isEmpty();
        assertThat(r.snapshot().all()).hasSize(1);
        assertThat(List.copyOf(r.snapshot().all().get(0).metadata().annotations().values()).get(0)).hasSize(1 << 20);
    }
}
