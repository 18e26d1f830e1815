package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.kube.Service;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Valid YAML that the speed layer once read differently from the stock parser (issue 9, item 1): each test is named
 * after the defect it pins down.
 */
class ValidYamlTest {
    private static LoadResult load(String yaml) {
        return new ManifestLoader(LoadOptions.defaults()).loadString(yaml, "in.yaml");
    }

    private static List<String> problems(LoadResult r) {
        return r.problems().stream().map(LoadProblem::format).toList();
    }

    private static List<String> names(LoadResult r) {
        return r.snapshot().all().stream().map(x -> x.metadata().namespace() + "/" + x.metadata().name()).toList();
    }

    @Test
    void keyWithNoValueIsNullNotEmptyString() {
        LoadResult r = load("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: s1
                  labels:
                  annotations:
                spec:
                  ports:
                  - port: 80
                """);

        assertThat(problems(r)).isEmpty();
        Service s = r.snapshot().services().get(0);
        assertThat(s.metadata().labels()).isNullOrEmpty();
    }

    @Test
    void aliasToAnchoredScalarHasTheAnchoredValue() {
        LoadResult r = load("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: &n s3
                  namespace: *n
                  labels: {app: &port "8080", copy: *n, port: *port}
                spec:
                  ports:
                  - port: 80
                """);

        assertThat(problems(r)).isEmpty();
        assertThat(names(r)).containsExactly("s3/s3");
        assertThat(r.snapshot().services().get(0).metadata().labels()).containsEntry("copy", "s3");
    }

    @Test
    void anchoredAndAliasedKeysAreAccepted() {
        LoadResult r = load("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: s6
                  &k namespace: ns1
                  labels:
                    &app app: web
                    other: *app
                """);

        assertThat(problems(r)).isEmpty();
        assertThat(names(r)).containsExactly("ns1/s6");
        assertThat(r.snapshot().services().get(0).metadata().labels()).containsEntry("other", "app");
    }

    @Test
    void infinityAndNotANumberDoNotSkipTheRestOfTheFile() {
        LoadResult r = load("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: s4
                  annotations: {}
                spec:
                  ports:
                  - port: 80
                  x: [.inf, -.Inf, .NaN]
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: s5
                """);

        assertThat(problems(r)).isEmpty();
        assertThat(names(r)).containsExactly("default/s4", "default/s5");
    }

    @Test
    void badBinaryIsOneProblemForItsDocumentAndTheFileGoesOn() {
        LoadResult r = load("""
                kind: List
                apiVersion: v1
                items:
                - apiVersion: v1
                  kind: Service
                  metadata:
                    name: s8
                    x: !!binary "%%%not base64"
                - apiVersion: v1
                  kind: Service
                  metadata:
                    name: s9
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: s10
                """);

        assertThat(problems(r)).containsExactly("in.yaml:8:8: !!binary value is not valid base64");
        assertThat(names(r)).containsExactly("default/s10");
    }

    @Test
    void mergeKeyWithANonMappingIsReported() {
        LoadResult r = load("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: s7
                  <<: 5
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: s8
                """);

        assertThat(problems(r)).containsExactly("in.yaml:5:3: merge key <<: expected a map or a list of maps, got a number");
        assertThat(names(r)).containsExactly("default/s8");
    }

    @Test
    void mergeKeysStillMerge() {
        LoadResult r = load("""
                base: &base {name: s11, namespace: ns}
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  <<: *base
                  name: s12
                """);

        // Anchors belong to their document, as in SnakeYAML's composer.
        assertThat(problems(r)).containsExactly("in.yaml:1:1: missing kind", "in.yaml:6:7: unknown alias (no anchor of that name before it in this document)");
        LoadResult r2 = load("""
                apiVersion: v1
                kind: Service
                x: &base {name: s11, namespace: ns}
                metadata:
                  <<: *base
                  name: s12
                """);
        assertThat(problems(r2)).isEmpty();
        assertThat(names(r2)).containsExactly("ns/s12");
    }

    @Test
    void nestingDeeperThanTheLimitIsReportedWithItsPlaceAndTheNextDocumentLoads() {
        String deep = "a: " + "[".repeat(150) + "]".repeat(150);
        LoadResult r = load(deep + "\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: after}\n");

        assertThat(problems(r)).containsExactly("in.yaml:1:103: nesting deeper than 100 levels");
        assertThat(names(r)).containsExactly("/after");
    }

    @Test
    void nestingFarDeeperThanTheParsersGoIsStillOneLineWithItsPlace() {
        String deep = "a: " + "[".repeat(5000) + "]".repeat(5000);
        LoadResult r = load(deep + "\n");

        assertThat(problems(r)).singleElement().satisfies(p -> assertThat(p)
                .matches(s -> s.startsWith("in.yaml:1:") && s.contains(": nesting deeper than 100 levels;")));
        String json = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        LoadResult j = new ManifestLoader(LoadOptions.defaults()).loadString(json, "in.json");
        assertThat(problems(j)).singleElement().satisfies(p -> assertThat(p)
                .matches(s -> s.startsWith("in.json:1:") && s.contains(": nesting deeper than 100 levels;")));
    }

    @Test
    void numberLongerThanTheLimitIsReportedWithItsPlace() {
        String digits = "1".repeat(1500);
        LoadResult j = new ManifestLoader(LoadOptions.defaults()).loadString(
                "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"n\", \"x\": " + digits
                        + "}}", "in.json");
        // SnakeYAML types only short plain scalars: in YAML such a value is a string, as with the stock parser.
        LoadResult y = load("apiVersion: v1\nkind: Namespace\nmetadata: {name: n, x: " + digits + "}\n");

        assertThat(problems(j)).containsExactly("in.json:1:74: number longer than 1000 digits");
        assertThat(problems(y)).isEmpty();
    }

    @Test
    void aliasWithoutANameIsOneLine() {
        LoadResult r = load("a: *\n");

        assertThat(problems(r)).singleElement().satisfies(p -> assertThat(p).doesNotContain("\n"));
    }

    @Test
    void servicePortsKubernetesRejectsAreReportedInItsWords() {
        String svc = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - %s\n";
        assertThat(problems(load(svc.formatted("port: -80")))).containsExactly(
                "in.yaml:6:11: spec.ports[0].port: Invalid value: -80: must be between 1 and 65535, inclusive");
        assertThat(problems(load(svc.formatted("port: 70000")))).containsExactly(
                "in.yaml:6:11: spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive");
        assertThat(problems(load(svc.formatted("{port: 80, targetPort: -1}")))).containsExactly("in.yaml:6:28:"
                + " spec.ports[0].targetPort: Invalid value: -1: must be between 1 and 65535, inclusive");
        assertThat(problems(load(svc.formatted("{port: 80, nodePort: 70000}")))).containsExactly("in.yaml:6:26:"
                + " spec.ports[0].nodePort: Invalid value: 70000: must be between 1 and 65535, inclusive");
        assertThat(problems(load(svc.formatted("{port: 80, targetPort: 0, nodePort: 30080}")))).isEmpty();
    }
}
