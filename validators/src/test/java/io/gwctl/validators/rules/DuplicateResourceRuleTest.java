package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateResourceRuleTest {
    @Test
    void laterCopiesAreReportedNamingTheFirst() {
        List<Finding> f = RuleTesting.fixtureFindings("GW0003");
        assertThat(f).hasSize(1);
        Finding only = f.get(0);
        assertThat(only.severity().label()).isEqualTo("Warning");
        assertThat(only.resource().friendlyName()).isEqualTo("Gateway shop/web");
        assertThat(only.location().line()).isEqualTo(18);
        assertThat(only.message()).matches("Gateway shop/web is defined more than once: first at \\S*"
                + "base-and-overlay\\.yaml:5; applying both keeps only the last, while gwctl checks and translates "
                + "every copy");
        assertThat(only.hint()).contains("kustomize build");
    }

    @Test
    void threeCopiesGiveTwoFindingsAndDistinctObjectsNone() {
        String yaml = """
                apiVersion: v1
                kind: Service
                metadata: {name: a, namespace: x}
                spec: {ports: [{port: 80}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: a, namespace: x}
                spec: {ports: [{port: 80}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: a, namespace: x}
                spec: {ports: [{port: 80}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: a, namespace: y}
                spec: {ports: [{port: 80}]}
                """;
        assertThat(RuleTesting.findings(yaml, "GW0003")).extracting(Finding::message)
                .allMatch(m -> m.startsWith("Service x/a is defined more than once: first at ") && m.contains(":3;"))
                .hasSize(2);
    }
}
