package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalarYamlFactoryTest {
    /** Values around every shortcut's edges: bool/null words, octal, hex, sexagesimal, floats, timestamps. */
    private static final String[] VALUES = {"foo", "nginx", "namespace-a", "no", "No", "NO", "n", "y", "yes", "Yes",
        "on", "On", "off", "OFF", "true", "True", "TRUE", "false", "False", "falsey", "null", "Null", "NULL", "nul",
        "nulls", "~", "0", "00", "07", "0755", "089", "1", "80", "443", "1_000", "1:20", "190:20:30", "+1", "-1",
        "0x1F", "0b101", ".5", "1.5", "1e3", "1.0e+3", ".inf", "-.Inf", ".NaN", "2024-01-31", "2024-01-31T12:00:00Z",
        "10.0.0.1", "123456789012345678", "1234567890123456789", "99999999999999999999999", "a b", "Z", "<<", "=",
        "'quoted'", "\"80\"", "!!str 80", "!!int \"7\"", "! 80", "éclair", "_x", "$HOME", "x*.example.com", "--", "-a"};

    @Test
    void typesEveryScalarAsJacksonDoes() throws IOException {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < VALUES.length; i++) {
            yaml.append("k").append(i).append(": ").append(VALUES[i]).append('\n');
        }
        yaml.append("list: [").append(String.join(", ", "1", "no", "nginx", "0755", "443")).append("]\n");

        assertThat(tokens(new ScalarYamlFactory(YAMLFactory.builder()), yaml.toString()))
                .containsExactlyElementsOf(tokens(new YAMLFactory(), yaml.toString()));
    }

    @Test
    void parsersTakeTheShortcut() throws IOException {
        try (JsonParser p = new ScalarYamlFactory(YAMLFactory.builder()).createParser(new StringReader("a: b"))) {
            assertThat(p.getClass()).isNotEqualTo(com.fasterxml.jackson.dataformat.yaml.YAMLParser.class);
        }
    }

    @Test
    void shortcutsOnlyWordsAndDecimalIntegers() {
        assertThat(ScalarYamlFactory.shortcut("nginx")).isEqualTo(ScalarYamlFactory.Shortcut.NONE);
        assertThat(ScalarYamlFactory.shortcut("nginx-1")).isEqualTo(ScalarYamlFactory.Shortcut.STRING);
        assertThat(ScalarYamlFactory.shortcut("gateway")).isEqualTo(ScalarYamlFactory.Shortcut.STRING);
        assertThat(ScalarYamlFactory.shortcut("no")).isEqualTo(ScalarYamlFactory.Shortcut.NONE);
        assertThat(ScalarYamlFactory.shortcut("443")).isEqualTo(ScalarYamlFactory.Shortcut.INTEGER);
        assertThat(ScalarYamlFactory.shortcut("0755")).isEqualTo(ScalarYamlFactory.Shortcut.NONE);
        assertThat(ScalarYamlFactory.shortcut("1.5")).isEqualTo(ScalarYamlFactory.Shortcut.NONE);
        assertThat(ScalarYamlFactory.shortcut("")).isEqualTo(ScalarYamlFactory.Shortcut.NONE);
    }

    private static List<String> tokens(YAMLFactory f, String yaml) throws IOException {
        List<String> out = new ArrayList<>();
        try (JsonParser p = f.createParser(new StringReader(yaml))) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                String v;
                try {
                    v = switch (t) {
                        case VALUE_NUMBER_INT -> p.getNumberType() + " " + p.getNumberValue();
                        case VALUE_NUMBER_FLOAT -> p.getNumberType() + " " + p.getDoubleValue();
                        default -> p.getText();
                    };
                } catch (IOException e) {
                    v = "error " + e.getMessage(); // Jackson cannot read .inf as a number either way
                }
                out.add(t + " " + v);
            }
        }
        return out;
    }
}
