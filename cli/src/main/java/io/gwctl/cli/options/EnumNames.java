package io.gwctl.cli.options;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The values of an option that takes one of an enum's constants, typed in lower case: each command's
 * {@code -o/--output} format, {@code --color}. The enum is the only list of the names, so help ({@code
 * ${COMPLETION-CANDIDATES}}), completion and the error for a bad value all come from it. Each enum gets one
 * subclass, named as the option's converter and completion candidates.
 *
 * @param <E> the enum; users type its constants in lower case ({@link #cliName})
 */
public abstract class EnumNames<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {
    /** The help of every {@code -o/--output}: the names and the default, filled in by picocli from the enum. */
    public static final String OUTPUT_HELP = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).";

    private final Class<E> type;

    protected EnumNames(Class<E> type) {
        this.type = type;
    }

    /** {@code text}, {@code json}, ...: the name users type. */
    public static String cliName(Enum<?> format) {
        return format.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant named {@code value}, case-insensitively.
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
        return Arrays.stream(type.getEnumConstants()).map(EnumNames::cliName)
                .collect(Collectors.toList()).iterator();
    }
}
