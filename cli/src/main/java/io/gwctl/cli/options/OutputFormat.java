package io.gwctl.cli.options;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code -o/--output} value of a command, converted to that command's format enum: the enum is the only list of
 * format names, so help ({@link #DESCRIPTION}), completion and the error for a bad value all come from it. Each
 * command subclasses this once for its enum and names the subclass as the option's converter and completion
 * candidates.
 *
 * @param <E> the command's format enum; users type its constants in lower case ({@link #cliName})
 */
public abstract class OutputFormat<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {
    /** The option's help: the names and the default, filled in by picocli from the enum. */
    public static final String DESCRIPTION = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).";

    private final Class<E> type;

    protected OutputFormat(Class<E> type) {
        this.type = type;
    }

    /** {@code text}, {@code json}, ...: the name users type after {@code -o}. */
    public static String cliName(Enum<?> format) {
        return format.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format named {@code value}, case-insensitively.
     *
     * @throws TypeConversionException naming the valid values; picocli turns it into a usage error (exit 64)
     */
    @Override
    public E convert(String value) {
        for (E f : type.getEnumConstants()) {
            if (cliName(f).equalsIgnoreCase(value)) {
                return f;
            }
        }
        throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", this));
    }

    /** The names in declaration order, for help and completion. */
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(type.getEnumConstants()).map(OutputFormat::cliName)
                .collect(Collectors.toList()).iterator();
    }
}
