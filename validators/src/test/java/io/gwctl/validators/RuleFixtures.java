package io.gwctl.validators;

import io.gwctl.model.Resource;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.install.InstalledGateways;
import io.gwctl.model.load.LoadOptions;
import io.gwctl.model.load.LoadResult;
import io.gwctl.model.load.ManifestLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rule fixture conventions shared by {@link RuleFixtureTest}, {@link RuleMetaTest} and per-rule tests: where
 * {@code testdata/rules/<CODE>/} and {@code docs/rules/<CODE>.md} live, how a fixture directory is loaded, and the
 * inline markers.
 *
 * <ul>
 *   <li>{@code # expect: GW0101} (or {@code # expect: GW0101, GW0103}) as a trailing comment marks the line where a
 *   finding of that code must point.</li>
 *   <li>{@code # now: 2027-06-01T00:00:00Z} anywhere in a fixture directory sets the run's clock (default
 *   {@link #DEFAULT_NOW}), for certificate validity checks.</li>
 * </ul>
 */
public final class RuleFixtures {
    /** The clock fixture runs use unless a fixture says otherwise: fixed, so that results never change with time. */
    public static final Instant DEFAULT_NOW = Instant.parse("2027-01-01T00:00:00Z");

    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*([A-Z]+[0-9]+(?:\\s*,\\s*[A-Z]+[0-9]+)*)"
            + "\\s*$");
    private static final Pattern NOW = Pattern.compile("^\\s*#\\s*now:\\s*(\\S+)\\s*$");

    private RuleFixtures() {
    }

    /** The repository root (system property {@code gwctl.root.dir}, else the parent of the module directory). */
    public static Path root() {
        String p = System.getProperty("gwctl.root.dir");
        return (p != null && !p.isEmpty() ? Path.of(p) : Path.of("..")).toAbsolutePath().normalize();
    }

    /** {@code ../shared} next to the repository (system property {@code gwctl.shared.dir}). */
    public static Path sharedDir() {
        String p = System.getProperty("gwctl.shared.dir");
        return (p != null && !p.isEmpty() ? Path.of(p) : root().resolve("../shared")).toAbsolutePath().normalize();
    }

    public static Path rulesDir() {
        return root().resolve("testdata/rules");
    }

    public static Path fixtureDir(String code) {
        return rulesDir().resolve(code);
    }

    public static Path docPage(String code) {
        return root().resolve("docs/rules/" + code + ".md");
    }

    /** The codes of every fixture directory, sorted. */
    public static List<String> fixtureCodes() {
        return childNames(rulesDir(), true, "");
    }

    /** The codes of every doc page ({@code docs/rules/<CODE>.md}), sorted. */
    public static List<String> docCodes() {
        return childNames(root().resolve("docs/rules"), false, ".md");
    }

    private static List<String> childNames(Path dir, boolean dirs, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> dirs ? Files.isDirectory(p) : Files.isRegularFile(p))
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(suffix) && n.matches("[A-Z]+[0-9]+" + Pattern.quote(suffix)))
                    .map(n -> n.substring(0, n.length() - suffix.length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The YAML files of a fixture directory (recursively), sorted. */
    public static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")
                    || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads paths with the default options (namespace {@code default}) and adds the gateways the input's
     * IstioOperators install, as the commands do.
     */
    public static LoadResult load(List<Path> paths) {
        return installed(new ManifestLoader(LoadOptions.defaults()).load(paths.stream().map(Path::toString).toList()));
    }

    public static LoadResult loadString(String yaml, String name) {
        return installed(new ManifestLoader(LoadOptions.defaults()).loadString(yaml, name));
    }

    private static LoadResult installed(LoadResult r) {
        return new LoadResult(InstalledGateways.expand(r.snapshot(), List.of()), r.problems(), r.stats());
    }

    /** One marker or finding position: file relative to the fixture directory, line, code. */
    public record Mark(String file, int line, String code) implements Comparable<Mark> {
        @Override
        public int compareTo(Mark o) {
            int c = file.compareTo(o.file);
            if (c != 0) {
                return c;
            }
            c = Integer.compare(line, o.line);
            return c != 0 ? c : code.compareTo(o.code);
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + code;
        }
    }

    /** Every {@code # expect:} marker of the directory's files. */
    public static TreeSet<Mark> expectations(Path dir) {
        TreeSet<Mark> out = new TreeSet<>();
        for (Path f : yamlFiles(dir)) {
            List<String> lines = readLines(f);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = EXPECT.matcher(lines.get(i));
                if (m.find()) {
                    for (String code : m.group(1).split(",")) {
                        out.add(new Mark(relative(dir, f.toString()), i + 1, code.trim()));
                    }
                }
            }
        }
        return out;
    }

    /** The {@code # now:} clock of a fixture directory, or {@link #DEFAULT_NOW}. */
    public static Instant now(Path dir) {
        for (Path f : yamlFiles(dir)) {
            for (String line : readLines(f)) {
                Matcher m = NOW.matcher(line);
                if (m.matches()) {
                    return Instant.parse(m.group(1));
                }
            }
        }
        return DEFAULT_NOW;
    }

    /** Options for a fixture run: defaults with the fixture's clock. */
    public static ValidateOptions options(Path dir) {
        return ValidateOptions.defaults().withNow(now(dir));
    }

    /** Where a finding points, as a mark relative to {@code dir}. */
    public static Mark mark(Path dir, Finding f) {
        return new Mark(relative(dir, f.location().file()), f.location().line(), f.code());
    }

    /** Where a resource starts, relative to {@code dir}. */
    public static Mark start(Path dir, Resource r) {
        return new Mark(relative(dir, r.origin().file()), r.origin().line(), r.kind().kindName());
    }

    static String relative(Path dir, String file) {
        Path p = Path.of(file).toAbsolutePath().normalize();
        Path d = dir.toAbsolutePath().normalize();
        return p.startsWith(d) ? d.relativize(p).toString().replace('\\', '/') : file;
    }

    /** The resource whose document contains {@code line} of {@code file}: the last one starting at or before it. */
    public static Optional<Resource> owner(List<Resource> resources, Path dir, String file, int line) {
        Resource best = null;
        for (Resource r : resources) {
            Mark s = start(dir, r);
            if (s.file().equals(file) && s.line() <= line && (best == null || s.line() > best.origin().line())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    static List<String> readLines(Path f) {
        try {
            return new ArrayList<>(Files.readAllLines(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
