package io.gwctl.cli.validate;

import io.gwctl.cli.Environment;
import io.gwctl.model.finding.Baseline;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The baseline options of {@code gwctl validate} (docs/baseline.md): what to compare with and what to write. */
final class BaselineOptions {
    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Compare with the findings of an earlier run (its -o json output, or --write-baseline's"
                    + " file): those already there do not fail the run, are hidden in the text output and marked"
                    + " existing in the others (SARIF baselineState unchanged). See docs/baseline.md.")
    private String file;

    @Option(names = "--baseline-ref", paramLabel = "GIT_REF",
            description = "Read the --baseline file as it is at this git revision (git show GIT_REF:FILE), e.g."
                    + " origin/main: the findings of the target branch.")
    private String ref;

    @Option(names = "--show-baseline",
            description = "With --baseline, also print the existing findings in the text output, marked [existing].")
    private boolean show;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Also write every finding of this run (whatever --output-threshold) to FILE as a baseline"
                    + " for --baseline.")
    private String writeTo;

    /** True when the text output lists the existing findings too. */
    boolean show() {
        return show;
    }

    /** The file --write-baseline names, or null. */
    String writeTo() {
        return writeTo;
    }

    /**
     * The --baseline file (as it is at --baseline-ref when given), or null without --baseline. The command reads it
     * before anything else, so that a bad one ends the run with its one line.
     */
    Baseline read(Environment env, CommandSpec spec) {
        if (file == null) {
            if (ref != null) {
                throw new ParameterException(spec.commandLine(), "--baseline-ref needs --baseline FILE: the path of"
                        + " the baseline file in the repository");
            }
            return null;
        }
        Path path = env.fileSystem().getPath(file);
        return ref == null ? BaselineFile.read(path) : BaselineFile.readAt(ref, path);
    }
}
