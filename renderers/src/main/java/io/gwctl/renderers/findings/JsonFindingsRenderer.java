package io.gwctl.renderers.findings;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gwctl.model.finding.ValidationReport;
import java.io.IOException;
import java.io.Writer;

/** Writes the findings document (docs/output-formats.md) as JSON: clean JSON only, nothing else (§5 F). */
public final class JsonFindingsRenderer implements FindingsRenderer {
    @Override
    public void render(ValidationReport report, RenderOptions options, Writer out) throws IOException {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            FindingsDocument.write(report, g);
        }
        out.write('\n');
    }
}
