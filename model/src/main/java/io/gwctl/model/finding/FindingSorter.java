package io.gwctl.model.finding;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Collects findings, from several threads, and gives them sorted by {@link Finding#ORDER} without duplicates. While
 * they fit a memory budget they stay on the heap, as before; a run with more findings than that (the synthetic
 * repository of 100,000 Gateways has 550,000, 380 MB of text) sorts what it holds into a run file each time the
 * budget fills, and merges the runs into one file read as a {@link SpilledFindings}: the heap then holds eight
 * bytes a finding. The result is the same either way (the order is total, see {@link Finding#ORDER}).
 *
 * <p>The budget is {@code -Dgwctl.findings-budget-kb=N}, else an eighth of the heap limit, or a thirty-second when
 * the resources checked are many for the heap ({@link #budgetFor}). If no temporary file can be made, the findings
 * stay on the heap.
 */
public final class FindingSorter {
    /** What a finding costs on the heap besides its message and hint: the record, its location, its resource. */
    private static final int OVERHEAD = 200;

    private final long budget;
    /** Where run files go; null for the system's temporary directory. */
    private final Path directory;
    private List<Finding> held = new ArrayList<>();
    private long heldBytes;
    private final List<Run> runs = new ArrayList<>();
    private boolean spillFailed;

    /** A sorter that keeps at most {@code budgetBytes} of findings on the heap. */
    public FindingSorter(long budgetBytes) {
        this(budgetBytes, null);
    }

    /** A sorter whose files go to {@code directory} (tests: one that cannot be written to). */
    FindingSorter(long budgetBytes, Path directory) {
        this.budget = budgetBytes;
        this.directory = directory;
    }

    private Path tempFile(String suffix) throws IOException {
        return directory == null ? Files.createTempFile("gwctl-findings-", suffix)
                : Files.createTempFile(directory, "gwctl-findings-", suffix);
    }

    /** A sorter with the run's budget for a few resources: {@code -Dgwctl.findings-budget-kb}, else {@link #budgetFor}. */
    public static FindingSorter withDefaultBudget() {
        return withBudgetFor(0);
    }

    /** A sorter with the run's budget for checking {@code resources} resources. */
    public static FindingSorter withBudgetFor(long resources) {
        long kb = Long.getLong("gwctl.findings-budget-kb", -1);
        return new FindingSorter(kb >= 0 ? kb << 10 : budgetFor(Runtime.getRuntime().maxMemory(), resources));
    }

    /**
     * About what the model and the rules' shared structures hold per resource checked (600 to 850 bytes at 100,000
     * Gateways, stop 24).
     */
    static final long BYTES_PER_RESOURCE = 1024;

    /**
     * An eighth of the heap limit, or a thirty-second when the resources would take more than half of it: at 100,000
     * Gateways with {@code -Xmx512m} the 48 MB between the two is what the rule phase lacks, while at 10,000 an
     * eighth keeps the findings on the heap (spilling them cost 0.5 s of 8.5).
     */
    static long budgetFor(long maxMemory, long resources) {
        return resources * BYTES_PER_RESOURCE > maxMemory / 2 ? maxMemory / 32 : maxMemory / 8;
    }

    /** Adds a finding; when the findings held pass the budget, writes them to a run file. */
    public synchronized void add(Finding f) {
        held.add(shared(f));
        heldBytes += OVERHEAD + f.message().length() + f.hint().length();
        if (heldBytes > budget && !spillFailed) {
            spill();
        }
    }

    /** At most this many distinct messages and field pointers are shared (then the table starts again). */
    private static final int MAX_SHARED = 4096;
    private final HashMap<String, String> texts = new HashMap<>();

    /**
     * {@code f} with the message and field pointer of an equal finding held before, when there is one: a rule
     * reports one of a few sentences for thousands of resources ("The Subset v1 defined in the DestinationRule does
     * not select any pods...", {@code /spec/subsets/0}), each built anew; at 100,000 Gateways the copies were a
     * tenth of the heap. Hints name the resource and are rarely equal, so they are not looked up. The budget still
     * counts every message, so the findings held cost less than it allows.
     */
    private Finding shared(Finding f) {
        if (texts.size() >= MAX_SHARED) {
            texts.clear();
        }
        String message = text(f.message());
        Location l = f.location();
        String field = l == null ? null : text(l.field());
        if (message == f.message() && (l == null || field == l.field())) {
            return f;
        }
        Location location = l == null || field == l.field() ? l : new Location(l.file(), l.line(), l.column(), field);
        return new Finding(f.code(), f.severity(), f.aliases(), f.resource(), location, message, f.hint());
    }

    private String text(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        String known = texts.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    /**
     * Every finding added, sorted, each once: a list on the heap when they never passed the budget, else a
     * {@link SpilledFindings}. The sorter is spent.
     */
    public synchronized List<Finding> sorted() {
        if (runs.isEmpty()) {
            List<Finding> all = held;
            held = null;
            all.sort(Finding.ORDER);
            List<Finding> unique = new ArrayList<>(all.size());
            Finding last = null;
            for (Finding f : all) {
                if (last == null || !f.equals(last)) {
                    unique.add(f);
                }
                last = f;
            }
            return unique;
        }
        if (!held.isEmpty()) {
            spill();
        }
        if (!held.isEmpty()) { // the disk filled up after the first runs: what is left is merged from the heap
            held.sort(Finding.ORDER);
            runs.add(new Run(null, held.iterator()));
        }
        held = null;
        try {
            return merge();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge the findings kept on disk: " + e.getMessage(), e);
        } finally {
            for (Run r : runs) {
                r.close();
            }
        }
    }

    /** Sorts the findings held and writes them, each once, to a new run file. */
    private void spill() {
        held.sort(Finding.ORDER);
        try {
            Path path = tempFile(".run");
            FileChannel channel;
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } finally {
                unlink(path);
            }
            Writer w = new Writer(Channels.newOutputStream(channel));
            try {
                Finding last = null;
                for (Finding f : held) {
                    if (last == null || !f.equals(last)) {
                        w.write(f);
                    }
                    last = f;
                }
                w.flush();
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            runs.add(new Run(channel, new SpilledFindings(channel, Arrays.copyOf(w.offsets, w.count + 1)).iterator()));
        } catch (IOException | UncheckedIOException e) {
            // No room for a temporary file: keep every finding on the heap, as a run without a budget would.
            spillFailed = true;
            return;
        }
        held = new ArrayList<>();
        heldBytes = 0;
    }

    /**
     * Merges the runs into one file of every finding, in order and each once; into a list on the heap when that
     * file cannot be made.
     */
    private List<Finding> merge() throws IOException {
        FileChannel channel;
        try {
            Path path = tempFile(".bin");
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } finally {
                unlink(path);
            }
        } catch (IOException e) {
            channel = null;
        }
        Writer w = channel == null ? null : new Writer(Channels.newOutputStream(channel));
        List<Finding> inMemory = channel == null ? new ArrayList<>() : null;
        PriorityQueue<Run> heads = new PriorityQueue<>((a, b) -> Finding.ORDER.compare(a.head, b.head));
        for (Run r : runs) {
            if (r.advance()) {
                heads.add(r);
            }
        }
        Finding last = null;
        while (!heads.isEmpty()) {
            Run r = heads.poll();
            if (last == null || !r.head.equals(last)) {
                last = r.head;
                if (w != null) {
                    w.write(last);
                } else {
                    inMemory.add(last);
                }
            }
            if (r.advance()) {
                heads.add(r);
            }
        }
        if (w == null) {
            return inMemory;
        }
        w.flush();
        return new SpilledFindings(channel, Arrays.copyOf(w.offsets, w.count + 1));
    }

    /** Deletes a file this process holds open (it stays readable through the open channel); else at exit. */
    private static void unlink(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            path.toFile().deleteOnExit(); // a file system that keeps open files
        }
    }

    /** Writes findings to a stream and keeps where each starts. */
    private static final class Writer {
        private final OutputStream out;
        private final FindingCodec.Out record = new FindingCodec.Out();
        private long[] offsets = new long[1024];
        private int count;

        Writer(OutputStream out) {
            this.out = new BufferedOutputStream(out, 1 << 16);
        }

        void write(Finding f) throws IOException {
            record.reset();
            FindingCodec.write(f, record);
            out.write(record.buffer(), 0, record.size());
            if (count + 2 > offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[count + 1] = offsets[count] + record.size();
            count++;
        }

        void flush() throws IOException {
            out.flush();
        }
    }

    /** One run, read in order during the merge: a file, or the last findings held when no file could be made. */
    private static final class Run {
        private final FileChannel channel;
        private final Iterator<Finding> next;
        Finding head;

        Run(FileChannel channel, Iterator<Finding> next) {
            this.channel = channel;
            this.next = next;
        }

        boolean advance() {
            head = next.hasNext() ? next.next() : null;
            return head != null;
        }

        void close() {
            if (channel == null) {
                return;
            }
            try {
                channel.close();
            } catch (IOException e) {
                // the run was read; a failure to close it leaves nothing behind (the file is unlinked)
            }
        }
    }

    /** For tests: how many run files were written. */
    synchronized int runs() {
        return runs.size();
    }
}
