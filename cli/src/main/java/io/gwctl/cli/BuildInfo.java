package io.gwctl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version, the git commit the build was made from (empty unless the build was given -Dgwctl.commit) and
 * the URL gwctl's repository files are published under (empty unless given -Dgwctl.docs.url).
 */
public record BuildInfo(String version, String commit, String docsUrl) {
    static final BuildInfo LOADED = load();

    private static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(recorded(p, "version", "unknown"), recorded(p, "commit", ""),
                recorded(p, "docs.url", ""));
    }

    /**
     * {@code gwctl 0.1.0} or {@code gwctl 0.1.0 (commit 1a2b3c4)}: what --version and version print (here, not in
     * {@link VersionCommand}, so that --version loads none of that command's JSON classes).
     */
    public String line() {
        return "gwctl " + version + (commit.isEmpty() ? "" : " (commit " + commit + ")");
    }

    /** A property the build filtered in; an unfiltered {@code ${...}} (an IDE build) counts as absent. */
    private static String recorded(Properties p, String key, String dflt) {
        String v = p.getProperty(key, "").strip();
        return v.isEmpty() || v.startsWith("${") ? dflt : v;
    }
}
