package io.gwctl.renderers.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FindingsFormatTest {
    @Test
    void parsesNamesCaseInsensitively() {
        assertThat(FindingsFormat.parse("json")).isEqualTo(FindingsFormat.JSON);
        assertThat(FindingsFormat.parse(" YAML ")).isEqualTo(FindingsFormat.YAML);
        assertThat(FindingsFormat.parse("Text")).isEqualTo(FindingsFormat.TEXT);
    }

    @Test
    void acceptsIstioctlsLogAsText() {
        assertThat(FindingsFormat.parse("log")).isEqualTo(FindingsFormat.TEXT);
    }

    @Test
    void unknownNameListsTheValidValues() {
        assertThatThrownBy(() -> FindingsFormat.parse("xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown output format \"xml\": valid values are " + FindingsFormat.validValues());
        assertThat(FindingsFormat.validValues()).startsWith("text, json, yaml");
    }

    @Test
    void everyFormatHasItsOwnRenderer() {
        for (FindingsFormat f : FindingsFormat.values()) {
            assertThat(f.renderer()).as(f.name()).isNotNull();
            assertThat(FindingsFormat.parse(f.cliName())).isEqualTo(f);
        }
    }
}
