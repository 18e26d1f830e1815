package io.gwctl.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The index key behaves as the {@code namespace/name} string it replaced: equal parts, equal keys. */
class NamespacedNameTest {
    @Test
    void equalPartsAreEqualKeys() {
        NamespacedName a = new NamespacedName("team-1", "svc");
        NamespacedName b = new NamespacedName(new String("team-1".toCharArray()), new String("svc".toCharArray()));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new NamespacedName("team-1", "svc2"))
                .isNotEqualTo(new NamespacedName("team", "1/svc")).isNotEqualTo("team-1/svc").isNotEqualTo(null);
    }

    @Test
    void aMissingNamespaceIsTheEmptyOne() {
        assertThat(NamespacedName.of(null, "gw")).isEqualTo(new NamespacedName("", "gw"));
        assertThat(NamespacedName.of(ObjectMeta.of("gw", "ns"))).isEqualTo(new NamespacedName("ns", "gw"));
        assertThat(new NamespacedName(null, "gw")).isEqualTo(new NamespacedName(null, "gw"))
                .isNotEqualTo(new NamespacedName("", "gw"));
    }

    @Test
    void findsWhatWasPutUnderEqualParts() {
        Map<NamespacedName, Integer> m = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            m.put(new NamespacedName("ns-" + (i % 7), "name-" + i), i);
        }
        for (int i = 0; i < 1000; i++) {
            assertThat(m.get(NamespacedName.of("ns-" + (i % 7), "name-" + i))).isEqualTo(i);
        }
        assertThat(m.get(NamespacedName.of("ns-1", "name-0"))).isNull();
    }
}
