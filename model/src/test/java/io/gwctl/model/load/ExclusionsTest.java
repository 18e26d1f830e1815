package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loader decides what is read: hidden entries, the configuration file and ignorePaths, before opening. */
class ExclusionsTest {
    private static final String NS = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: %s\n";

    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder()
            .setWorkingDirectory("/work").build());

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private void write(String path, String content) throws IOException {
        Path p = fs.getPath(path);
        Files.createDirectories(p.toAbsolutePath().getParent());
        Files.writeString(p, content);
    }

    private LoadResult load(Exclusions e, String... paths) {
        return new ManifestLoader(LoadOptions.defaults().withFileSystem(fs).withExclusions(e)
                .withStdin(() -> new ByteArrayInputStream(NS.formatted("stdin").getBytes(StandardCharsets.UTF_8))))
                .load(List.of(paths));
    }

    private static List<String> names(LoadResult r) {
        return r.snapshot().all().stream().map(res -> res.ref().name()).sorted().toList();
    }

    @Test
    void hiddenEntriesBelowANamedDirectoryAreNotOpened() throws IOException {
        write("repo/ns.yaml", NS.formatted("kept"));
        write("repo/.github/workflows/ci.yml", "on: push\njobs: {}\n");
        write("repo/.gwctl.yaml", "rules: {}\n");
        // A link to nowhere: opening it would be a "no such file" problem.
        Files.createSymbolicLink(fs.getPath("repo/.broken.yaml"), fs.getPath("/nowhere"));
        LoadResult r = load(Exclusions.HIDDEN, "repo");
        assertThat(r.problems()).isEmpty();
        assertThat(names(r)).containsExactly("kept");
        assertThat(r.stats().files()).isEqualTo(1);
        assertThat(r.stats().ignored()).containsExactly("repo/.broken.yaml (hidden)", "repo/.github (hidden)",
                "repo/.gwctl.yaml (hidden)");

        LoadResult all = load(Exclusions.NONE, "repo");
        assertThat(all.problems()).as("read without exclusions: the workflow has no kind, the link no target")
                .hasSize(3);
        assertThat(all.stats().ignored()).isEmpty();
    }

    @Test
    void aHiddenPathNamedWithDashFIsRead() throws IOException {
        write(".hidden/ns.yaml", NS.formatted("named"));
        assertThat(names(load(Exclusions.HIDDEN, ".hidden"))).containsExactly("named");
        assertThat(names(load(Exclusions.HIDDEN, ".hidden/ns.yaml"))).containsExactly("named");
    }

    @Test
    void theConfigurationFileAndIgnorePathsAreNotOpened() throws IOException {
        write("ns.yaml", NS.formatted("kept"));
        write("conf.yaml", "ignorePaths: [vendor]\n");
        write("vendor/ns.yaml", NS.formatted("vendored"));
        write("charts/a/templates/ns.yaml", NS.formatted("template"));
        write("b.generated.yaml", NS.formatted("generated"));
        // Larger than the limit below: opening it would be a problem.
        write("vendor/big.yaml", "#".repeat(4096));
        Exclusions e = Exclusions.HIDDEN.withConfig(fs.getPath("conf.yaml"),
                List.of("vendor", "charts/**/templates", "*.generated.yaml"));
        LoadResult r = new ManifestLoader(LoadOptions.defaults().withFileSystem(fs).withExclusions(e)
                .withMaxFileBytes(1024)).load(List.of(".", "conf.yaml"));
        assertThat(r.problems()).isEmpty();
        assertThat(names(r)).containsExactly("kept");
        assertThat(r.stats().ignored()).containsExactly("./b.generated.yaml (ignorePaths)",
                "./charts/a/templates (ignorePaths)", "./conf.yaml (the configuration file)",
                "./vendor (ignorePaths)", "conf.yaml (the configuration file)");
        assertThat(names(load(e, "vendor/ns.yaml"))).as("named, but ignored").isEmpty();
        assertThat(names(load(e, "-"))).as("standard input is not a path").containsExactly("stdin");
    }

    @Test
    void ignorePathsAreRelativeToTheConfigurationsDirectory() throws IOException {
        write("/repo/deploy/vendor/ns.yaml", NS.formatted("vendored"));
        write("/repo/deploy/ns.yaml", NS.formatted("kept"));
        Exclusions e = Exclusions.HIDDEN.withConfig(fs.getPath("/repo/.gwctl.yaml"), List.of("deploy/vendor/**"));
        assertThat(names(load(e, "/repo/deploy"))).containsExactly("kept");
        assertThat(names(load(Exclusions.HIDDEN.withConfig(fs.getPath("/elsewhere/.gwctl.yaml"),
                List.of("deploy/vendor/**")), "/repo/deploy"))).containsExactly("kept", "vendored");
    }

    @Test
    void ignorePathsMatchLikeGitignore() {
        Exclusions c = Exclusions.HIDDEN.withConfig(fs.getPath("/work/.gwctl.yaml"),
                List.of("vendor", "*.generated.yaml", "charts/**/templates", "tmp/*.yaml", "**/old/*.yml", "./gen/"));
        assertThat(c.isIgnored("vendor/a.yaml")).isTrue();
        assertThat(c.isIgnored("x/vendor/a.yaml")).isTrue();
        assertThat(c.isIgnored("./a/b.generated.yaml")).isTrue();
        assertThat(c.isIgnored("charts/x/y/templates/gw.yaml")).isTrue();
        assertThat(c.isIgnored("tmp/gw.yaml")).isTrue();
        assertThat(c.isIgnored("tmp/sub/gw.yaml")).as("* stays within one segment").isFalse();
        assertThat(c.isIgnored("old/a.yml")).isTrue();
        assertThat(c.isIgnored("a/old/a.yml")).isTrue();
        assertThat(c.isIgnored("gen/a.yaml")).isTrue();
        assertThat(c.isIgnored("gateways/gw.yaml")).isFalse();
        assertThat(c.isIgnored("vendors/a.yaml")).isFalse();
        assertThat(Exclusions.HIDDEN.ignorePaths()).isEmpty();
    }
}
