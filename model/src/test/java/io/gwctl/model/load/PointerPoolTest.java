package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PointerPoolTest {
    @Test
    void trieGivesEscapedSharedPointers() {
        PointerPool pool = new PointerPool();

        PointerPool.Node host = pool.root().field("spec").field("servers").item(1).field("a/b~c");

        assertThat(host.pointer).isEqualTo("/spec/servers/1/a~1b~0c");
        assertThat(pool.root().field("spec").field("servers").item(1).field("a/b~c")).isSameAs(host);
        assertThat(pool.intern(new String("/spec/servers/1/a~1b~0c"))).isSameAs(host.pointer);
        assertThat(pool.root().pointer).isEmpty();
    }

    @Test
    void keepsGivingCorrectPointersOnceFull() {
        PointerPool pool = new PointerPool(3);
        PointerPool.Node spec = pool.root().field("spec");

        for (int i = 0; i < 10; i++) {
            assertThat(spec.field("k" + i).item(i).pointer).isEqualTo("/spec/k" + i + "/" + i);
        }
        assertThat(pool.root().field("spec")).isSameAs(spec);
        assertThat(pool.intern("/new")).isEqualTo("/new");
    }

    @Test
    void positionsStayRightWhenDocumentsShareTheTrie() {
        ManifestLoader loader = new ManifestLoader(LoadOptions.defaults());
        String doc = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - port: 80\n  - port: 81\n";

        LoadResult a = loader.loadString(doc, "a.yaml");
        LoadResult b = loader.loadString(doc, "b.yaml");

        assertThat(b.snapshot().services().get(0).line("/spec/ports/1/port")).isEqualTo(7);
        assertThat(a.snapshot().services().get(0).source().column("/spec/ports/1/port")).isEqualTo(11);
    }
}
