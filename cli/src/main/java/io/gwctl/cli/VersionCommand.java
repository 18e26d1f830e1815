package io.gwctl.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gwctl.cli.options.EnumNames;
import io.gwctl.renderers.findings.JsonOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gwctl version}: the version (and commit, when the build recorded it), as text or JSON for scripts. */
@Command(name = "version", mixinStandardHelpOptions = true, usageHelpAutoWidth = false,
        description = {"Print the gwctl version (the same as gwctl --version), and the git commit it was built from"
                + " when the build recorded it."},
        footerHeading = "%nExamples:%n",
        footer = {"  gwctl version", "  gwctl version -o json   # {\"gwctl\": {\"version\": ..., \"commit\": ...}}"})
public final class VersionCommand implements Callable<Integer> {
    /** The -o values. */
    enum Format {
        /** {@code gwctl VERSION (commit C)}, the same line as --version; the default. */
        TEXT,
        /** {@code {"gwctl": {"version": ..., "commit": ...}}} for scripts. */
        JSON
    }

    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = Formats.class, completionCandidates = Formats.class, description = EnumNames.OUTPUT_HELP)
    private Format format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        BuildInfo info = GwctlCommand.buildInfo();
        if (format == Format.JSON) {
            JsonOutput.write(json(info), out);
        } else {
            out.println(info.line());
        }
        return ExitCodes.OK;
    }

    static ObjectNode json(BuildInfo info) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode gwctl = root.putObject("gwctl");
        gwctl.put("version", info.version());
        if (!info.commit().isEmpty()) {
            gwctl.put("commit", info.commit());
        }
        return root;
    }

    /** The -o values: {@link Format}'s constants. */
    static final class Formats extends EnumNames<Format> {
        Formats() {
            super(Format.class);
        }
    }
}
