package io.gwctl.cli.options;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code -o/--output} format; each command states its allowed values and default via {@link #format}, so one
 * mixin serves {@code proxy-config} (short|json|yaml) and {@code validate} (text|json|yaml|sarif|junit|github).
 */
public final class OutputOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
            description = "Output format (each command lists its formats).")
    private String output;

    /**
     * Rewrites the -o option of {@code spec} to name the command's formats and default, in help and completion;
     * called from each command's {@link picocli.CommandLine.IModelTransformer}.
     */
    public static CommandSpec describe(CommandSpec spec, List<String> formats, String dflt) {
        OptionSpec o = spec.findOption("--output");
        spec.remove(o);
        spec.addOption(OptionSpec.builder(o)
                .description("Output format: " + String.join(", ", formats) + " (default: " + dflt + ").")
                .completionCandidates(formats)
                .build());
        return spec;
    }

    /** True when -o was given. */
    public boolean given() {
        return output != null;
    }

    /**
     * The chosen format, lower-cased, or {@code dflt} when -o was not given.
     *
     * @throws ParameterException (exit 64) for a value not in {@code allowed}, with istioctl's wording
     */
    public String format(List<String> allowed, String dflt) {
        if (output == null) {
            return dflt;
        }
        String f = output.toLowerCase(Locale.ROOT);
        if (!allowed.contains(f)) {
            throw new ParameterException(mixee.commandLine(), "output format \"" + output + "\" not supported (choose "
                    + String.join(", ", allowed) + ")");
        }
        return f;
    }
}
