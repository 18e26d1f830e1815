package io.gwctl.renderers.findings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gwctl.model.ResourceRef;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Location;
import io.gwctl.model.finding.ValidationReport;

/**
 * The document behind {@code -o json} and {@code -o yaml}: {@code findings}, {@code summary}, {@code notes}, with
 * fields in a fixed order (docs/output-formats.md) so that diffs of two runs are meaningful. A run compared with a
 * baseline marks each finding {@code "baseline": "existing"} or {@code "new"} and counts them in
 * {@code summary.baseline} (docs/baseline.md); the document is also what {@code --write-baseline} writes.
 */
final class FindingsDocument {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FindingsDocument() {
    }

    static ObjectNode build(ValidationReport report) {
        ObjectNode root = NODES.objectNode();
        ArrayNode findings = root.putArray("findings");
        for (Finding f : ReportFindings.ordered(report)) {
            ObjectNode o = finding(f);
            if (report.baseline() != null) {
                o.put("baseline", ReportFindings.baselineMark(report, f));
            }
            findings.add(o);
        }
        ValidationReport.Summary s = ReportFindings.summary(report);
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", s.errors());
        summary.put("warnings", s.warnings());
        summary.put("infos", s.infos());
        summary.put("suppressed", s.suppressed());
        summary.put("hidden", s.hidden());
        summary.put("resources", s.resources());
        if (s.scope() != null) {
            summary.put("namespace", s.scope().namespace());
            ObjectNode others = summary.putObject("otherNamespaces");
            others.put("errors", s.scope().otherErrors());
            others.put("warnings", s.scope().otherWarnings());
            others.put("infos", s.scope().otherInfos());
        }
        ValidationReport.BaselineMarks baseline = report.baseline();
        if (baseline != null) {
            ObjectNode b = summary.putObject("baseline");
            b.put("existing", baseline.existing());
            b.put("new", report.findings().size() - baseline.existing() + baseline.hidden());
            b.put("absent", baseline.comparison().absent().size());
            b.put("hidden", baseline.hidden());
        }
        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);
        return root;
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode o = NODES.objectNode();
        o.put("code", f.code());
        o.put("severity", f.severity().label());
        ArrayNode aliases = o.putArray("aliases");
        f.aliases().forEach(aliases::add);
        ResourceRef r = f.resource();
        if (r == null) {
            o.putNull("resource");
        } else {
            ObjectNode res = o.putObject("resource");
            res.put("kind", r.kind());
            putText(res, "namespace", r.namespace());
            res.put("name", r.name());
        }
        Location loc = ReportFindings.location(f);
        boolean hasField = loc.field() != null && !loc.field().isEmpty();
        if (!ReportFindings.hasFile(f) && !hasField) {
            o.putNull("origin");
        } else {
            ObjectNode origin = o.putObject("origin");
            putText(origin, "file", loc.file());
            putPositive(origin, "line", loc.line());
            putPositive(origin, "column", loc.column());
            putText(origin, "field", loc.field());
        }
        o.put("message", f.message());
        putText(o, "hint", f.hint());
        return o;
    }

    /** Unknown values are {@code null}, never "" or 0, so consumers need one test for "absent". */
    private static void putText(ObjectNode o, String key, String value) {
        if (value == null || value.isEmpty()) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
    }

    private static void putPositive(ObjectNode o, String key, int value) {
        if (value > 0) {
            o.put(key, value);
        } else {
            o.putNull(key);
        }
    }
}
