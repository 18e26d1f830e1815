package io.gwctl.model.finding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Predicate;

/**
 * Findings kept in a file instead of the heap, sorted by {@link Finding#ORDER} and without duplicates: what a run
 * with more findings than its memory budget gives ({@link FindingSorter}). Unmodifiable; each element is read from
 * the file when asked for (so two reads of one element are equal, not the same object). Reading in order, as the
 * renderers do, reads the file once, in large blocks.
 *
 * <p>The file was unlinked when it was opened, so nothing is left behind however the process ends; the list can be
 * read for as long as the process runs.
 */
public final class SpilledFindings extends AbstractList<Finding> implements RandomAccess {
    private static final int BLOCK = 256 * 1024;

    private final FileChannel file;
    /** Where each record starts, and one past the last record's end. */
    private final long[] offsets;
    /** The records of this view, in order; null for every record. */
    private final int[] index;

    SpilledFindings(FileChannel file, long[] offsets) {
        this(file, offsets, null);
    }

    private SpilledFindings(FileChannel file, long[] offsets, int[] index) {
        this.file = file;
        this.offsets = offsets;
        this.index = index;
    }

    /** {@code findings} itself when it is spilled (it is unmodifiable already), else {@link List#copyOf}. */
    public static List<Finding> copyOf(List<Finding> findings) {
        return findings instanceof SpilledFindings ? findings : List.copyOf(findings);
    }

    /**
     * The findings of {@code findings} that {@code keep} accepts, in order: a view of the same file when it is
     * spilled (the heap holds an index, not the findings), else a list in memory.
     */
    public static List<Finding> filter(List<Finding> findings, Predicate<Finding> keep) {
        if (findings instanceof SpilledFindings s) {
            return s.filter(keep);
        }
        List<Finding> kept = new ArrayList<>();
        for (Finding f : findings) {
            if (keep.test(f)) {
                kept.add(f);
            }
        }
        return kept;
    }

    private SpilledFindings filter(Predicate<Finding> keep) {
        int[] kept = new int[size()];
        int n = 0;
        Cursor c = new Cursor(BLOCK);
        for (int i = 0; i < kept.length; i++) {
            int record = record(i);
            if (keep.test(c.read(record))) {
                kept[n++] = record;
            }
        }
        return new SpilledFindings(file, offsets, Arrays.copyOf(kept, n));
    }

    private int record(int i) {
        return index == null ? i : index[i];
    }

    @Override
    public int size() {
        return index == null ? offsets.length - 1 : index.length;
    }

    @Override
    public Finding get(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException(i);
        }
        return new Cursor(0).read(record(i)); // the one record: no block read ahead for a single element
    }

    /** In order through one cursor: the default for a random-access list would read each element on its own. */
    @Override
    public Spliterator<Finding> spliterator() {
        return Spliterators.spliterator(iterator(), size(), Spliterator.ORDERED | Spliterator.SIZED
                | Spliterator.NONNULL | Spliterator.IMMUTABLE);
    }

    @Override
    public Iterator<Finding> iterator() {
        return new Iterator<>() {
            private final Cursor cursor = new Cursor(BLOCK);
            private int next;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public Finding next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return cursor.read(record(next++));
            }
        };
    }

    /** Reads records through a block of the file, refilled when a record lies outside it. */
    private final class Cursor {
        private final FindingCodec codec = new FindingCodec();
        /** Bytes read at once when a record lies outside the block (at least the record). */
        private final int readAhead;
        private ByteBuffer block = ByteBuffer.allocate(0);
        /** The file offset of {@code block}'s first byte. */
        private long blockStart;

        Cursor(int readAhead) {
            this.readAhead = readAhead;
        }

        Finding read(int record) {
            long start = offsets[record];
            int length = (int) (offsets[record + 1] - start);
            if (start < blockStart || start + length > blockStart + block.limit()) {
                fill(start, length);
            }
            block.position((int) (start - blockStart));
            return codec.read(block);
        }

        private void fill(long start, int length) {
            long end = offsets[offsets.length - 1];
            int size = (int) Math.max(length, Math.min(readAhead, end - start));
            if (block.capacity() < size) {
                block = ByteBuffer.allocate(size);
            }
            block.clear();
            block.limit(size);
            try {
                long at = start;
                while (block.hasRemaining()) {
                    int n = file.read(block, at);
                    if (n < 0) {
                        throw new IOException("the findings file ended early");
                    }
                    at += n;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the findings kept on disk: " + e.getMessage(), e);
            }
            block.flip();
            blockStart = start;
        }
    }
}
