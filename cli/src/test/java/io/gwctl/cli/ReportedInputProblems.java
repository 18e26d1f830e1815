package io.gwctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads back, from a {@code validate} run in any {@code -o} format, where it reports input problems: one
 * {@code FILE:LINE} per GW0001 finding (text: per {@code gwctl: FILE:LINE:COL:} line on stderr, since the text output
 * does not repeat them), each format parsed as its consumers parse it. {@link #onStderr} gives the same for the
 * stderr lines every format keeps, so a test can say that the report carries exactly the problems gwctl printed.
 */
final class ReportedInputProblems {
    static final String CODE = "GW0001";
    private static final Pattern STDERR = Pattern.compile("^gwctl: (.+?):(\\d+)(?::\\d+)?: ", Pattern.MULTILINE);
    private static final Pattern GITHUB = Pattern.compile("^::error file=([^,:]+),line=(\\d+)(?:,col=\\d+)?,title="
            + CODE + "::", Pattern.MULTILINE);
    private static final Pattern JUNIT_LINE = Pattern.compile("^(.+?):(\\d+) ", Pattern.MULTILINE);

    private ReportedInputProblems() {
    }

    /** {@code FILE:LINE} of each {@code gwctl: FILE:LINE:COL: message} line (problems without a line are left out). */
    static List<String> onStderr(String err) {
        List<String> out = new ArrayList<>();
        Matcher m = STDERR.matcher(err);
        while (m.find()) {
            out.add(m.group(1) + ":" + m.group(2));
        }
        return out;
    }

    /** {@code FILE:LINE} of each GW0001 finding with a line in the report {@code out} of format {@code format}. */
    static List<String> inReport(String format, Gwctl.Result r) {
        try {
            return switch (format) {
                case "text" -> onStderr(r.err());
                case "json" -> fromDocument(new ObjectMapper().readTree(r.out()));
                case "yaml" -> fromDocument(new YAMLMapper().readTree(r.out()));
                case "sarif" -> fromSarif(new ObjectMapper().readTree(r.out()));
                case "junit" -> fromJunit(r.out());
                case "github" -> fromGithub(r.out());
                default -> throw new IllegalArgumentException(format);
            };
        } catch (Exception e) {
            throw new AssertionError("cannot read -o " + format + " output: " + e + "\n" + r, e);
        }
    }

    private static List<String> fromDocument(JsonNode doc) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : doc.get("findings")) {
            JsonNode origin = f.get("origin");
            if (f.get("code").asText().equals(CODE) && origin.hasNonNull("line")) {
                out.add(origin.get("file").asText() + ":" + origin.get("line").asInt());
            }
        }
        return out;
    }

    private static List<String> fromSarif(JsonNode log) {
        List<String> out = new ArrayList<>();
        JsonNode run = log.get("runs").get(0);
        for (JsonNode result : run.get("results")) {
            JsonNode physical = result.path("locations").path(0).path("physicalLocation");
            if (!result.get("ruleId").asText().equals(CODE) || !physical.has("region")) {
                continue;
            }
            JsonNode artifact = physical.get("artifactLocation");
            URI uri = URI.create(artifact.get("uri").asText());
            if (artifact.has("uriBaseId")) {
                uri = URI.create(run.get("originalUriBaseIds").get(artifact.get("uriBaseId").asText()).get("uri")
                        .asText()).resolve(uri);
            }
            out.add(Path.of(uri) + ":" + physical.get("region").get("startLine").asInt());
        }
        return out;
    }

    private static List<String> fromJunit(String xml) throws Exception {
        List<String> out = new ArrayList<>();
        NodeList cases = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            NodeList failures = c.getElementsByTagName("failure");
            if (!c.getAttribute("name").startsWith(CODE + " ") || failures.getLength() == 0) {
                continue;
            }
            Matcher m = JUNIT_LINE.matcher(failures.item(0).getTextContent());
            while (m.find()) {
                out.add(m.group(1) + ":" + m.group(2));
            }
        }
        return out;
    }

    private static List<String> fromGithub(String log) {
        List<String> out = new ArrayList<>();
        Matcher m = GITHUB.matcher(log);
        while (m.find()) {
            String file = m.group(1).replace("%3A", ":").replace("%2C", ",").replace("%0D", "\r")
                    .replace("%0A", "\n").replace("%25", "%");
            out.add(Path.of(file).toAbsolutePath() + ":" + m.group(2));
        }
        return out;
    }
}
