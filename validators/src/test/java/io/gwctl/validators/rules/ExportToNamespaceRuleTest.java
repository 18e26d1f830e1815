package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.finding.Finding;
import io.gwctl.validators.ValidateOptions;
import io.gwctl.validators.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportToNamespaceRuleTest {
    @Test
    void namespacesThatNeitherExistNorHoldAResourceAreReported() {
        List<Finding> f = new java.util.ArrayList<>(RuleTesting.fixtureFindings("GW0004"));
        f.sort(java.util.Comparator.comparing(x -> x.resource().kind(), java.util.Comparator.reverseOrder()));
        assertThat(f).extracting(x -> x.resource().friendlyName() + " " + x.location().field()).containsExactly(
                "VirtualService shop/cart /spec/exportTo/1",
                "Service shop/cart /metadata/annotations/networking.istio.io~1exportTo");
        assertThat(f.get(0).severity().label()).isEqualTo("Error");
        assertThat(f.get(0).aliases()).containsExactly("KIA0005");
        assertThat(f.get(0).message()).isEqualTo("exportTo namespace \"paymnets\" not found: no Namespace paymnets in"
                + " the input and no resource in it");
        assertThat(f.get(0).hint()).startsWith("did you mean \"payments\"? ");
        assertThat(f.get(1).message()).contains("\"ghost\"");
        assertThat(f.get(1).hint()).doesNotContain("did you mean");
    }

    @Test
    void withoutNamespacesInTheInputTheCheckIsSkippedAndSaysSo() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: cart, namespace: shop}
                spec:
                  hosts: [cart]
                  exportTo: [elsewhere]
                  http: [{route: [{destination: {host: cart}}]}]
                """;
        List<Finding> f = Validator.run(RuleHarness.load(yaml), ValidateOptions.defaults()).findings();
        assertThat(f).noneMatch(x -> x.code().equals("GW0004"));
        assertThat(f).filteredOn(x -> x.code().equals("GW0002")).extracting(Finding::message)
                .anyMatch(m -> m.contains("GW0004") && m.contains("no Namespaces in the input"));
    }

    @Test
    void oneEditApartIsATypoOfOneLetterOrTwoSwapped() {
        assertThat(ExportToNamespaceRule.oneEditApart("payments", "paymnets")).isTrue();
        assertThat(ExportToNamespaceRule.oneEditApart("payments", "pamynets")).isFalse();
        assertThat(ExportToNamespaceRule.oneEditApart("payments", "payment")).isTrue();
        assertThat(ExportToNamespaceRule.oneEditApart("payments", "paymentz")).isTrue();
        assertThat(ExportToNamespaceRule.oneEditApart("shop", "shops")).isTrue();
        assertThat(ExportToNamespaceRule.oneEditApart("shop", "shop")).isFalse();
    }
}
