package io.gwctl.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer that remembers the first write error. {@link java.io.PrintWriter} (and {@link java.io.PrintStream})
 * swallow write errors, so a full disk gave an empty report and exit 0; {@link Main} checks this after flushing
 * and reports the error in one line with exit 74 (EX_IOERR).
 */
final class CheckedWriter extends FilterWriter {
    private IOException failure;

    CheckedWriter(Writer out) {
        super(out);
    }

    /** The first write error, or null. */
    IOException failure() {
        return failure;
    }

    @Override
    public void write(int c) throws IOException {
        try {
            out.write(c);
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        try {
            out.write(cbuf, off, len);
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        try {
            out.write(str, off, len);
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw record(e);
        }
    }

    private IOException record(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /** A closed pipe ({@code gwctl ... | head}) is the reader's choice, not an error to report. */
    static boolean isBrokenPipe(IOException e) {
        String m = e.getMessage();
        return m != null && (m.contains("Broken pipe") || m.contains("Stream closed"));
    }
}
