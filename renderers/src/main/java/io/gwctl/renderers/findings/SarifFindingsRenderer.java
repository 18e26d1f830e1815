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
 * ran as {@code tool.driver.rules}, one result per finding with its file region relative to {@code %SRCROOT%} (the
 * repository's root), the resource as a logical location, and a fingerprint that survives line shifts so alerts
 * keep their identity.
 *
 * <p>A run compared with a baseline gives each result its {@code baselineState}: {@code unchanged} for a finding
 * already in the baseline, {@code new} for the others. The baseline's findings that are gone are not written as
 * {@code absent} results: a viewer that ignores {@code baselineState} would show them as alerts at places that no
 * longer have the problem (their count is in the JSON summary).
 *
 * <p>Code scanning rejects a result whose location has no {@code artifactLocation.uri}, so every result gets one:
 * a finding on standard input points at the chart template Helm's {@code # Source:} comment names, else at
 * {@value #STDIN_URI}; one on a cluster object at {@code cluster/NAMESPACE/KIND/NAME}; one on nothing in particular
 * at {@value #RUN_URI}. These pseudo-URIs are stable, so the alerts keep their identity from run to run.
 */
public final class SarifFindingsRenderer implements FindingsRenderer {
    /** The {@code $schema} every SARIF 2.1.0 log names. */
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    /** Where findings on standard input without a Helm {@code # Source:} comment are placed. */
    static final String STDIN_URI = "gwctl-stdin.yaml";
    /** Where findings on no file and no resource (an internal error) are placed. */
    static final String RUN_URI = "gwctl-run";
    /** The engine's codes that are not rules and have no page: a crashed rule (GW0000), a skipped check (GW0002). */
    private static final Set<String> WITHOUT_PAGE = Set.of("GW0000", ReportFindings.CHECK_SKIPPED);
    /** The kind of the engine's pseudo resource for findings about a rule (validators' Validator.RULE_KIND). */
    private static final String RULE_KIND = "Rule";
    /** The prefix of the pseudo-URIs of cluster objects. */
    static final String CLUSTER_URI = "cluster/";
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
        if (options.docsBaseUrl() != null) {
            driver.put("informationUri", options.docsBaseUrl() + "README.md");
        }
        ArrayNode ruleNodes = driver.putArray("rules");
        rules.forEach(r -> ruleNodes.add(rule(r, options.docsBaseUrl())));
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
        if (options.root() != null) {
            run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", directoryUri(options.root()));
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : findings) {
            ObjectNode result = result(f, ruleIndex.get(f.code()), options);
            if (report.baseline() != null) {
                result.put("baselineState", report.isExisting(f) ? "unchanged" : "new");
            }
            results.add(result);
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

    private static ObjectNode rule(RuleInfo r, String docsBaseUrl) {
        ObjectNode o = NODES.objectNode();
        o.put("id", r.code());
        o.put("name", r.name());
        String summary = r.summary().endsWith(".") ? r.summary().substring(0, r.summary().length() - 1) : r.summary();
        o.putObject("shortDescription").put("text", summary);
        String aliases = r.aliases().isEmpty() ? ""
                : " Corresponds to " + String.join(", ", r.aliases()) + " (istioctl analyze / Kiali).";
        o.putObject("fullDescription").put("text", summary + "." + aliases);
        boolean hasPage = !WITHOUT_PAGE.contains(r.code());
        if (docsBaseUrl != null && hasPage) {
            o.put("helpUri", docsBaseUrl + r.docPath());
        }
        o.putObject("help").put("text", summary + "." + aliases
                + (hasPage ? " See " + r.docPath() + " for examples." : ""));
        o.putObject("defaultConfiguration").put("level", ReportFindings.sarifLevel(r.severity()));
        ArrayNode tags = o.putObject("properties").putArray("tags");
        r.aliases().forEach(tags::add);
        return o;
    }

    private static ObjectNode result(Finding f, int ruleIndex, RenderOptions options) {
        ObjectNode o = NODES.objectNode();
        o.put("ruleId", f.code());
        o.put("ruleIndex", ruleIndex);
        o.put("level", ReportFindings.sarifLevel(f.severity()));
        o.putObject("message").put("text", f.hint().isBlank() ? f.message() : f.message() + "\nhint: " + f.hint());
        // SARIF puts the logical location (the resource) beside the physical one, inside locations[] (§3.28).
        ObjectNode location = NODES.objectNode();
        physicalLocation(f, options, location.putObject("physicalLocation"));
        ResourceRef r = f.resource();
        if (r != null) {
            ObjectNode logical = location.putArray("logicalLocations").addObject();
            logical.put("name", r.name());
            logical.put("fullyQualifiedName", r.friendlyName());
            logical.put("kind", "resource");
        }
        o.putArray("locations").add(location);
        o.putObject("partialFingerprints").put(FINGERPRINT_KEY, fingerprint(f));
        return o;
    }

    /**
     * The file and region of a finding: its file under the root, the Helm template of a standard input document
     * (no region: the lines are those of Helm's output, not of the template), or a pseudo-URI.
     */
    private static void physicalLocation(Finding f, RenderOptions options, ObjectNode physical) {
        Location loc = ReportFindings.location(f);
        Optional<String> path = ReportFindings.relativePath(f, options.baseDir(), options.root());
        boolean stdin = "-".equals(loc.file());
        Optional<String> template = stdin ? options.stdinSources().at(loc.line()) : Optional.empty();
        if (path.isPresent()) {
            physical.set("artifactLocation", artifactLocation(path.get()));
        } else if (template.isPresent()) {
            physical.set("artifactLocation", artifactLocation(template.get()));
            return;
        } else if (stdin) {
            physical.set("artifactLocation", artifactLocation(STDIN_URI));
        } else {
            physical.set("artifactLocation", artifactLocation(pseudoPath(f.resource())));
            return;
        }
        if (loc.line() > 0) {
            ObjectNode region = physical.putObject("region");
            region.put("startLine", loc.line());
            if (loc.column() > 0) {
                region.put("startColumn", loc.column());
            }
        }
    }

    /**
     * {@code cluster/NAMESPACE/KIND/NAME} ({@code cluster/KIND/NAME} when cluster-scoped); for the engine's findings
     * about a rule (GW0000, GW0002, on the pseudo resource {@code Rule GW0105}) {@code gwctl-run/GW0105}; for a
     * finding on nothing, {@value #RUN_URI}.
     */
    static String pseudoPath(ResourceRef r) {
        if (r == null) {
            return RUN_URI;
        }
        if (r.kind().equals(RULE_KIND)) {
            return RUN_URI + "/" + r.name();
        }
        String ns = r.namespace() == null || r.namespace().isEmpty() ? "" : r.namespace() + "/";
        return CLUSTER_URI + ns + r.kind() + "/" + r.name();
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
