package io.gwctl.validators;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gwctl.model.finding.Severity;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The project configuration file {@code .gwctl.yaml}: rules turned off or given another severity, suppressions,
 * and globs of input paths to ignore.
 *
 * <pre>
 * rules:
 *   GW0301: warning        # off | error | warning | info (a rule code or name)
 * suppress:
 *   - "GW0202=Gateway legacy/*"
 * ignorePaths:
 *   - "vendor/**"
 *   - "*.generated.yaml"
 * secrets: required        # every Secret is in the input: a credential Secret not in it is missing (GW0101)
 * </pre>
 *
 * {@code disabledRules} and {@code severities} are keyed by what the file says (code or name); the
 * {@link Validator} resolves names. Apply it with {@link #applyTo(ValidateOptions)}; the CLI filters its input files
 * with {@link #isIgnored(String)}.
 */
public record GwctlConfig(Set<String> disabledRules, Map<String, Severity> severities, List<Suppression> suppressions,
                          List<String> ignorePaths, boolean requireSecrets) {
    /** The file name gwctl looks for. */
    public static final String FILE_NAME = ".gwctl.yaml";
    /** No configuration. */
    public static final GwctlConfig EMPTY = new GwctlConfig(Set.of(), Map.of(), List.of(), List.of());

    /** A configuration that does not require Secrets in the input. */
    public GwctlConfig(Set<String> disabledRules, Map<String, Severity> severities, List<Suppression> suppressions,
                       List<String> ignorePaths) {
        this(disabledRules, severities, suppressions, ignorePaths, false);
    }

    public GwctlConfig {
        disabledRules = Set.copyOf(disabledRules);
        severities = Map.copyOf(severities);
        suppressions = List.copyOf(suppressions);
        ignorePaths = List.copyOf(ignorePaths);
    }

    /**
     * Reads a configuration file.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it is not a valid configuration, with {@code file:line: what} as message
     */
    public static GwctlConfig load(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), r);
        }
    }

    /** Parses configuration text; {@code name} is used in error messages. */
    public static GwctlConfig parse(String name, Reader text) throws IOException {
        Set<String> disabled = new LinkedHashSet<>();
        Map<String, Severity> severities = new LinkedHashMap<>();
        List<Suppression> suppressions = new ArrayList<>();
        List<String> ignore = new ArrayList<>();
        boolean requireSecrets = false;
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null || t == JsonToken.VALUE_NULL) {
                return EMPTY;
            }
            if (t != JsonToken.START_OBJECT) {
                throw error(name, p, "expected a mapping with keys rules, suppress, ignorePaths, secrets");
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation keyAt = p.currentLocation();
                p.nextToken();
                switch (key) {
                    case "rules" -> readRules(name, p, disabled, severities);
                    case "suppress" -> {
                        for (Located s : readStrings(name, p, key)) {
                            try {
                                suppressions.add(Suppression.parse(s.value));
                            } catch (IllegalArgumentException e) {
                                throw new IllegalArgumentException(name + ":" + s.line + ": " + e.getMessage(), e);
                            }
                        }
                    }
                    case "ignorePaths" -> {
                        for (Located s : readStrings(name, p, key)) {
                            ignore.add(s.value);
                        }
                    }
                    case "secrets" -> {
                        String v = p.currentToken().isScalarValue() ? p.getText().trim() : "";
                        if (!v.equals("required") && !v.equals("optional")) {
                            throw error(name, p, "secrets: expected required or optional");
                        }
                        requireSecrets = v.equals("required");
                    }
                    default -> throw new IllegalArgumentException(name + ":" + keyAt.getLineNr() + ": unknown key \""
                            + key + "\" (expected rules, suppress, ignorePaths, secrets)");
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(name + (at != null ? ":" + at.getLineNr() : "") + ": not valid YAML: "
                    + e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " "), e);
        }
        return new GwctlConfig(disabled, severities, suppressions, ignore, requireSecrets);
    }

    private static void readRules(String name, JsonParser p, Set<String> disabled, Map<String, Severity> severities)
            throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw error(name, p, "rules: expected a mapping of rule code to off|error|warning|info");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String rule = p.currentName();
            JsonToken v = p.nextToken();
            // YAML 1.1 reads a bare off/on as a boolean.
            String setting = v == JsonToken.VALUE_FALSE ? "off" : v == JsonToken.VALUE_TRUE ? "on"
                    : v.isScalarValue() ? p.getText().trim().toLowerCase(Locale.ROOT) : null;
            if (setting == null) {
                throw error(name, p, "rules." + rule + ": expected off, on, error, warning or info");
            }
            switch (setting) {
                case "off", "false", "disabled", "none" -> disabled.add(rule);
                case "on", "true", "enabled" -> { }
                default -> {
                    Severity s = Severity.parse(setting);
                    if (s == null) {
                        throw error(name, p, "rules." + rule + ": \"" + p.getText()
                                + "\" is not one of off, on, error, warning, info");
                    }
                    severities.put(rule, s);
                }
            }
        }
    }

    private record Located(String value, int line) {
    }

    private static List<Located> readStrings(String name, JsonParser p, String key) throws IOException {
        List<Located> out = new ArrayList<>();
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return out;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error(name, p, key + ": expected a list of strings");
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (!t.isScalarValue()) {
                throw error(name, p, key + ": expected a list of strings");
            }
            out.add(new Located(p.getText(), p.currentLocation().getLineNr()));
        }
        return out;
    }

    private static IllegalArgumentException error(String name, JsonParser p, String message) {
        return new IllegalArgumentException(name + ":" + p.currentLocation().getLineNr() + ": " + message);
    }

    /** {@code base} with this file's rule settings and suppressions added. */
    public ValidateOptions applyTo(ValidateOptions base) {
        ValidateOptions o = base.withDisabledRules(disabledRules).withSeverityOverrides(severities)
                .withSuppressions(suppressions);
        return requireSecrets ? o.withRequireSecrets(true) : o;
    }

    /**
     * True when an input path (relative to the configuration's directory, {@code /}-separated) matches an
     * {@code ignorePaths} glob: a glob with a {@code /} must match the whole path or one of its parent directories;
     * one without must match a single path segment ({@code vendor}, {@code *.generated.yaml}), as in .gitignore.
     */
    public boolean isIgnored(String path) {
        if (ignorePaths.isEmpty()) {
            return false;
        }
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        String[] segments = p.split("/");
        for (String pattern : ignorePaths) {
            String pat = pattern.startsWith("./") ? pattern.substring(2) : pattern;
            if (pat.endsWith("/")) {
                pat = pat.substring(0, pat.length() - 1);
            }
            Glob g = Glob.path(pat);
            if (pat.indexOf('/') < 0) {
                for (String s : segments) {
                    if (g.matches(s)) {
                        return true;
                    }
                }
                continue;
            }
            StringBuilder prefix = new StringBuilder();
            for (String s : segments) {
                if (prefix.length() > 0) {
                    prefix.append('/');
                }
                prefix.append(s);
                if (g.matches(prefix.toString())) {
                    return true;
                }
            }
        }
        return false;
    }
}
