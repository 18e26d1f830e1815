package io.gwctl.validators;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.gwctl.model.finding.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The project configuration file {@code .gwctl.yaml}: rules turned off or given another severity, suppressions,
 * globs of input paths the loader leaves unread, and whether the input holds every Secret.
 *
 * <pre>
 * rules:
 *   GW0301: warning        # off | on | error | warning | info (a rule code or name)
 * suppress:
 *   - "GW0202=Gateway legacy/*"
 * ignorePaths:
 *   - "vendor/**"
 *   - "*.generated.yaml"
 * secrets: required        # every Secret is in the input: a credential Secret not in it is missing (GW0101)
 * </pre>
 *
 * The file is read by Jackson into {@link Document}: a key it does not have, a key given twice (at any level) and a
 * value of the wrong type are each refused with one line naming the file, the line and the key. {@code disabledRules}
 * and {@code severities} are keyed by what the file says (code or name); the {@link Validator} resolves names. Apply
 * it with {@link #applyTo(ValidateOptions)}; {@code ignorePaths} go to the loader
 * ({@code io.gwctl.model.load.Exclusions}), which matches them before it opens a file.
 */
public record GwctlConfig(Set<String> disabledRules, Map<String, Severity> severities, List<Suppression> suppressions,
                          List<String> ignorePaths, boolean requireSecrets) {
    /** The file name gwctl looks for. */
    public static final String FILE_NAME = ".gwctl.yaml";
    /** No configuration. */
    public static final GwctlConfig EMPTY = new GwctlConfig(Set.of(), Map.of(), List.of(), List.of());

    private static final String KEYS = "rules, suppress, ignorePaths, secrets";
    /** The reader of the file, made on first use: a run without {@value #FILE_NAME} does not start Jackson. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .registerModule(new SimpleModule("gwctl-config")
                        .addDeserializer(RuleSetting.class, new RuleSettingReader())
                        .addDeserializer(Suppression.class, new SuppressionReader())
                        .addDeserializer(Secrets.class, new SecretsReader()));

        private Mapper() {
        }
    }
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

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
     * The file as written: each key of {@code .gwctl.yaml} is a component, so a key that is not one is refused
     * (FAIL_ON_UNKNOWN_PROPERTIES); a key without a value is null.
     */
    record Document(Map<String, RuleSetting> rules, List<Suppression> suppress, List<String> ignorePaths,
                    Secrets secrets) {
    }

    /** One value under {@code rules:}: off, on (the default severity), or a severity. */
    record RuleSetting(boolean off, Severity severity) {
    }

    /** {@code secrets:}: whether the input holds every Secret the gateways read. */
    enum Secrets { REQUIRED, OPTIONAL }

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
    public static GwctlConfig parse(String name, Reader reader) throws IOException {
        // A configuration file is small: kept as text to find the line of a key Jackson names without one.
        String text = new BufferedReader(reader).lines().collect(Collectors.joining("\n", "", "\n"));
        Document d;
        try (JsonParser p = Mapper.MAPPER.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return EMPTY;
            }
            d = Mapper.MAPPER.readValue(p, Document.class);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException(name + ":" + p.currentTokenLocation().getLineNr()
                        + ": expected one YAML document");
            }
        } catch (UnrecognizedPropertyException e) {
            // Jackson reads past the value of an unknown key before it says so: the line is the key's own.
            throw new IllegalArgumentException(name + ":" + keyLine(text, e.getPropertyName(), e.getLocation())
                    + ": unknown key \"" + e.getPropertyName() + "\" (expected " + KEYS + ")", e);
        } catch (JsonProcessingException e) {
            String duplicate = duplicate(e);
            StreamReadException syntax = syntax(e);
            throw new IllegalArgumentException(name + ":" + line(e.getLocation()) + ": " + (duplicate != null
                    ? duplicate : syntax != null || !(e instanceof DatabindException db) ? describeSyntax(syntax != null
                    ? syntax : e) : describe(db)), e);
        }
        return of(d);
    }

    private static GwctlConfig of(Document d) {
        Set<String> disabled = new LinkedHashSet<>();
        Map<String, Severity> severities = new LinkedHashMap<>();
        if (d.rules() != null) {
            d.rules().forEach((rule, setting) -> {
                if (setting != null && setting.off()) {
                    disabled.add(rule);
                } else if (setting != null && setting.severity() != null) {
                    severities.put(rule, setting.severity());
                }
            });
        }
        return new GwctlConfig(disabled, severities, nonNull(d.suppress()), nonNull(d.ignorePaths()),
                d.secrets() == Secrets.REQUIRED);
    }

    private static <T> List<T> nonNull(Collection<T> values) {
        List<T> out = new ArrayList<>();
        if (values != null) {
            values.stream().filter(v -> v != null).forEach(out::add);
        }
        return out;
    }

    private static int line(JsonLocation at) {
        return at == null ? 0 : at.getLineNr();
    }

    /** The line of the top-level key {@code key} in {@code text}; {@code fallback}'s when not found. */
    private static int keyLine(String text, String key, JsonLocation fallback) {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                } else if (t == JsonToken.FIELD_NAME && depth == 1 && key.equals(p.currentName())) {
                    return p.currentTokenLocation().getLineNr();
                }
            }
        } catch (IOException e) {
            // the text parsed once already; keep Jackson's line
        }
        return line(fallback);
    }

    /** One phrase for a value that does not fit {@link Document}, led by the key it is under. */
    private static String describe(DatabindException e) {
        String path = path(((JsonMappingException) e).getPath());
        String what;
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            Class<?> type = m.getTargetType();
            what = type == Document.class ? "expected a mapping with keys " + KEYS
                    : Map.class.isAssignableFrom(type) ? "expected a mapping of rule code to off, on, error, warning"
                            + " or info"
                    : Collection.class.isAssignableFrom(type) ? "expected a list of strings"
                    : "expected a string";
        } else {
            what = e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ");
        }
        return path.isEmpty() ? what : path + ": " + what;
    }

    /** {@code rules.GW0301}, {@code suppress[1]}: where in the file a value is. */
    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() > 0 ? "." : "").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * {@code duplicate key "rules.GW0301"} for a key given twice (STRICT_DUPLICATE_DETECTION), with the keys around
     * it as the mapper's path says; null for any other error.
     */
    private static String duplicate(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException j && j.getOriginalMessage() != null) {
                Matcher m = DUPLICATE.matcher(j.getOriginalMessage());
                if (m.lookingAt()) {
                    String path = e instanceof JsonMappingException jm ? path(jm.getPath()) : "";
                    return "duplicate key \"" + (path.isEmpty() ? "" : path + ".") + m.group(1) + "\"";
                }
            }
        }
        return null;
    }

    /** The parser's own error inside a mapping error (the mapper wraps it with the path it was reading). */
    private static StreamReadException syntax(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException s) {
                return s;
            }
        }
        return null;
    }

    /** A YAML syntax error. */
    private static String describeSyntax(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? String.valueOf(e) : e.getOriginalMessage();
        return "not valid YAML: " + message.replaceAll("\\s*\\R\\s*", " ");
    }

    /** A value this class's readers refuse, with a message that says what was expected. */
    private static final class Refused extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        Refused(JsonParser p, String message) {
            super(p, message, p.currentTokenLocation());
        }
    }

    private static JsonMappingException refuse(JsonParser p, String message) {
        return new Refused(p, message);
    }

    /** off, on, or a severity; YAML 1.1 reads a bare off/on as a boolean. */
    private static final class RuleSettingReader extends JsonDeserializer<RuleSetting> {
        @Override
        public RuleSetting deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            String setting = t == JsonToken.VALUE_FALSE ? "off" : t == JsonToken.VALUE_TRUE ? "on"
                    : t.isScalarValue() ? p.getText().trim().toLowerCase(Locale.ROOT) : null;
            if (setting == null) {
                throw refuse(p, "expected off, on, error, warning or info");
            }
            switch (setting) {
                case "off", "false", "disabled", "none" -> {
                    return new RuleSetting(true, null);
                }
                case "on", "true", "enabled" -> {
                    return new RuleSetting(false, null);
                }
                default -> {
                    Severity s = Severity.parse(setting);
                    if (s == null) {
                        throw refuse(p, "\"" + p.getText() + "\" is not one of off, on, error, warning, info");
                    }
                    return new RuleSetting(false, s);
                }
            }
        }
    }

    /** A suppression in the {@code -S} syntax. */
    private static final class SuppressionReader extends JsonDeserializer<Suppression> {
        @Override
        public Suppression deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                throw refuse(p, "expected a string");
            }
            try {
                return Suppression.parse(p.getText());
            } catch (IllegalArgumentException e) {
                throw refuse(p, e.getMessage());
            }
        }
    }

    /** required or optional. */
    private static final class SecretsReader extends JsonDeserializer<Secrets> {
        @Override
        public Secrets deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String v = p.currentToken().isScalarValue() ? p.getText().trim() : "";
            return switch (v) {
                case "required" -> Secrets.REQUIRED;
                case "optional" -> Secrets.OPTIONAL;
                default -> throw refuse(p, "expected required or optional");
            };
        }
    }

    /** {@code base} with this file's rule settings and suppressions added. */
    public ValidateOptions applyTo(ValidateOptions base) {
        ValidateOptions o = base.withDisabledRules(disabledRules).withSeverityOverrides(severities)
                .withSuppressions(suppressions);
        return requireSecrets ? o.withRequireSecrets(true) : o;
    }
}
