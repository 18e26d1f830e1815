package io.gwctl.renderers.findings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gwctl.model.ResourceRef;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Location;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.ValidationReport;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes findings as a SARIF 2.1.0 log (one run) for GitHub code scanning and other SARIF viewers: the rules that
 * ran as {@code tool.driver.rules}, one result per finding with its file region relative to {@code %SRCROOT%}, the
 * resource as a logical location, and a fingerprint that survives line shifts so alerts keep their identity.
 */
public final class SarifFindingsRenderer implements FindingsRenderer {
    /** The {@code $schema} every SARIF 2.1.0 log names. */
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The project's home, named as the tool's {@code informationUri}. */
    public static final String INFORMATION_URI = "https://github.com/gwctl/gwctl";
    /** The base URI id file locations are relative to (GitHub's convention). */
    public static final String SRCROOT = "%SRCROOT%";
    /** The {@code partialFingerprints} key; bump its version if the hashed fields ever change. */
    static final String FINGERPRINT_KEY = "gwctlFinding/v1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public void render(ValidationReport report, RenderOptions options, Writer out) throws IOException {
        List<Finding> findings = ReportFindings.ordered(report);
        List<RuleInfo> rules = rules(report, findings);
        Map<String, Integer> ruleIndex = new TreeMap<>();
        for (RuleInfo r : rules) {
            ruleIndex.put(r.code(), ruleIndex.size());
        }

        ObjectNode root = NODES.objectNode();
        root.put("$schema", SCHEMA_URI);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "gwctl");
        driver.put("version", options.toolVersion());
        driver.put("informationUri", INFORMATION_URI);
        ArrayNode ruleNodes = driver.putArray("rules");
        rules.forEach(r -> ruleNodes.add(rule(r)));
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        if (!report.notes().isEmpty()) {
            ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
            for (String note : report.notes()) {
                ObjectNode n = notifications.addObject();
                n.put("level", "note");
                n.putObject("message").put("text", note);
            }
        }
        if (options.baseDir() != null) {
            run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", directoryUri(options.baseDir()));
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : findings) {
            results.add(result(f, ruleIndex.get(f.code()), options.baseDir()));
        }
        run.put("columnKind", "unicodeCodePoints");
        JsonOutput.write(root, out);
    }

    /**
     * The rules that ran plus any code a finding carries that is not among them (the engine's own GW0000/GW0002),
     * sorted by code: every result needs a rule to point at.
     */
    private static List<RuleInfo> rules(ValidationReport report, List<Finding> findings) {
        Map<String, RuleInfo> byCode = ReportFindings.rulesByCode(report);
        for (Finding f : findings) {
            byCode.computeIfAbsent(f.code(),
                    c -> new RuleInfo(c, c, f.severity(), "gwctl check " + c, f.aliases(), Set.of()));
        }
        return new ArrayList<>(byCode.values());
    }

    private static ObjectNode rule(RuleInfo r) {
        ObjectNode o = NODES.objectNode();
        o.put("id", r.code());
        o.put("name", r.name());
        String summary = r.summary().endsWith(".") ? r.summary().substring(0, r.summary().length() - 1) : r.summary();
        o.putObject("shortDescription").put("text", summary);
        String aliases = r.aliases().isEmpty() ? ""
                : " Corresponds to " + String.join(", ", r.aliases()) + " (istioctl analyze / Kiali).";
        o.putObject("fullDescription").put("text", summary + "." + aliases);
        o.put("helpUri", INFORMATION_URI + "/blob/main/" + r.docPath());
        o.putObject("help").put("text", summary + "." + aliases + " See " + r.docPath() + " for examples.");
        o.putObject("defaultConfiguration").put("level", ReportFindings.sarifLevel(r.severity()));
        ArrayNode tags = o.putObject("properties").putArray("tags");
        r.aliases().forEach(tags::add);
        return o;
    }

    private static ObjectNode result(Finding f, int ruleIndex, Path baseDir) {
        ObjectNode o = NODES.objectNode();
        o.put("ruleId", f.code());
        o.put("ruleIndex", ruleIndex);
        o.put("level", ReportFindings.sarifLevel(f.severity()));
        o.putObject("message").put("text", f.hint().isBlank() ? f.message() : f.message() + "\nhint: " + f.hint());
        // SARIF puts the logical location (the resource) beside the physical one, inside locations[] (§3.28).
        ObjectNode location = NODES.objectNode();
        Optional<String> path = ReportFindings.relativePath(f, baseDir);
        if (path.isPresent()) {
            ObjectNode physical = location.putObject("physicalLocation");
            physical.set("artifactLocation", artifactLocation(path.get()));
            Location loc = ReportFindings.location(f);
            if (loc.line() > 0) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", loc.line());
                if (loc.column() > 0) {
                    region.put("startColumn", loc.column());
                }
            }
        }
        ResourceRef r = f.resource();
        if (r != null) {
            ObjectNode logical = location.putArray("logicalLocations").addObject();
            logical.put("name", r.name());
            logical.put("fullyQualifiedName", r.friendlyName());
            logical.put("kind", "resource");
        }
        if (!location.isEmpty()) {
            o.putArray("locations").add(location);
        }
        o.putObject("partialFingerprints").put(FINGERPRINT_KEY, fingerprint(f));
        return o;
    }

    /** A relative path under {@code %SRCROOT%}, or an absolute {@code file:} URI for files outside it. */
    private static ObjectNode artifactLocation(String path) {
        ObjectNode o = NODES.objectNode();
        if (path.startsWith("/")) {
            o.put("uri", Path.of(path).toUri().toASCIIString());
        } else {
            o.put("uri", encodePath(path));
            o.put("uriBaseId", SRCROOT);
        }
        return o;
    }

    /** Percent-encodes what a URI reference may not contain (spaces, %, non-ASCII); keeps the slashes. */
    private static String encodePath(String path) {
        try {
            String encoded = new URI(null, null, path, null).toASCIIString();
            // A first segment with ':' would read as a scheme: make it explicitly relative.
            int slash = encoded.indexOf('/');
            String first = slash < 0 ? encoded : encoded.substring(0, slash);
            return first.contains(":") ? "./" + encoded : encoded;
        } catch (URISyntaxException e) {
            return path;
        }
    }

    private static String directoryUri(Path dir) {
        String uri = dir.toAbsolutePath().normalize().toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /**
     * A hash of what identifies a finding independently of where lines moved: code, resource, field and message
     * (not the line, which shifts when unrelated YAML above it changes).
     */
    static String fingerprint(Finding f) {
        ResourceRef r = f.resource();
        String key = String.join("\u0000", f.code(), r == null ? "" : r.kind(),
                r == null || r.namespace() == null ? "" : r.namespace(), r == null ? "" : r.name(),
                ReportFindings.location(f).field() == null ? "" : ReportFindings.location(f).field(), f.message());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
