package io.gwctl.renderers.findings;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gwctl.model.ResourceRef;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.Location;
import io.gwctl.model.finding.ValidationReport;
import java.io.IOException;
import java.io.Writer;

/**
 * The document behind {@code -o json} and {@code -o yaml}: {@code findings}, {@code summary}, {@code notes}, with
 * fields in a fixed order (docs/output-formats.md) so that diffs of two runs are meaningful. A run compared with a
 * baseline marks each finding {@code "baseline": "existing"} or {@code "new"} and counts them in
 * {@code summary.baseline} (docs/baseline.md); the document is also what {@code --write-baseline} writes.
 */
final class FindingsDocument {
    private FindingsDocument() {
    }

    /**
     * Writes the document to {@code g} as it goes, finding by finding: at 100,000 Gateways a tree of the whole
     * document held several hundred MB (the output is ten times the size of the findings it prints).
     */
    static void write(ValidationReport report, JsonGenerator g) throws IOException {
        write(report, g, null, 1);
    }

    /**
     * As {@link #write(ValidationReport, JsonGenerator)}, with the findings' text made on {@code threads} threads
     * ({@link ParallelFindings}; JSON only) when {@code out}, the target of {@code g}, is given.
     */
    static void write(ValidationReport report, JsonGenerator g, Writer out, int threads) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("findings");
        if (out == null || threads < 2) {
            for (Finding f : ReportFindings.ordered(report)) {
                finding(f, report, g);
            }
        } else {
            ParallelFindings.write(ReportFindings.ordered(report), report, g, out, threads);
        }
        g.writeEndArray();
        ValidationReport.Summary s = ReportFindings.summary(report);
        g.writeObjectFieldStart("summary");
        g.writeNumberField("errors", s.errors());
        g.writeNumberField("warnings", s.warnings());
        g.writeNumberField("infos", s.infos());
        g.writeNumberField("suppressed", s.suppressed());
        g.writeNumberField("hidden", s.hidden());
        g.writeNumberField("resources", s.resources());
        if (s.scope() != null) {
            g.writeStringField("namespace", s.scope().namespace());
            g.writeObjectFieldStart("otherNamespaces");
            g.writeNumberField("errors", s.scope().otherErrors());
            g.writeNumberField("warnings", s.scope().otherWarnings());
            g.writeNumberField("infos", s.scope().otherInfos());
            g.writeEndObject();
        }
        ValidationReport.BaselineMarks baseline = report.baseline();
        if (baseline != null) {
            g.writeObjectFieldStart("baseline");
            g.writeNumberField("existing", baseline.existing());
            g.writeNumberField("new", report.findings().size() - baseline.existing() + baseline.hidden());
            g.writeNumberField("absent", baseline.comparison().absent().size());
            g.writeNumberField("hidden", baseline.hidden());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("notes");
        for (String note : report.notes()) {
            g.writeString(note);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void finding(Finding f, ValidationReport report, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", f.code());
        g.writeStringField("severity", f.severity().label());
        g.writeArrayFieldStart("aliases");
        for (String alias : f.aliases()) {
            g.writeString(alias);
        }
        g.writeEndArray();
        ResourceRef r = f.resource();
        if (r == null) {
            g.writeNullField("resource");
        } else {
            g.writeObjectFieldStart("resource");
            g.writeStringField("kind", r.kind());
            text(g, "namespace", r.namespace());
            g.writeStringField("name", r.name());
            g.writeEndObject();
        }
        Location loc = ReportFindings.location(f);
        boolean hasField = loc.field() != null && !loc.field().isEmpty();
        if (!ReportFindings.hasFile(f) && !hasField) {
            g.writeNullField("origin");
        } else {
            g.writeObjectFieldStart("origin");
            text(g, "file", loc.file());
            positive(g, "line", loc.line());
            positive(g, "column", loc.column());
            text(g, "field", loc.field());
            g.writeEndObject();
        }
        g.writeStringField("message", f.message());
        text(g, "hint", f.hint());
        if (report.baseline() != null) {
            g.writeStringField("baseline", ReportFindings.baselineMark(report, f));
        }
        g.writeEndObject();
    }

    /** Unknown values are {@code null}, never "" or 0, so consumers need one test for "absent". */
    private static void text(JsonGenerator g, String key, String value) throws IOException {
        if (value == null || value.isEmpty()) {
            g.writeNullField(key);
        } else {
            g.writeStringField(key, value);
        }
    }

    private static void positive(JsonGenerator g, String key, int value) throws IOException {
        if (value > 0) {
            g.writeNumberField(key, value);
        } else {
            g.writeNullField(key);
        }
    }
}
