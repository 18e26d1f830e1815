package io.gwctl.cli.validate;

import io.gwctl.cli.Environment;
import io.gwctl.cli.options.EnumNames;

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

    /** The --color values: the constants in lower case. */
    static final class Names extends EnumNames<ColorMode> {
        Names() {
            super(ColorMode.class);
        }
    }
}
