package io.gwctl.model.load;

import io.gwctl.model.Glob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ManifestLoader} leaves unread, decided on the path before a file is opened or a directory listed:
 * hidden entries (a name starting with {@code .}) below a directory named with {@code -f} ({@code .git/},
 * {@code .github/workflows/ci.yml}), the configuration file itself, and the {@code ignorePaths} globs of
 * {@code .gwctl.yaml}. A path named with {@code -f} is read even when hidden; the configuration file and
 * {@code ignorePaths} apply to every path.
 *
 * <p>An {@code ignorePaths} glob is matched against the path relative to the configuration file's directory, with
 * {@code /} between segments: a glob with a {@code /} must match the whole path or one of its parent directories;
 * one without must match a single segment ({@code vendor}, {@code *.generated.yaml}), as in {@code .gitignore}.
 */
public final class Exclusions {
    /** Reads everything, hidden entries included. */
    public static final Exclusions NONE = new Exclusions(false, null, List.of());
    /** Leaves out hidden entries below a named directory: what every gwctl command reads. */
    public static final Exclusions HIDDEN = new Exclusions(true, null, List.of());

    private final boolean hidden;
    private final Path configFile;
    private final Path base;
    private final List<String> ignorePaths;
    private final List<Glob> segmentGlobs = new ArrayList<>();
    private final List<Glob> pathGlobs = new ArrayList<>();

    private Exclusions(boolean hidden, Path configFile, List<String> ignorePaths) {
        this.hidden = hidden;
        this.configFile = configFile == null ? null : configFile.toAbsolutePath().normalize();
        this.base = this.configFile == null ? null : this.configFile.getParent();
        this.ignorePaths = List.copyOf(ignorePaths);
        for (String pattern : this.ignorePaths) {
            String pat = pattern.startsWith("./") ? pattern.substring(2) : pattern;
            if (pat.endsWith("/")) {
                pat = pat.substring(0, pat.length() - 1);
            }
            (pat.indexOf('/') < 0 ? segmentGlobs : pathGlobs).add(Glob.path(pat));
        }
    }

    /**
     * These exclusions, and also the configuration file {@code file} (which is YAML too, but never a manifest) and
     * the paths its {@code ignorePaths} globs match, relative to its directory. {@code file} need not exist.
     */
    public Exclusions withConfig(Path file, List<String> globs) {
        Objects.requireNonNull(file, "file");
        return new Exclusions(hidden, file, globs);
    }

    /** Whether hidden entries below a named directory are left out. */
    public boolean hiddenEntries() {
        return hidden;
    }

    /** The {@code ignorePaths} globs, as written. */
    public List<String> ignorePaths() {
        return ignorePaths;
    }

    /**
     * Why {@code path} is not read, or null when it is: {@code hidden}, {@code the configuration file} or
     * {@code ignorePaths}. {@code named} says that the path was given with {@code -f} rather than found in a walk.
     */
    String reason(Path path, boolean named) {
        if (hidden && !named) {
            Path name = path.getFileName();
            if (name != null && name.toString().startsWith(".")) {
                return "hidden";
            }
        }
        if (configFile == null) {
            return null;
        }
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.equals(configFile)) {
            return "the configuration file";
        }
        return !ignorePaths.isEmpty() && isIgnored(base.relativize(absolute).toString()) ? "ignorePaths" : null;
    }

    /** True when a {@code /}-separated path relative to the configuration's directory matches an ignore glob. */
    boolean isIgnored(String relative) {
        String p = relative.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        String[] segments = p.split("/");
        for (String s : segments) {
            for (Glob g : segmentGlobs) {
                if (g.matches(s)) {
                    return true;
                }
            }
        }
        if (pathGlobs.isEmpty()) {
            return false;
        }
        StringBuilder prefix = new StringBuilder();
        for (String s : segments) {
            if (prefix.length() > 0) {
                prefix.append('/');
            }
            prefix.append(s);
            for (Glob g : pathGlobs) {
                if (g.matches(prefix.toString())) {
                    return true;
                }
            }
        }
        return false;
    }
}
