package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactMultimapTest {
    @Test
    void keepsEachKeysValuesInTheOrderAdded() {
        CompactMultimap<String, Object> m = new CompactMultimap<>(true);
        m.add("one", "a");
        m.add("many", 1);
        m.add("many", 2);
        m.add("many", 2);
        // A value that is itself a list is a value, not the map's own list of values.
        List<String> list = new ArrayList<>(List.of("x", "y"));
        m.add("list", list);
        assertThat(m.get("one")).containsExactly("a");
        assertThat(m.get("many")).containsExactly(1, 2, 2);
        assertThat(m.get("list")).containsExactly(list);
        assertThat(m.get("none")).isEmpty();
        assertThat(m.first("many")).isEqualTo(1);
        assertThat(m.first("list")).isSameAs(list);
        assertThat(m.first("none")).isNull();
        Map<String, List<Object>> seen = new LinkedHashMap<>();
        m.forEach(seen::put);
        assertThat(seen.keySet()).containsExactly("one", "many", "list");
    }

    @Test
    void anUnorderedMapHasTheSameContents() {
        CompactMultimap<Integer, Integer> m = new CompactMultimap<>();
        for (int i = 0; i < 1000; i++) {
            m.add(i % 7, i);
        }
        for (int k = 0; k < 7; k++) {
            List<Integer> expected = new ArrayList<>();
            for (int i = k; i < 1000; i += 7) {
                expected.add(i);
            }
            assertThat(m.get(k)).isEqualTo(expected);
        }
    }
}
