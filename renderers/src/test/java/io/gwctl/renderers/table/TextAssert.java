package io.gwctl.renderers.table;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Byte-exact text comparison that fails with a unified diff (trailing spaces shown as '·'), and fixture lookup. */
public final class TextAssert {

    private TextAssert() {
    }

    /** The istioctl printer fixtures, or a visible skip when {@code ../shared/conformance} is absent. */
    static Path printerFixtures() {
        Path dir = Path.of(System.getProperty("gwctl.shared.dir", "../shared"), "conformance", "istioctl-printer");
        assumeTrue(Files.isDirectory(dir), "../shared/conformance absent: " + dir + " (istioctl printer fixtures)");
        return dir;
    }

    static void assertSameText(String expected, String actual) {
        if (!expected.equals(actual)) {
            fail("text differs (--- expected, +++ actual; '·' marks trailing spaces, '$' ends a line):\n"
                    + unifiedDiff(expected, actual));
        }
    }

    /** Line diff of two texts: '  ' same, '- ' only expected, '+ ' only actual; trailing spaces visible. */
    public static String unifiedDiff(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                out.add("  " + show(a[i++]));
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.add("+ " + show(b[j++]));
            } else {
                out.add("- " + show(a[i++]));
            }
        }
        return String.join("\n", out);
    }

    private static String show(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return line.substring(0, end) + "·".repeat(line.length() - end) + "$";
    }
}
