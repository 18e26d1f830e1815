package io.gwctl.cli.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.GwctlException;
import io.gwctl.model.ResourceRef;
import io.gwctl.model.finding.Baseline;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Location;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.finding.ValidationReport;
import io.gwctl.renderers.findings.FindingsFormat;
import io.gwctl.renderers.findings.RenderOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the baseline of {@code gwctl validate --baseline/--write-baseline}: the {@code -o json} findings
 * document (docs/baseline.md). A baseline that cannot be used is one line naming it: exit 66 when it does not exist
 * or cannot be read (or {@code git show} cannot produce it), 65 when it is not JSON or not a findings document.
 */
final class BaselineFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BaselineFile() {
    }

    /** The baseline in {@code file}. */
    static Baseline read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new GwctlException(ExitCodes.NO_INPUT, file + ": baseline file not found");
        } catch (IOException e) {
            throw new GwctlException(ExitCodes.NO_INPUT, file + ": cannot read baseline file: " + e.getMessage(), e);
        }
        return parse(file.toString(), bytes);
    }

    /**
     * The baseline {@code file} held at {@code ref}: {@code git show REF:./NAME} run in the file's directory, so a
     * relative or absolute path both name the file of the work tree around it.
     */
    static Baseline readAt(String ref, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        String source = ref + ":" + file;
        if (ref.isBlank() || ref.startsWith("-")) {
            throw new GwctlException(ExitCodes.USAGE, "--baseline-ref: \"" + ref + "\" is not a git revision");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new GwctlException(ExitCodes.NO_INPUT, source + ": directory " + dir + " not found, so git cannot"
                    + " be asked for the file");
        }
        ProcessBuilder git = new ProcessBuilder("git", "show", ref + ":./" + absolute.getFileName())
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        try {
            Process p = git.start();
            byte[] out;
            byte[] err;
            try (InputStream stdout = p.getInputStream(); InputStream stderr = p.getErrorStream()) {
                out = stdout.readAllBytes();
                err = stderr.readAllBytes();
            }
            int exit = p.waitFor();
            if (exit != 0) {
                String why = firstLine(new String(err, StandardCharsets.UTF_8));
                throw new GwctlException(ExitCodes.NO_INPUT, source + ": git show failed"
                        + (why.isEmpty() ? " (exit " + exit + ")" : ": " + why));
            }
            return parse(source, out);
        } catch (IOException e) {
            throw new GwctlException(ExitCodes.NO_INPUT, source + ": cannot run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GwctlException(ExitCodes.NO_INPUT, source + ": interrupted while running git", e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return (nl < 0 ? t : t.substring(0, nl)).strip();
    }

    /**
     * The baseline in {@code bytes}, read from {@code source} (named in errors). Streamed one finding at a time: a
     * baseline of a large repository (55,000 findings, 47 MB) never becomes one JSON tree in memory.
     */
    static Baseline parse(String source, byte[] bytes) {
        List<Finding> findings = new ArrayList<>();
        boolean sawFindings = false;
        try (JsonParser p = JSON.getFactory().createParser(bytes)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals("findings") && value == JsonToken.START_ARRAY && !sawFindings) {
                        sawFindings = true;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            JsonNode n = JSON.readTree(p);
                            findings.add(finding(source, "findings[" + findings.size() + "]", n));
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
            // Read to the end: a document cut short is invalid JSON, not a shorter baseline.
            while (p.nextToken() != null) {
                p.skipChildren();
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + " column "
                    + e.getLocation().getColumnNr();
            throw new GwctlException(ExitCodes.DATA_ERROR, source + ": not a gwctl baseline: invalid JSON" + where, e);
        } catch (IOException e) {
            throw new GwctlException(ExitCodes.DATA_ERROR, source + ": not a gwctl baseline: " + e.getMessage(), e);
        }
        if (!sawFindings) {
            throw notBaseline(source, "no \"findings\" array (write one with gwctl validate --write-baseline FILE)");
        }
        return new Baseline(findings);
    }

    private static Finding finding(String source, String at, JsonNode n) {
        if (!n.isObject()) {
            throw notBaseline(source, at + " is not an object");
        }
        String code = text(source, at, n, "code", true);
        String message = text(source, at, n, "message", true);
        String level = text(source, at, n, "severity", true);
        Severity severity = Severity.parse(level);
        if (severity == null) {
            throw notBaseline(source, at + ".severity \"" + level + "\" is not Error, Warning or Info");
        }
        JsonNode r = n.path("resource");
        ResourceRef resource = null;
        if (r.isObject()) {
            String ns = text(source, at + ".resource", r, "namespace", false);
            resource = new ResourceRef(text(source, at + ".resource", r, "kind", true), ns == null ? "" : ns,
                    text(source, at + ".resource", r, "name", true));
        } else if (!r.isNull() && !r.isMissingNode()) {
            throw notBaseline(source, at + ".resource is not an object");
        }
        JsonNode o = n.path("origin");
        Location location = Location.NONE;
        if (o.isObject()) {
            String file = text(source, at + ".origin", o, "file", false);
            String field = text(source, at + ".origin", o, "field", false);
            location = new Location(file == null ? "" : file, o.path("line").asInt(0), o.path("column").asInt(0),
                    field == null ? "" : field);
        }
        List<String> aliases = new ArrayList<>();
        n.path("aliases").forEach(a -> aliases.add(a.asText()));
        String hint = text(source, at, n, "hint", false);
        return new Finding(code, severity, aliases, resource, location, message, hint);
    }

    /** A text field: required ones must be a non-empty string, optional ones a string or null. */
    private static String text(String source, String at, JsonNode n, String name, boolean required) {
        JsonNode v = n.path(name);
        if (v.isTextual() && !(required && v.asText().isEmpty())) {
            return v.asText();
        }
        if (!required && (v.isNull() || v.isMissingNode())) {
            return null;
        }
        throw notBaseline(source, at + "." + name + (v.isMissingNode() || v.isNull() ? " is missing" : " is not text"));
    }

    private static GwctlException notBaseline(String source, String why) {
        return new GwctlException(ExitCodes.DATA_ERROR, source + ": not a gwctl baseline: " + why);
    }

    /**
     * Writes {@code report} (every finding of the run, whatever the output threshold) to {@code file} as the
     * {@code -o json} document; exit 74 when it cannot be written.
     */
    static void write(Path file, ValidationReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            FindingsFormat.JSON.renderer().render(report, RenderOptions.plain(), w);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        try {
            Files.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new GwctlException(ExitCodes.IO_ERROR, file + ": cannot write baseline file: " + e, e);
        }
    }
}
