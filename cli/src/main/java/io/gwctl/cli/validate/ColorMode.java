package io.gwctl.cli.validate;

import io.gwctl.cli.Environment;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --color auto|always|never}; auto colours only a terminal, and never with NO_COLOR or TERM=dumb. */
public enum ColorMode {
    AUTO, ALWAYS, NEVER;

    /**
     * Whether to emit ANSI colour: an explicit flag wins (no-color.org lets a flag override NO_COLOR); auto
     * needs a terminal on stdout, NO_COLOR unset or empty (no-color.org) and TERM not {@code dumb} (istioctl).
     */
    public boolean enabled(Environment env) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> env.stdoutIsTerminal() && isEmpty(env.variable("NO_COLOR"))
                    && !"dumb".equals(env.variable("TERM"));
        };
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    /** Parses the lower-case names, case-insensitively. */
    static final class Converter implements ITypeConverter<ColorMode> {
        @Override
        public ColorMode convert(String value) {
            for (ColorMode m : values()) {
                if (m.name().equalsIgnoreCase(value)) {
                    return m;
                }
            }
            throw new TypeConversionException("'" + value + "' is not one of auto, always, never");
        }
    }

    /** The values as typed, for help and completion. */
    static final class Candidates implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of(values()).stream().map(m -> m.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }
}
