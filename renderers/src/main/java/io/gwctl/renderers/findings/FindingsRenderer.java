package io.gwctl.renderers.findings;

import io.gwctl.model.finding.ValidationReport;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a validation report in one output format: a pure function of (report, options, writer) that never
 * touches the process streams, the environment or the exit code.
 */
public interface FindingsRenderer {
    /**
     * Writes {@code report} to {@code out} (not flushed or closed: the caller owns the writer).
     *
     * @throws IOException only when {@code out} fails
     */
    void render(ValidationReport report, RenderOptions options, Writer out) throws IOException;
}
