package io.gwctl.renderers.findings;

import io.gwctl.model.finding.Severity;
import java.nio.file.Path;

/**
 * How a findings renderer writes: with ANSI colour (text only), the gwctl version to name in SARIF, the directory
 * that relative file names are relative to (null: the file names are printed as the user gave them), and for the CI
 * formats the level a finding fails the run at, the root SARIF paths are relative to, where the rule pages are
 * published and which file Helm named for each line of standard input.
 *
 * @param failureThreshold findings at or above it fail the run (exit 79); JUnit writes only those as failures
 * @param sourceRoot       the {@code %SRCROOT%} of SARIF and the root of GitHub annotation paths (the repository's
 *                         work tree); null: {@code baseDir}
 * @param docsBaseUrl      the URL the repository's files are published under ({@code helpUri} is this plus
 *                         {@code docs/rules/CODE.md}); null: no {@code helpUri}
 * @param stdinSources     the Helm {@code # Source:} files of standard input's documents
 */
public record RenderOptions(boolean color, String toolVersion, Path baseDir, Severity failureThreshold,
                            Path sourceRoot, String docsBaseUrl, HelmSources stdinSources) {
    public RenderOptions {
        toolVersion = toolVersion == null || toolVersion.isBlank() ? "0.0.0-unknown" : toolVersion;
        failureThreshold = failureThreshold == null ? Severity.ERROR : failureThreshold;
        stdinSources = stdinSources == null ? HelmSources.NONE : stdinSources;
        docsBaseUrl = docsBaseUrl == null || docsBaseUrl.isBlank() ? null
                : docsBaseUrl.endsWith("/") ? docsBaseUrl : docsBaseUrl + "/";
    }

    public RenderOptions(boolean color, String toolVersion, Path baseDir) {
        this(color, toolVersion, baseDir, Severity.ERROR, null, null, HelmSources.NONE);
    }

    /** No colour, an unknown version, file names as given: what tests and pipes want. */
    public static RenderOptions plain() {
        return new RenderOptions(false, null, null);
    }

    public RenderOptions withFailureThreshold(Severity s) {
        return new RenderOptions(color, toolVersion, baseDir, s, sourceRoot, docsBaseUrl, stdinSources);
    }

    public RenderOptions withSourceRoot(Path root) {
        return new RenderOptions(color, toolVersion, baseDir, failureThreshold, root, docsBaseUrl, stdinSources);
    }

    public RenderOptions withDocsBaseUrl(String url) {
        return new RenderOptions(color, toolVersion, baseDir, failureThreshold, sourceRoot, url, stdinSources);
    }

    public RenderOptions withStdinSources(HelmSources sources) {
        return new RenderOptions(color, toolVersion, baseDir, failureThreshold, sourceRoot, docsBaseUrl, sources);
    }

    /** The directory SARIF and GitHub paths are relative to: the source root, else the base directory. */
    public Path root() {
        return sourceRoot != null ? sourceRoot : baseDir;
    }
}
