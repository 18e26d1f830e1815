package io.gwctl.renderers.findings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelmSourcesTest {
    private static final String HELM = """
            ---
            # Source: app/templates/gateway.yaml
            kind: Gateway
            metadata:
              name: web
            ---
            # Source: app/templates/empty.yaml
            ---
            kind: Service
            ---
            # Source: app/charts/sub/templates/vs.yaml
            # a comment Helm users add
            kind: VirtualService
            """;

    @Test
    void eachLineBelongsToTheTemplateOfItsDocument() {
        HelmSources s = HelmSources.scan(HELM);
        assertThat(s.at(1)).hasValue("app/templates/gateway.yaml");
        assertThat(s.at(3)).hasValue("app/templates/gateway.yaml");
        assertThat(s.at(5)).hasValue("app/templates/gateway.yaml");
        assertThat(s.at(7)).hasValue("app/templates/empty.yaml");
        assertThat(s.at(9)).as("a document without a # Source: comment").isEmpty();
        assertThat(s.at(13)).hasValue("app/charts/sub/templates/vs.yaml");
        assertThat(s.at(99)).hasValue("app/charts/sub/templates/vs.yaml");
        assertThat(s.at(0)).isEmpty();
    }

    @Test
    void textWithoutHelmCommentsNamesNothing() {
        assertThat(HelmSources.scan("kind: Gateway\n---\nkind: Service\n")).isSameAs(HelmSources.NONE);
        assertThat(HelmSources.NONE.at(1)).isEmpty();
        // "# Source:" inside a block scalar of a later line of the same document does not rename the document.
        HelmSources s = HelmSources.scan("# Source: a.yaml\ndata: |\n# Source: b.yaml\n");
        assertThat(s.at(3)).hasValue("a.yaml");
    }
}
