package io.gwctl.renderers.findings;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares output with a golden file under {@code src/test/resources/golden/findings}; {@code
 * -Dgwctl.update-golden=true} rewrites the file instead, and a mismatch fails with a unified diff.
 */
final class Golden {
    private static final Path DIR = Path.of(System.getProperty("gwctl.root.dir", ".."))
            .resolve("renderers/src/test/resources/golden/findings");

    private Golden() {
    }

    /** Renders {@code report} in {@code format} with {@code options}. */
    static String render(FindingsFormat format, io.gwctl.model.finding.ValidationReport report, RenderOptions options) {
        StringWriter out = new StringWriter();
        try {
            format.renderer().render(report, options, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("gwctl.update-golden")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("golden file " + file + " is missing; run with -Dgwctl.update-golden=true and review it");
        }
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail("output differs from " + file + " (-expected +actual):\n" + diff(expected, actual));
        }
    }

    /** A unified-style line diff (LCS); the inputs are small. */
    static String diff(String expected, String actual) {
        List<String> a = List.of(expected.split("\n", -1));
        List<String> b = List.of(actual.split("\n", -1));
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                lines.add(" " + a.get(i++));
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                lines.add("+" + b.get(j++));
            } else {
                lines.add("-" + a.get(i++));
            }
        }
        return String.join("\n", lines);
    }
}
