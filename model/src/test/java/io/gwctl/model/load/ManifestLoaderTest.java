package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Server;
import io.gwctl.model.istio.TlsMode;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.kube.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ManifestLoaderTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private void write(String path, String content) throws IOException {
        Path p = fs.getPath(path);
        if (p.getParent() != null) {
            Files.createDirectories(p.getParent());
        }
        Files.writeString(p, content);
    }

    private LoadResult load(String... paths) {
        return new ManifestLoader(LoadOptions.defaults().withFileSystem(fs)).load(List.of(paths));
    }

    private static final String HELM_OUTPUT = """
            ---
            # Source: ingress/templates/gateway.yaml
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: web
              namespace: istio-system
            spec:
              selector:
                istio: ingressgateway
              servers:
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: ["*"]
              - port:
                  number: 443
                  name: https
                  protocol: HTTPS
                hosts:
                - "shop.example.com"
                tls:
                  mode: SIMPLE
                  credentialName: shop-cert
            ---
            # Source: ingress/templates/empty.yaml
            ---
            # Source: ingress/templates/vs.yaml
            apiVersion: networking.istio.io/v1beta1
            kind: VirtualService
            metadata:
              name: shop
            spec:
              hosts: [shop.example.com]
              gateways: [istio-system/web]
              http:
              - route:
                - destination: {host: shop, port: {number: 8080}}
            """;

    @Test
    void readsHelmOutputWithPositionsOfNestedFields() throws IOException {
        write("/repo/out.yaml", HELM_OUTPUT);

        LoadResult r = load("/repo/out.yaml");

        assertThat(r.problems()).isEmpty();
        assertThat(r.exitCode()).isZero();
        Gateway gw = r.snapshot().gateways().get(0);
        assertThat(gw.origin()).isEqualTo(new io.gwctl.model.Origin("/repo/out.yaml", 0, 3, 1));
        assertThat(gw.metadata().key()).isEqualTo("istio-system/web");
        assertThat(gw.selector()).containsExactly(Map.entry("istio", "ingressgateway"));
        Server https = gw.servers().get(1);
        assertThat(https.index()).isEqualTo(1);
        assertThat(https.port().number()).isEqualTo(443);
        assertThat(https.tls().mode()).isEqualTo(TlsMode.SIMPLE);
        assertThat(https.tls().credentialName()).isEqualTo("shop-cert");
        assertThat(gw.line("/spec/servers/1/tls/credentialName")).isEqualTo(22);
        assertThat(gw.source().column("/spec/servers/1/tls/credentialName")).isEqualTo(23);
        // A map under a key is placed at its key; a list item at its first token.
        assertThat(gw.line("/spec/servers/1/tls")).isEqualTo(20);
        assertThat(gw.source().column("/spec/servers/1")).isEqualTo(5);
        assertThat(gw.line("/spec/servers/1")).isEqualTo(14);
        assertThat(gw.line("")).isEqualTo(3);
        // An absent field falls back to its nearest present parent.
        assertThat(gw.line("/spec/servers/0/tls/credentialName")).isEqualTo(12);

        VirtualService vs = r.snapshot().virtualServices().get(0);
        assertThat(vs.origin().document()).isEqualTo(2);
        assertThat(vs.origin().line()).isEqualTo(27);
        assertThat(vs.metadata().namespace()).isEqualTo("default");
        assertThat(vs.http().get(0).route().get(0).destination().port()).isEqualTo(8080);
        assertThat(vs.line("/spec/http/0/route/0/destination/host")).isEqualTo(36);
        assertThat(r.stats().documents()).isEqualTo(2);
        assertThat(r.stats().files()).isEqualTo(1);
        assertThat(r.stats().resources()).isEqualTo(2);
    }

    @Test
    void flattensListItemsWithPositionsRelativeToEachItem() throws IOException {
        write("/list.yaml", """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Service
                  metadata: {name: a, namespace: ns1}
                  spec:
                    ports:
                    - port: 80
                - apiVersion: v1
                  kind: Service
                  metadata:
                    name: b
                  spec:
                    ports:
                    - port: 443
                      targetPort: https
                """);

        LoadResult r = load("/list.yaml");

        assertThat(r.problems()).isEmpty();
        List<Service> services = r.snapshot().services();
        assertThat(services).extracting(s -> s.metadata().key()).containsExactly("ns1/a", "default/b");
        Service b = services.get(1);
        assertThat(b.origin()).isEqualTo(new io.gwctl.model.Origin("/list.yaml", 0, 10, 3));
        assertThat(b.line("")).isEqualTo(10);
        assertThat(b.line("/metadata/name")).isEqualTo(13);
        assertThat(b.line("/spec/ports/0/targetPort")).isEqualTo(17);
        assertThat(b.source().column("/spec/ports/0/targetPort")).isEqualTo(19);
        assertThat(b.source().has("/items/1/metadata/name")).isFalse();
        assertThat(services.get(0).line("/spec/ports/0/port")).isEqualTo(9);
    }

    @Test
    void readsJsonFilesWithPositions() throws IOException {
        write("/gw.json", """
                {
                  "apiVersion": "networking.istio.io/v1alpha3",
                  "kind": "Gateway",
                  "metadata": {"name": "j", "namespace": "n"},
                  "spec": {
                    "servers": [
                      {"port": {"number": 8443, "name": "tls", "protocol": "TLS"},
                       "hosts": ["*"],
                       "tls": {"mode": "PASSTHROUGH", "credentialName": "c"}}
                    ]
                  }
                }
                """);

        LoadResult r = load("/gw.json");

        assertThat(r.problems()).isEmpty();
        Gateway gw = r.snapshot().gateways().get(0);
        assertThat(gw.selector()).isNull();
        assertThat(gw.servers().get(0).tls().mode()).isEqualTo(TlsMode.PASSTHROUGH);
        assertThat(gw.line("/spec/servers/0/tls/credentialName")).isEqualTo(9);
        assertThat(gw.source().column("/spec/servers/0/tls/credentialName")).isEqualTo(57);
        assertThat(gw.origin().line()).isEqualTo(1);
    }

    @Test
    void aFileNamedTwiceIsReadOnceWhereItFirstAppears() throws IOException {
        String ns = "apiVersion: v1\nkind: Namespace\nmetadata: {name: %s}\n";
        write("/work/repo/a.yaml", ns.formatted("a"));
        write("/work/repo/b.yaml", ns.formatted("b"));

        LoadResult r = load("/work/repo/b.yaml", "/work/repo/", "/work/repo/./a.yaml", "/work/repo/b.yaml");

        assertThat(r.problems()).isEmpty();
        assertThat(r.snapshot().namespaces()).extracting(n -> n.metadata().name() + "@" + n.origin().file())
                .containsExactly("b@/work/repo/b.yaml", "a@/work/repo/a.yaml");
        assertThat(r.stats().files()).isEqualTo(2);
    }

    @Test
    void walksDirectoriesInSortedOrderAndSkipsOtherFiles() throws IOException {
        String ns = "apiVersion: v1\nkind: Namespace\nmetadata: {name: %s}\n";
        write("/work/testdata/b.yaml", ns.formatted("b"));
        write("/work/testdata/a/z.yml", ns.formatted("az"));
        write("/work/testdata/a-c.json", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"ac\"}}");
        write("/work/testdata/README.md", "# not a manifest");
        write("/work/testdata/a/notes.txt", "nothing");
        write("/work/x.yaml", ns.formatted("x"));

        LoadResult r = new ManifestLoader(LoadOptions.defaults().withFileSystem(fs.getPath("/").getFileSystem()))
                .load(List.of("/work/testdata/", "/work/x.yaml"));

        assertThat(r.problems()).isEmpty();
        assertThat(r.snapshot().namespaces()).extracting(n -> n.metadata().name() + "@" + n.origin().file())
                .containsExactly("az@/work/testdata/a/z.yml", "ac@/work/testdata/a-c.json",
                        "b@/work/testdata/b.yaml", "x@/work/x.yaml");
        assertThat(r.snapshot().namespaces()).allSatisfy(n -> assertThat(n.metadata().namespace()).isEmpty());
        assertThat(r.stats().skippedFiles()).isEqualTo(2);
        assertThat(r.stats().skippedFileNames())
                .containsExactly("/work/testdata/README.md", "/work/testdata/a/notes.txt");
        assertThat(r.stats().files()).isEqualTo(4);
    }

    @Test
    void relativePathsKeepTheNameTheUserGave() throws IOException {
        try (FileSystem cwd = Jimfs.newFileSystem(
                Configuration.unix().toBuilder().setWorkingDirectory("/work").build())) {
            Files.createDirectories(cwd.getPath("testdata/examples"));
            Files.writeString(cwd.getPath("testdata/examples/x.yaml"),
                    "apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n");
            Files.createDirectories(cwd.getPath("other"));
            Files.writeString(cwd.getPath("other/y.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: y}\n");

            LoadResult r = new ManifestLoader(LoadOptions.defaults().withFileSystem(cwd))
                    .load(List.of("testdata", "./other/y.yaml"));

            assertThat(r.snapshot().namespaces()).extracting(n -> n.origin().file())
                    .containsExactly("testdata/examples/x.yaml", "./other/y.yaml");
        }
    }

    @Test
    void readsStandardInput() {
        LoadOptions opts = LoadOptions.defaults().withFileSystem(fs).withDefaultNamespace("team-a")
                .withStdin(() -> new java.io.ByteArrayInputStream(
                        "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - port: 80\n"
                                .getBytes(StandardCharsets.UTF_8)));

        LoadResult r = new ManifestLoader(opts).load(List.of("-"));

        Service s = r.snapshot().services().get(0);
        assertThat(s.origin().file()).isEqualTo("-");
        assertThat(s.metadata().namespace()).isEqualTo("team-a");
        assertThat(s.ports().get(0).protocol()).isEqualTo("TCP");
        assertThat(s.ports().get(0).targetPort()).isEqualTo(80);
        assertThat(s.type()).isEqualTo("ClusterIP");
    }

    @Test
    void keepsInputOrderAcrossManyFilesReadInParallel() throws IOException {
        String[] names = new String[40];
        for (int i = 0; i < 40; i++) {
            write("/many/f" + (char) ('a' + i / 10) + (i % 10) + ".yaml",
                    "apiVersion: v1\nkind: Namespace\nmetadata: {name: n" + i + "}\n---\n"
                            + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
            names[i] = "n" + i;
        }

        LoadResult r = load("/many");

        assertThat(r.snapshot().namespaces()).extracting(n -> n.metadata().name()).containsExactly(names);
        assertThat(r.stats().skippedKinds()).containsExactly(Map.entry("ConfigMap", 40));
        assertThat(r.stats().documents()).isEqualTo(80);
    }

    @Test
    void flattensTypedListsAndJsonLists() throws IOException {
        write("/svc.yaml", """
                apiVersion: v1
                kind: ServiceList
                items:
                - {apiVersion: v1, kind: Service, metadata: {name: a}}
                - {}
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: skipped}}
                """);
        write("/list.json", """
                {"apiVersion": "v1", "kind": "List", "items": [
                  {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "n1"}},
                  {"apiVersion": "v1", "kind": "Namespace",
                   "metadata": {"name": "n2"}}
                ]}
                """);

        LoadResult r = load("/svc.yaml", "/list.json");

        assertThat(r.problems()).isEmpty();
        assertThat(r.snapshot().services()).extracting(x -> x.origin().line()).containsExactly(4);
        assertThat(r.snapshot().namespaces()).extracting(n -> n.metadata().name() + "@" + n.origin().line() + ":"
                + n.origin().column() + "/" + n.line("/metadata/name")).containsExactly("n1@2:3/2", "n2@3:3/4");
        assertThat(r.stats().skippedKinds()).containsExactly(Map.entry("ConfigMap", 1));
        assertThat(r.stats().documents()).isEqualTo(2);
    }

    @Test
    void resolvesAnchorsAliasesAndMergeKeys() throws IOException {
        write("/anchors.yaml", """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: g}
                spec:
                  selector: &sel {istio: ingressgateway}
                  servers:
                  - &http
                    port: {number: 80, name: http, protocol: HTTP}
                    hosts: &hosts ["a.example.com", "b.example.com"]
                  - <<: *http
                    port: {number: 8080, name: http-alt, protocol: HTTP}
                    name: alt
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                spec: {selector: {app: x}}
                """);

        LoadResult r = load("/anchors.yaml");

        assertThat(r.problems()).isEmpty();
        Gateway gw = r.snapshot().gateways().get(0);
        assertThat(gw.servers()).extracting(x -> x.port().number() + " " + x.hosts() + " " + x.name())
                .containsExactly("80 [a.example.com, b.example.com] null",
                        "8080 [a.example.com, b.example.com] alt");
        assertThat(gw.line("/spec/servers/1/port/number")).isEqualTo(11);
        // Merged fields have no position of their own: they point at the server that merges them.
        assertThat(gw.line("/spec/servers/1/hosts")).isEqualTo(10);
    }

    @Test
    void kustomizationFilesAreSkippedNotReportedAsMissingKind() throws IOException {
        write("/base/kustomization.yaml", "resources:\n- gateway.yaml\nnamespace: shop\n");
        write("/overlay/kustomization.yml",
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../base]\n");
        write("/base/gateway.yaml", "resources: [oops]\n");

        LoadResult r = load("/base", "/overlay");

        assertThat(r.stats().skippedKinds()).containsExactly(Map.entry("Kustomization", 2));
        assertThat(r.problems()).extracting(LoadProblem::format).containsExactly("/base/gateway.yaml:1:1: missing kind");
    }

    @Test
    void repeatedValuesShareOneString() throws IOException {
        String svc = "apiVersion: v1\nkind: Service\nmetadata: {name: %s, namespace: team-a, labels: {app: web}}\n";
        write("/two.yaml", svc.formatted("one") + "---\n" + svc.formatted("two"));

        List<Service> services = load("/two.yaml").snapshot().services();

        assertThat(services.get(1).metadata().namespace()).isSameAs(services.get(0).metadata().namespace());
        assertThat(services.get(1).metadata().labels().get("app"))
                .isSameAs(services.get(0).metadata().labels().get("app"));
        assertThat(Fields.shared("x".repeat(200))).isNotSameAs(Fields.shared("x".repeat(200)));
    }

    @Test
    void escapesSlashAndTildeInPointers() throws IOException {
        write("/labels.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: s
                  labels:
                    app.kubernetes.io/name: shop
                    odd~key: x
                """);

        Service s = load("/labels.yaml").snapshot().services().get(0);

        assertThat(s.line("/metadata/labels/app.kubernetes.io~1name")).isEqualTo(6);
        assertThat(s.source().column("/metadata/labels/app.kubernetes.io~1name")).isEqualTo(29);
        assertThat(s.line("/metadata/labels/odd~0key")).isEqualTo(7);
        assertThat(s.source().has("/metadata/labels/odd~key")).isFalse();
    }

    @Test
    void readsWindowsLineEndingsAndAByteOrderMark() throws IOException {
        Files.write(fs.getPath("/win.yaml"), ("\uFEFFapiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n"
                + "  name: w\r\n---\r\napiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: v}\r\n")
                .getBytes(StandardCharsets.UTF_8));

        LoadResult r = load("/win.yaml");

        assertThat(r.problems()).isEmpty();
        assertThat(r.snapshot().namespaces()).extracting(n -> n.metadata().name() + "@" + n.line("/metadata/name"))
                .containsExactly("w@4", "v@8");
    }
}
