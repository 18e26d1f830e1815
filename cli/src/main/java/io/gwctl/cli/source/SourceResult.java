package io.gwctl.cli.source;

import io.gwctl.model.Snapshot;
import io.gwctl.model.load.LoadProblem;
import java.util.List;

/**
 * What a {@link SnapshotSource} read: the snapshot; {@code problems}, the input problems (printed as
 * {@code FILE:LINE:COL: message} lines, {@link #errors()}; reported as GW0001 findings by validate); how many files
 * had errors; the exit code those errors imply (65, 66 or 0);
 * {@code warnings}, lines about checks that will have less to work with (a forbidden Secret list);
 * {@code details}, counts shown with -v (skipped files and kinds); the inputs as the user named them; and, for
 * a cluster, the namespace the user is looking at (-n, else the context's), null for files; and, when the input
 * held nothing gwctl reads, what it did hold ({@code seen}, e.g. "3 files read, 4 objects of kinds gwctl does not
 * read: …"), null otherwise.
 */
public record SourceResult(Snapshot snapshot, List<LoadProblem> problems, int filesWithErrors, int exitCode,
                           List<String> warnings, List<String> details, List<String> inputs, String namespace,
                           String seen) {
    public SourceResult(Snapshot snapshot, List<LoadProblem> problems, int filesWithErrors, int exitCode,
                        List<String> warnings, List<String> details, List<String> inputs, String namespace) {
        this(snapshot, problems, filesWithErrors, exitCode, warnings, details, inputs, namespace, null);
    }

    public SourceResult {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        details = List.copyOf(details);
        inputs = List.copyOf(inputs);
    }

    /** One printable line per input problem: {@code FILE:LINE:COL: message}, not yet escaped. */
    public List<String> errors() {
        return problems.stream().map(LoadProblem::format).toList();
    }
}
