package io.gwctl.renderers.findings;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.ValidationReport;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the {@code findings} array of the JSON document with its text made on several threads: at 10,000 Gateways
 * the document is 47 MB and its text took 0.6 s of the main thread while the other cores idled, at the end of the
 * run. Batches of findings, in order, go to the threads; each thread writes its batch with a generator of its own,
 * placed where the batch goes (inside the root object and the array, after a first element), so that the text is the
 * one a single generator writes; the main thread writes the batches' text out in order. At most two batches a
 * thread are in flight, so memory stays under a MB however many findings there are.
 */
final class ParallelFindings {
    /**
     * Findings per batch: about 55 KB of text. Small on purpose: the serial collector promotes whatever is live at a
     * young collection (the launcher's {@code MaxTenuringThreshold=0}), and batches of 512 (1 MB buffers) filled the
     * old generation and made the run no faster; 64 made it 0.92x-0.96x (12 pairs at N=10,000).
     */
    static final int BATCH = 64;

    private ParallelFindings() {
    }

    /**
     * Writes {@code findings} as the elements of the array {@code g} has just started, on {@code threads} threads
     * (fewer than two, or findings that fill no second batch: on this one). {@code out} is {@code g}'s target.
     */
    static void write(List<Finding> findings, ValidationReport report, JsonGenerator g, Writer out, int threads)
            throws IOException {
        Iterator<Finding> it = findings.iterator();
        // The first batch by g itself: the batches' text then always follows an element (it begins with a comma).
        for (int i = 0; i < BATCH && it.hasNext(); i++) {
            FindingsDocument.finding(it.next(), report, g);
        }
        if (threads < 2 || !it.hasNext()) {
            while (it.hasNext()) {
                FindingsDocument.finding(it.next(), report, g);
            }
            return;
        }
        g.flush();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gwctl-render");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<Batch>> inFlight = new ArrayDeque<>();
            while (it.hasNext() || !inFlight.isEmpty()) {
                while (it.hasNext() && inFlight.size() < 2 * threads) {
                    List<Finding> batch = new ArrayList<>(BATCH);
                    for (int i = 0; i < BATCH && it.hasNext(); i++) {
                        batch.add(it.next());
                    }
                    inFlight.add(pool.submit(() -> Batch.of(batch, report)));
                }
                inFlight.poll().get().copyTo(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing findings", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One batch's text: the characters from {@code start} on. */
    private static final class Batch extends CharArrayWriter {
        private int start;

        Batch() {
            super(BATCH * 1024);
        }

        static Batch of(List<Finding> findings, ValidationReport report) {
            Batch b = new Batch();
            int end;
            try (JsonGenerator g = JsonOutput.generator(b)) {
                // Where the batch goes: in the root object's findings array, after an element.
                g.writeStartObject();
                g.writeArrayFieldStart("findings");
                g.writeNull();
                g.flush();
                b.start = b.count;
                for (Finding f : findings) {
                    FindingsDocument.finding(f, report, g);
                }
                g.flush();
                end = b.count;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Closing the generator ended the array and the object: only the findings' text is kept.
            b.count = end;
            return b;
        }

        void copyTo(Writer out) throws IOException {
            out.write(buf, start, count - start);
        }
    }
}
