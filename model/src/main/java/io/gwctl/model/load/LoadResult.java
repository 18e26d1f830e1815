package io.gwctl.model.load;

import io.gwctl.model.Snapshot;
import java.util.List;

/**
 * The outcome of a load: every resource that could be read, every problem found on the way, counts, and notes on
 * what was left out without being wrong (a FIFO in a walked directory), one line each.
 */
public record LoadResult(Snapshot snapshot, List<LoadProblem> problems, LoadStats stats, List<String> notes) {
    public LoadResult {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public LoadResult(Snapshot snapshot, List<LoadProblem> problems, LoadStats stats) {
        this(snapshot, problems, stats, List.of());
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /**
     * 0 without problems; 65 when any input could not be parsed or was invalid (it wins: the data is bad); else 66
     * when a named input is missing or unreadable (STYLE.md §4, istioctl's sysexits).
     */
    public int exitCode() {
        int code = 0;
        for (LoadProblem p : problems) {
            int c = p.type().exitCode();
            if (c == 65) {
                return 65;
            }
            code = c;
        }
        return code;
    }
}
