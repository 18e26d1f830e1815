package io.gwctl.validators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gwctl.model.finding.Severity;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GwctlConfigTest {
    private static GwctlConfig parse(String yaml) throws IOException {
        return GwctlConfig.parse(".gwctl.yaml", new StringReader(yaml));
    }

    @Test
    void loadsRulesSuppressionsAndIgnorePaths(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(GwctlConfig.FILE_NAME);
        Files.writeString(file, """
                rules:
                  GW0301: off
                  GW0202: warning
                  duplicate-certificate: "off"
                  GW0201: Info
                  GW0101: on
                suppress:
                  - "GW0202=Gateway legacy/*"
                  - IST0145
                ignorePaths:
                  - "vendor/**"
                  - "*.generated.yaml"
                """);
        GwctlConfig c = GwctlConfig.load(file);
        assertThat(c.disabledRules()).containsExactlyInAnyOrder("GW0301", "duplicate-certificate");
        assertThat(c.severities()).isEqualTo(Map.of("GW0202", Severity.WARNING, "GW0201", Severity.INFO));
        assertThat(c.suppressions()).containsExactly(new Suppression("GW0202", "Gateway", "legacy", "*"),
                new Suppression("IST0145", "*", "*", "*"));
        assertThat(c.ignorePaths()).containsExactly("vendor/**", "*.generated.yaml");

        ValidateOptions o = c.applyTo(ValidateOptions.defaults().withDisabledRules(Set.of("GW0104")));
        assertThat(o.disabledRules()).containsExactlyInAnyOrder("GW0104", "GW0301", "duplicate-certificate");
        assertThat(o.severityOverrides()).containsEntry("GW0202", Severity.WARNING);
        assertThat(o.suppressions()).hasSize(2);
    }

    @Test
    void secretsRequiredMakesTheInputHoldEverySecret() throws IOException {
        assertThat(parse("secrets: required\n").requireSecrets()).isTrue();
        assertThat(parse("secrets: optional\n").requireSecrets()).isFalse();
        assertThat(parse("secrets: required\n").applyTo(ValidateOptions.defaults()).requireSecrets()).isTrue();
        assertThat(GwctlConfig.EMPTY.applyTo(ValidateOptions.defaults()).requireSecrets()).isFalse();
        assertThatThrownBy(() -> parse("secrets: yes\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(".gwctl.yaml:1: secrets: expected required or optional");
    }

    @Test
    void emptyFileIsEmptyConfig() throws IOException {
        assertThat(parse("")).isEqualTo(GwctlConfig.EMPTY);
        assertThat(parse("# nothing\n")).isEqualTo(GwctlConfig.EMPTY);
        assertThat(parse("rules:\nsuppress:\n")).isEqualTo(GwctlConfig.EMPTY);
    }

    @Test
    void errorsNameFileAndLine() {
        assertThatThrownBy(() -> parse("rules:\n  GW0301: loud\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(".gwctl.yaml:2: rules.GW0301: \"loud\" is not one of off, on, error, warning, info");
        assertThatThrownBy(() -> parse("rules: {}\nsupress: []\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(".gwctl.yaml:2: unknown key \"supress\" (expected rules, suppress, ignorePaths,"
                        + " secrets)");
        assertThatThrownBy(() -> parse("suppress:\n  - ok=Gateway a/b\n  - \"GW0301=Gateway\"\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(".gwctl.yaml:3: suppress[1]: invalid suppression");
        assertThatThrownBy(() -> parse("ignorePaths: vendor\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(".gwctl.yaml:1: ignorePaths: expected a list of strings");
        assertThatThrownBy(() -> parse("suppress:\n  - \"unterminated\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(".gwctl.yaml:").hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> parse("- a\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(".gwctl.yaml:1: expected a mapping with keys rules, suppress, ignorePaths, secrets");
    }

    @Test
    void eachKeyOnItsOwn() throws IOException {
        assertThat(parse("rules:\n  GW0301: off\n  GW0202: error\n  GW0101: enabled\n"))
                .isEqualTo(new GwctlConfig(Set.of("GW0301"), Map.of("GW0202", Severity.ERROR), List.of(), List.of()));
        assertThat(parse("suppress: [GW0404]\n").suppressions())
                .containsExactly(new Suppression("GW0404", "*", "*", "*"));
        assertThat(parse("ignorePaths: [vendor, \"charts/**\"]\n").ignorePaths()).containsExactly("vendor", "charts/**");
        assertThat(parse("secrets: required\n")).isEqualTo(new GwctlConfig(Set.of(), Map.of(), List.of(), List.of(),
                true));
    }

    @Test
    void unknownKeysAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> parse("# config\nrules: {}\n\nignorePath:\n  - vendor\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(".gwctl.yaml:4: unknown key \"ignorePath\" (expected rules, suppress, ignorePaths,"
                        + " secrets)");
    }

    @Test
    void duplicateKeysAreRefusedWithTheirLineAtAnyLevel() {
        assertThatThrownBy(() -> parse("rules:\n  GW0301: off\nsuppress: []\nrules:\n  GW0202: off\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(".gwctl.yaml:4: duplicate key \"rules\"");
        assertThatThrownBy(() -> parse("rules:\n  GW0301: off\n  GW0202: info\n  GW0301: error\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(".gwctl.yaml:4: duplicate key \"rules.GW0301\"");
    }

    @Test
    void wrongTypesNameTheKeyAndWhatWasExpected() {
        assertThatThrownBy(() -> parse("\nrules: [GW0301]\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(".gwctl.yaml:2: rules: expected a mapping of rule code to off, on, error, warning or info");
        assertThatThrownBy(() -> parse("rules:\n  GW0301: [off]\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(".gwctl.yaml:2: rules.GW0301: expected off, on, error, warning or info");
        assertThatThrownBy(() -> parse("ignorePaths:\n  - vendor\n  - {a: b}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(".gwctl.yaml:3: ignorePaths[1]: expected a string");
        assertThatThrownBy(() -> parse("suppress: GW0301\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(".gwctl.yaml:1: suppress: expected a list of strings");
        assertThatThrownBy(() -> parse("secrets: [required]\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(".gwctl.yaml:1: secrets: expected required or optional");
        assertThatThrownBy(() -> parse("rules: {}\n---\nrules: {}\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(".gwctl.yaml:3: expected one YAML document");
    }
}
