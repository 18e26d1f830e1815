package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.ResourceRef;
import org.junit.jupiter.api.Test;

/**
 * A problem in a document names the object it is in when the document says which (issue 9 item 6: the GW0001 finding
 * is reported on it), and names none when it cannot be told, rather than a wrong one.
 */
class LoadProblemResourceTest {
    private static LoadProblem only(String yaml) {
        LoadResult r = new ManifestLoader(LoadOptions.defaults()).loadString(yaml, "in.yaml");
        assertThat(r.problems()).as(yaml).hasSize(1);
        return r.problems().get(0);
    }

    @Test
    void invalidFieldNamesTheObjectWithTheNamespaceTheLoaderWouldGiveIt() {
        String gateway = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: web%s}
                spec:
                  servers:
                  - port: {number: eighty}
                """;
        assertThat(only(gateway.formatted(", namespace: shop")).resource())
                .isEqualTo(new ResourceRef("Gateway", "shop", "web"));
        assertThat(only(gateway.formatted("")).resource()).as("no namespace: the default one")
                .isEqualTo(new ResourceRef("Gateway", "default", "web"));
        assertThat(only("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, namespace: x, labels: [a]}\n")
                .resource()).as("cluster-scoped").isEqualTo(new ResourceRef("Namespace", "", "shop"));
    }

    @Test
    void noObjectWhenTheDocumentDoesNotSayWhichOrIsNotYaml() {
        assertThat(only("apiVersion: v1\nkind: Service\nmetadata: {namespace: shop}\n").resource())
                .as("no name").isNull();
        assertThat(only("apiVersion: v1\nkind: Service\nmetadata: {name: [web]}\n").resource())
                .as("a name that is not a string").isNull();
        assertThat(only("apiVersion: v1\nmetadata: {name: web}\n").resource()).as("no kind").isNull();
        assertThat(only("apiVersion: v1\nkind: Service\nmetadata: {name: web\n").resource()).as("not YAML").isNull();
    }

    @Test
    void theObjectIsNotPartOfEqualityLikeTheCause() {
        LoadProblem p = new LoadProblem(LoadProblem.Type.INVALID, "in.yaml", 3, 1, "m", null,
                new ResourceRef("Gateway", "shop", "web"));
        assertThat(p).isEqualTo(new LoadProblem(LoadProblem.Type.INVALID, "in.yaml", 3, 1, "m"))
                .hasSameHashCodeAs(new LoadProblem(LoadProblem.Type.INVALID, "in.yaml", 3, 1, "m"));
    }
}
