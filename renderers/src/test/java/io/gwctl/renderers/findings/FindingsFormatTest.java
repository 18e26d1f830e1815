package io.gwctl.renderers.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindingsFormatTest {
    @Test
    void everyFormatHasARendererOfItsOwn() {
        Set<Class<?>> renderers = new HashSet<>();
        for (FindingsFormat f : FindingsFormat.values()) {
            assertThat(f.renderer()).as(f.name()).isNotNull();
            assertThat(renderers.add(f.renderer().getClass())).as(f.name() + " shares its renderer").isTrue();
        }
    }
}
