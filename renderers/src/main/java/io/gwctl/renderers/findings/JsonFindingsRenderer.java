package io.gwctl.renderers.findings;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gwctl.model.finding.ValidationReport;
import java.io.IOException;
import java.io.Writer;

/** Writes the findings document (docs/output-formats.md) as JSON: clean JSON only, nothing else (§5 F). */
public final class JsonFindingsRenderer implements FindingsRenderer {
    /** Threads that make the findings' text ({@code -Dgwctl.render-threads}, else the processors, at most 4). */
    private static final int THREADS = Integer.getInteger("gwctl.render-threads",
            Math.min(4, Runtime.getRuntime().availableProcessors()));

    @Override
    public void render(ValidationReport report, RenderOptions options, Writer out) throws IOException {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            FindingsDocument.write(report, g, out, THREADS);
        }
        out.write('\n');
    }
}
