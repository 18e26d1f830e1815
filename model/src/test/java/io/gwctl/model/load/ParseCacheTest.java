package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.gwctl.model.Resource;
import io.gwctl.model.SourceMap;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ParseCache}: two checkouts, {@code base/} and {@code head/}, where {@code head/vs.yaml} changed. Loaded with
 * one cache, the unchanged files of {@code head/} are not parsed again, and what the load gives is what a load
 * without the cache gives: the same records (compared field by field, the source maps by the lines they give),
 * with {@code head/}'s file names, and the same problems.
 */
class ParseCacheTest {
    private static final String GATEWAY = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: gw
            spec:
              selector:
                istio: ingressgateway
              servers:
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: ["*.example.com"]
            """;
    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports:
              - port: 80
            """;
    private static final String BROKEN = "kind: Gateway\nmetadata: [\n";

    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());

    @BeforeEach
    void checkouts() throws IOException {
        for (String side : List.of("base", "head")) {
            write(side + "/gateway.yaml", GATEWAY);
            write(side + "/service.yaml", "# a comment first\n" + SERVICE);
            write(side + "/broken.yaml", BROKEN);
        }
        write("base/vs.yaml", vs("/v1"));
        write("head/vs.yaml", vs("/v2"));
    }

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private static String vs(String prefix) {
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: web
                spec:
                  hosts: [web.example.com]
                  gateways: [gw]
                  http:
                  - match: [{uri: {prefix: %s}}]
                    route: [{destination: {host: web}}]
                """.formatted(prefix);
    }

    private void write(String path, String content) throws IOException {
        Path p = fs.getPath(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private LoadResult load(ParseCache cache, String path) {
        return new ManifestLoader(LoadOptions.defaults().withFileSystem(fs), cache).load(List.of(path));
    }

    @Test
    void unchangedFilesAreParsedOnceAndNamedAsTheirOwnPath() {
        ParseCache cache = new ParseCache();
        LoadResult base = load(cache, "base");
        assertThat(cache.hits()).isZero();
        LoadResult head = load(cache, "head");
        LoadResult fresh = load(null, "head");

        // gateway.yaml and service.yaml; broken.yaml's problem is parsed once too; vs.yaml changed
        assertThat(cache.hits()).isEqualTo(3);
        List<Resource> shared = head.snapshot().all();
        List<Resource> parsed = fresh.snapshot().all();
        assertThat(shared).hasSameSizeAs(parsed).hasSize(3);
        for (int i = 0; i < shared.size(); i++) {
            Resource s = shared.get(i);
            Resource p = parsed.get(i);
            assertThat(s).usingRecursiveComparison().ignoringFieldsOfTypes(SourceMap.class).isEqualTo(p);
            assertThat(s.origin().file()).startsWith("head/");
            assertThat(s.line("/spec")).isEqualTo(p.line("/spec")).isPositive();
        }
        assertThat(head.problems()).isEqualTo(fresh.problems());
        assertThat(head.problems()).singleElement().satisfies(pr -> assertThat(pr.file()).isEqualTo("head/broken.yaml"));
        assertThat(head.stats()).isEqualTo(fresh.stats());
        // the records behind the names are the base's: shared, not copied
        assertThat(head.snapshot().gateways().get(0).servers()).isSameAs(base.snapshot().gateways().get(0).servers());
        assertThat(head.snapshot().virtualServices().get(0).http())
                .isNotSameAs(base.snapshot().virtualServices().get(0).http());
    }

    @Test
    void theSameBytesUnderAnotherNamespaceOrBaseNameAreParsedAgain() throws IOException {
        ParseCache cache = new ParseCache();
        load(cache, "base");
        LoadResult other = new ManifestLoader(LoadOptions.defaults().withFileSystem(fs).withDefaultNamespace("team"), cache)
                .load(List.of("head/gateway.yaml"));
        assertThat(cache.hits()).isZero();
        assertThat(other.snapshot().gateways().get(0).metadata().namespace()).isEqualTo("team");

        write("head/kustomization.yaml", GATEWAY);
        load(cache, "head/kustomization.yaml");
        assertThat(cache.hits()).isZero();
    }
}
