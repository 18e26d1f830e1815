package io.gwctl.validators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gwctl.model.ResourceRef;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Location;
import io.gwctl.model.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionTest {
    private static Finding finding(String code, List<String> aliases, String kind, String ns, String name) {
        return new Finding(code, Severity.ERROR, aliases, new ResourceRef(kind, ns, name), Location.NONE, "m", "");
    }

    @Test
    void parsesNamespaceSlashName() {
        assertThat(Suppression.parse("GW0301=Gateway istio-system/gw*"))
                .isEqualTo(new Suppression("GW0301", "Gateway", "istio-system", "gw*"));
    }

    @Test
    void parsesIstioctlDocumentedNameDotNamespace() {
        // istio#58188: istioctl's help shows "name.namespace"; accept it (namespaces never contain dots).
        assertThat(Suppression.parse("IST0101=DestinationRule primary-dr.default"))
                .isEqualTo(new Suppression("IST0101", "DestinationRule", "default", "primary-dr"));
    }

    @Test
    void parsesNameWithoutNamespaceBareCodeAndStar() {
        assertThat(Suppression.parse("IST0102=Namespace frod")).isEqualTo(new Suppression("IST0102", "Namespace", "*", "frod"));
        assertThat(Suppression.parse("GW0202")).isEqualTo(new Suppression("GW0202", "*", "*", "*"));
        assertThat(Suppression.parse(" * = * ")).isEqualTo(new Suppression("*", "*", "*", "*"));
    }

    @Test
    void rejectsMalformedWithTheAcceptedForms() {
        for (String bad : List.of("", "=Gateway a/b", "GW0301=", "GW0301=Gateway", "GW0301=Gateway a/b c",
                "GW0301=Gateway /b", "GW0301=Gateway a/", "GW 0301=Gateway a/b")) {
            assertThatThrownBy(() -> Suppression.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("CODE=Kind namespace/name");
        }
    }

    @Test
    void matchesCodeOrAliasAndResourceGlobs() {
        Finding f = finding("GW0301", List.of("KIA0301", "IST0145"), "Gateway", "istio-system", "gw-public");
        assertThat(Suppression.parse("GW0301=Gateway istio-system/gw*").matches(f)).isTrue();
        assertThat(Suppression.parse("IST0145=Gateway istio-system/gw-public").matches(f)).isTrue();
        assertThat(Suppression.parse("kia0301=gateway */*").matches(f)).isTrue();
        assertThat(Suppression.parse("GW03*=*").matches(f)).isTrue();
        assertThat(Suppression.parse("GW0301=Gateway gw-public").matches(f)).isTrue();
        assertThat(Suppression.parse("GW0301=Gateway gw-public.istio-system").matches(f)).isTrue();
        assertThat(Suppression.parse("GW0302=Gateway istio-system/gw*").matches(f)).isFalse();
        assertThat(Suppression.parse("GW0301=Gateway default/gw*").matches(f)).isFalse();
        assertThat(Suppression.parse("GW0301=VirtualService istio-system/gw*").matches(f)).isFalse();
        assertThat(Suppression.parse("GW0301=Gateway istio-system/GW*").matches(f)).as("names are case-sensitive")
                .isFalse();
    }

    @Test
    void clusterScopedResourcesMatchAnyNamespace() {
        Finding f = finding("GW0999", List.of(), "Namespace", "", "frod");
        assertThat(Suppression.parse("GW0999=Namespace frod").matches(f)).isTrue();
    }
}
