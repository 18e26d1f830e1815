package io.gwctl.renderers.findings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The chart files {@code helm template} names in its {@code # Source: chart/templates/x.yaml} comments, by line of
 * its output: a finding on standard input is reported at the template it came from, which is a file of the
 * repository, rather than at a stream that code scanning cannot place. Built once in one pass over the text; each
 * lookup is a binary search over the documents.
 */
public final class HelmSources {
    /** No input on standard input, or none with Helm comments. */
    public static final HelmSources NONE = new HelmSources(new int[0], new String[0]);

    private static final String PREFIX = "# Source: ";

    /** The first line of each YAML document, ascending, and the file its Helm comment names (null: none). */
    private final int[] starts;
    private final String[] files;

    private HelmSources(int[] starts, String[] files) {
        this.starts = starts;
        this.files = files;
    }

    /** Reads the {@code # Source:} comment of each document of a multi-document YAML text. */
    public static HelmSources scan(String text) {
        List<Integer> starts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        starts.add(1);
        files.add(null);
        int line = 0;
        for (String l : text.split("\r?\n|\r", -1)) {
            line++;
            if (l.startsWith("---") && (l.length() == 3 || Character.isWhitespace(l.charAt(3)))) {
                if (line == 1) {
                    continue; // the usual leading separator opens the first document
                }
                starts.add(line);
                files.add(null);
            } else if (l.startsWith(PREFIX) && files.get(files.size() - 1) == null) {
                String file = l.substring(PREFIX.length()).strip();
                files.set(files.size() - 1, file.isEmpty() ? null : file);
            }
        }
        if (files.stream().allMatch(f -> f == null)) {
            return NONE;
        }
        return new HelmSources(starts.stream().mapToInt(Integer::intValue).toArray(), files.toArray(String[]::new));
    }

    /** The chart file that the document holding {@code line} (1-based) was rendered from, if Helm named one. */
    public Optional<String> at(int line) {
        if (starts.length == 0 || line < 1) {
            return Optional.empty();
        }
        int i = Arrays.binarySearch(starts, line);
        int doc = i >= 0 ? i : -i - 2;
        // A separator line belongs to the document it opens; a line before any separator to the first document.
        return Optional.ofNullable(files[Math.max(doc, 0)]);
    }
}
