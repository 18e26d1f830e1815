package io.gwctl.cli.options;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * kubectl's {@code --request-timeout} syntax: a number with a unit ({@code 500ms}, {@code 5s}, {@code 1m},
 * {@code 1h}, also combined as Go writes them, {@code 1m30s}), a bare number of seconds, or {@code 0} for no limit.
 */
public final class RequestTimeoutConverter implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    @Override
    public Duration convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        Matcher m = PART.matcher(v);
        long millis = 0;
        int at = 0;
        while (m.find() && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            millis += (long) (n * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1000;
                case "m" -> 60_000;
                default -> 3_600_000;
            });
            at = m.end();
        }
        if (at == 0 || at != v.length()) {
            throw new TypeConversionException("invalid timeout '" + value + "': use a duration such as 0, 5s, 1m or"
                    + " 1h (0 means no limit)");
        }
        return Duration.ofMillis(millis);
    }
}
