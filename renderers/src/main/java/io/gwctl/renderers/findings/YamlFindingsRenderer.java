package io.gwctl.renderers.findings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gwctl.model.finding.ValidationReport;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes the findings document as YAML: the same fields as JSON, no {@code ---} marker, strings quoted only where
 * YAML needs it, and no folding of long messages so that each stays on one line.
 */
public final class YamlFindingsRenderer implements FindingsRenderer {
    private static final ObjectWriter WRITER = writer();

    @Override
    public void render(ValidationReport report, RenderOptions options, Writer out) throws IOException {
        try (JsonGenerator g = WRITER.createGenerator(out)) {
            FindingsDocument.write(report, g);
        }
    }

    private static ObjectWriter writer() {
        YAMLMapper mapper = new YAMLMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .build());
        // The caller owns the writer (it may be stdout): never close it.
        mapper.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        return mapper.writer();
    }
}
