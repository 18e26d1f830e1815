package io.gwctl.validators.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the tables of a conformance {@code EXPECTED.md} ({@code ../shared/conformance/*}): one {@link Row} per table
 * row that names a fixture, with the findings the upstream test expects on it. The tables are written for people, so
 * the reading follows their conventions: an empty fixture cell continues the fixture above; {@code same} repeats the
 * expectations above; {@code none} (or {@code (none ...)}) expects nothing; an origin without a kind takes the kind
 * the section is about; {@code ×2} counts; a parenthesis or a sentence after the list of origins is commentary.
 */
final class ExpectedTables {
    /** One expected finding: a code on a resource ({@code namespace} null when the upstream origin has none). */
    record Expected(String code, String kind, String namespace, String name, int count) {
        /** As the upstream test writes the origin, e.g. {@code IST0101 VirtualService default/reviews}. */
        @Override
        public String toString() {
            String on = name == null ? (kind == null ? "the fixture's resource" : "the " + kind + " under test")
                    : kind + " " + (namespace == null ? "" : namespace + "/") + name;
            return code + " " + on + (count > 1 ? " ×" + count : "");
        }
    }

    /**
     * A table row: its section ({@code A1}, {@code C}, {@code G4}...), the upstream test name, the fixture files, the
     * analyzer or checker column when the table has one, and what is expected.
     */
    record Row(String section, String test, List<Path> fixtures, String analyzer, List<Expected> expected,
               int line) {
        String fixtureNames() {
            return String.join(" + ", fixtures.stream().map(p -> p.getFileName().toString()).toList());
        }
    }

    private static final Pattern HEADING = Pattern.compile("^#{2,3}\\s+([A-Z][0-9]?)\\.\\s");
    private static final Pattern TOKEN = Pattern.compile("((?:IST|KIA)\\d{4})|`([^`]+)`|×\\s*(\\d+)|(\\d+)\\s*×");
    private static final Pattern ORIGIN = Pattern.compile(
            "(?:([A-Z][A-Za-z]+)\\s+)?(?:([a-z0-9][a-z0-9.-]*)/)?([a-z0-9][A-Za-z0-9.-]*)");
    private static final Set<String> NONE_WORDS = Set.of("none", "(none");

    private ExpectedTables() {
    }

    /** {@code ../shared/conformance/SUB}, or the test is skipped saying so. */
    static java.nio.file.Path conformanceDir(String sub, String what) {
        Path dir = io.gwctl.validators.RuleFixtures.sharedDir().resolve("conformance").resolve(sub);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/conformance absent: " + dir
                + " (set -Dgwctl.shared.dir); " + what + " conformance not checked");
        return dir;
    }

    /** The rows grouped by section and fixture: rows continuing one fixture are checked together. */
    static java.util.Map<String, List<Row>> bySectionAndFixture(List<Row> rows) {
        java.util.Map<String, List<Row>> cases = new java.util.LinkedHashMap<>();
        for (Row r : rows) {
            cases.computeIfAbsent(r.section() + " " + r.fixtureNames(), k -> new ArrayList<>()).add(r);
        }
        return cases;
    }

    /**
     * The rows of {@code md}; {@code defaultKind} gives the kind of an origin written without one, by section letter;
     * fixture names resolve against {@code fixtureDirs} (the first that has the file; a name starting with {@code …}
     * is a suffix).
     */
    static List<Row> read(Path md, java.util.function.Function<String, String> defaultKind, List<Path> fixtureDirs)
            throws IOException {
        List<String> lines = Files.readAllLines(md);
        List<Row> rows = new ArrayList<>();
        String section = "";
        int fixtureCol = -1;
        int expectedCol = -1;
        int analyzerCol = -1;
        List<Path> lastFixtures = List.of();
        String lastAnalyzer = "";
        List<Expected> previousFixtureExpected = List.of(); // all rows of the fixture before the current one
        List<Expected> currentFixtureExpected = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher h = HEADING.matcher(line);
            if (h.find()) {
                section = h.group(1);
                fixtureCol = -1;
                continue;
            }
            if (!line.startsWith("|")) {
                fixtureCol = line.isBlank() ? fixtureCol : -1;
                continue;
            }
            List<String> cells = cells(line);
            if (i + 1 < lines.size() && lines.get(i + 1).startsWith("|---")) {
                fixtureCol = expectedCol = analyzerCol = -1;
                for (int c = 0; c < cells.size(); c++) {
                    String name = cells.get(c).toLowerCase(Locale.ROOT);
                    if (name.startsWith("fixture") || name.equals("file") && fixtureCol < 0) {
                        fixtureCol = c;
                    } else if (name.equals("code") || name.startsWith("expected") && expectedCol < 0) {
                        expectedCol = c;
                    } else if (name.startsWith("analyzer")) {
                        analyzerCol = c;
                    }
                }
                i++;
                continue;
            }
            if (fixtureCol < 0 || expectedCol < 0 || cells.size() <= Math.max(fixtureCol, expectedCol)) {
                continue;
            }
            String fixtureCell = cells.get(fixtureCol);
            List<List<Path>> groups = fixtureCell.isBlank() ? List.of(lastFixtures) : fixtures(fixtureCell, fixtureDirs);
            String kind = defaultKind.apply(section);
            String cell = cells.get(expectedCol);
            List<Expected> expected;
            String lower = cell.toLowerCase(Locale.ROOT).trim();
            boolean continues = fixtureCell.isBlank();
            if (!continues) {
                previousFixtureExpected = List.copyOf(currentFixtureExpected);
                currentFixtureExpected.clear();
            }
            if (lower.startsWith("same") || lower.startsWith("the same")) {
                expected = previousFixtureExpected;
            } else if (NONE_WORDS.stream().anyMatch(lower::startsWith)) {
                expected = List.of();
            } else {
                expected = expectations(cell, kind);
            }
            String analyzerCell = analyzerCol >= 0 ? cells.get(analyzerCol).replace("`", "") : "";
            String analyzer = analyzerCell.isBlank() || analyzerCell.equalsIgnoreCase("same") ? lastAnalyzer
                    : analyzerCell;
            lastAnalyzer = analyzer;
            for (List<Path> fixtures : groups) {
                if (fixtures.isEmpty()) {
                    continue; // a row about something that is not a fixture file (a Go-only test, a retired code)
                }
                rows.add(new Row(section, cells.get(0), fixtures, analyzer, expected, i + 1));
                lastFixtures = fixtures;
            }
            currentFixtureExpected.addAll(expected);
        }
        return rows;
    }

    private static List<String> cells(String line) {
        String body = line.trim();
        body = body.substring(1, body.endsWith("|") ? body.length() - 1 : body.length());
        List<String> out = new ArrayList<>();
        for (String c : body.split("\\|", -1)) {
            out.add(c.trim());
        }
        return out;
    }

    /** The fixture groups of a cell: {@code a.yaml + b.yaml} is one group loaded together, {@code a.yaml, b.yaml} two. */
    private static List<List<Path>> fixtures(String cell, List<Path> dirs) throws IOException {
        List<List<Path>> groups = new ArrayList<>();
        for (String group : cell.replaceAll("\\(.*?\\)", "").split(",")) {
            List<Path> out = new ArrayList<>();
            for (String part : group.split("\\+")) {
                String name = part.replace("`", "").trim();
                Path found = name.endsWith(".yaml") ? resolve(name, dirs) : null;
                if (found != null) {
                    out.add(found);
                }
            }
            groups.add(out);
        }
        return groups;
    }

    private static Path resolve(String name, List<Path> dirs) throws IOException {
        boolean suffix = name.startsWith("…");
        String bare = suffix ? name.substring(1) : name;
        for (Path dir : dirs) {
            if (!suffix && Files.isRegularFile(dir.resolve(bare))) {
                return dir.resolve(bare);
            }
            if (suffix && Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    List<Path> m = files.filter(f -> f.getFileName().toString().endsWith(bare)).sorted().toList();
                    if (m.size() == 1) {
                        return m.get(0);
                    }
                }
            }
        }
        return null;
    }

    /**
     * The expected findings in one cell: a code applies to the origins that follow it, up to the next code; codes
     * joined by {@code +} share the origins; commentary (parentheses, an em dash, a second sentence) is dropped.
     */
    static List<Expected> expectations(String cell, String defaultKind) {
        String text = cell.replaceAll("\\(.*?\\)", " ").replaceAll("\\*\\*", "");
        int dash = text.indexOf(" — ");
        text = dash >= 0 ? text.substring(0, dash) : text;
        text = firstSentenceWithACode(text);
        List<Expected> out = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        boolean originSeen = false;
        int pendingCount = 1;
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                if (originSeen) {
                    codes.clear();
                    originSeen = false;
                }
                codes.add(m.group(1));
            } else if (m.group(2) != null) {
                Matcher o = ORIGIN.matcher(m.group(2).trim());
                if (codes.isEmpty() || !o.matches()) {
                    continue;
                }
                originSeen = true;
                String kind = o.group(1) != null ? o.group(1) : defaultKind;
                for (String code : codes) {
                    out.add(new Expected(code, kind, o.group(2), o.group(3), pendingCount));
                }
                pendingCount = 1;
            } else {
                int n = Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(4));
                if (m.group(3) != null && !out.isEmpty()) {
                    // "origin ×2": applies to what was just read
                    for (int k = out.size() - codes.size(); k < out.size(); k++) {
                        Expected e = out.get(k);
                        out.set(k, new Expected(e.code(), e.kind(), e.namespace(), e.name(), n));
                    }
                } else {
                    pendingCount = n; // "2× KIA1107": applies to what follows
                }
            }
        }
        if (!codes.isEmpty() && !originSeen) {
            // "2× KIA1107 at spec/http[0]/...": the resource is the one the section tests
            for (String code : codes) {
                out.add(new Expected(code, defaultKind, null, null, pendingCount));
            }
        }
        return out;
    }

    /** The first sentence (ended by {@code ". "} outside backticks) that names a code; the rest is commentary. */
    private static String firstSentenceWithACode(String text) {
        int start = 0;
        Matcher m = Pattern.compile("`[^`]*`|\\.\\s").matcher(text);
        while (true) {
            int end = text.length();
            while (m.find()) {
                if (!m.group().startsWith("`")) {
                    end = m.start();
                    break;
                }
            }
            String sentence = text.substring(start, end);
            if (Pattern.compile("(?:IST|KIA)\\d{4}").matcher(sentence).find() || end == text.length()) {
                return sentence;
            }
            start = Math.min(end + 2, text.length());
        }
    }
}
