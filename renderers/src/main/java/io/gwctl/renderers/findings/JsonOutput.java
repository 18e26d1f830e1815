package io.gwctl.renderers.findings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes JSON trees the way every gwctl JSON output looks: 2-space indent, {@code "key": value}, empty containers
 * as {@code []} / {@code {}}, LF line ends whatever the platform, and a trailing newline.
 */
public final class JsonOutput {
    private static final DefaultPrettyPrinter PRINTER = printer();
    /** Generators without databind: streamed documents (validate -o json) need no ObjectMapper, whose start is slow. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            // The caller owns the writer (it may be stdout): never close it.
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private JsonOutput() {
    }

    /** The tree writer, made on first use. */
    private static final class Trees {
        static final ObjectWriter WRITER = writer();

        private Trees() {
        }
    }

    public static void write(JsonNode tree, Writer out) throws IOException {
        Trees.WRITER.writeValue(out, tree);
        out.write('\n');
    }

    /**
     * A generator that writes as {@link #write} does, for documents written as they are produced rather than built
     * as a tree first; closing it flushes it and leaves {@code out} open. The trailing newline is the caller's.
     */
    public static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.setPrettyPrinter(PRINTER.createInstance());
        return g;
    }

    private static ObjectWriter writer() {
        ObjectMapper mapper = new ObjectMapper();
        // The caller owns the writer (it may be stdout): never close it.
        mapper.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        return mapper.writer(PRINTER);
    }

    private static DefaultPrettyPrinter printer() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }
}
