package io.gwctl.model.load;

import io.gwctl.model.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads manifests named by {@code -f} (files, directories walked recursively in sorted order, {@code -} for
 * standard input) into a {@link Snapshot}, reporting every problem with file, line and column instead of throwing,
 * and carrying on with the other files and documents. Files are parsed on two threads; the result is in input
 * order whatever the timing. What is not read ({@link Exclusions} in the {@link LoadOptions}: hidden entries, the
 * configuration file, {@code ignorePaths}) is decided here, on the path, before a file is opened or a directory listed.
 */
public final class ManifestLoader {
    /** Two threads: measured 0.73x the single-threaded time on 2 cores (shared/bench/README.md). */
    private static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    private final LoadOptions options;
    private final PointerPool pool = new PointerPool();
    /**
     * Equal small values of the model shared between documents, in {@link #compact} loads; emptied after each load
     * (the model keeps them).
     */
    private ValuePool values = ValuePool.NONE;
    /** Null: decided per load from the input's size and the heap ({@link #compactFor}); else forced. */
    private Boolean compact = compactProperty();
    private final ParseCache cache;

    public ManifestLoader(LoadOptions options) {
        this(options, null);
    }

    /** A loader that takes the outcome of a file with the same bytes as one read before from {@code cache}. */
    public ManifestLoader(LoadOptions options, ParseCache cache) {
        this.options = options;
        this.cache = cache;
    }

    /**
     * Whether loads keep the model compact: equal values shared ({@link ValuePool}) and positions as shared
     * tree-shaped tables ({@link TreeTable}). That costs a quarter more load time (at 10,000 Gateways, 6.1 s to 7.8 s
     * of CPU for the sharing, and as much again for the positions' first, cold run), so it is done only where the
     * heap needs it: when the input is over a third of the heap limit (a model takes about 0.6 to 0.8 times its YAML's
     * bytes uncompacted, and the checks as much again). {@code -Dgwctl.compact=true|false} forces it.
     */
    public static boolean compactFor(long inputBytes) {
        return inputBytes > Runtime.getRuntime().maxMemory() / 3;
    }

    private static Boolean compactProperty() {
        String p = System.getProperty("gwctl.compact");
        return p == null || p.isEmpty() ? null : Boolean.valueOf(p);
    }

    /** Forces compact loads on or off (tests). */
    ManifestLoader compact(boolean on) {
        this.compact = on;
        return this;
    }

    /** Loads the given {@code -f} paths in order; {@code -} reads standard input. */
    public LoadResult load(List<String> paths) {
        List<Input> inputs = new ArrayList<>();
        Walk walk = new Walk(inputs, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (String arg : paths) {
            expand(arg, walk);
        }
        // A file named twice (-f dir/ -f dir/a.yaml, or the same -f repeated) is read once, where it first appears:
        // reading it again would define every object in it twice.
        Set<Path> seen = new HashSet<>();
        inputs.removeIf(in -> in.path() != null && !seen.add(in.path().toAbsolutePath().normalize()));
        boolean small = compact == null ? !compactFor(inputBytes(inputs)) : !compact;
        values = small ? new ValuePool(0) : new ValuePool();
        pool.compact(!small);
        List<FileOutcome> outcomes = readAll(inputs);
        values.clear();
        LoadResult r = combine(outcomes, walk.skippedFileNames(), walk.ignored());
        return new LoadResult(r.snapshot(), r.problems(), r.stats(), walk.notes());
    }

    /** The bytes of the regular files among the inputs (standard input and the rest count nothing). */
    private static long inputBytes(List<Input> inputs) {
        long total = 0;
        for (Input in : inputs) {
            if (in.size() >= 0) {
                total += in.size();
                continue;
            }
            try {
                if (in.path() != null && Files.isRegularFile(in.path())) {
                    total += Files.size(in.path());
                }
            } catch (IOException | SecurityException e) {
                // Read (or reported) as usual later; it only does not count here.
            }
        }
        return total;
    }

    /** Loads YAML (or JSON, when {@code fileName} ends in {@code .json}) from a string, named {@code fileName}. */
    public LoadResult loadString(String content, String fileName) {
        pool.compact(Boolean.TRUE.equals(compact));
        InputReader reader = new InputReader(fileName, options.defaultNamespace(), pool,
                Boolean.TRUE.equals(compact) ? new ValuePool() : ValuePool.NONE).keepPositions(options.positions());
        reader.readText(content, isJson(fileName));
        return combine(List.of(reader.outcome()), List.of(), List.of());
    }

    /**
     * One thing to read, in order: a file, standard input, or a problem found while listing the paths; {@code size}
     * is the file's size in bytes when listing a directory read it, else -1 (asked when needed).
     */
    private record Input(Path path, String name, boolean stdin, LoadProblem problem, long size) {
        Input(Path path, String name, boolean stdin, LoadProblem problem) {
            this(path, name, stdin, problem, -1);
        }
    }

    /**
     * What listing the paths found: the inputs to read, files skipped for their extension, entries left unread by
     * the {@link Exclusions} ({@code name (reason)}), and notes.
     */
    private record Walk(List<Input> inputs, List<String> skippedFileNames, List<String> ignored, List<String> notes) {
    }

    private void expand(String arg, Walk w) {
        List<Input> inputs = w.inputs();
        if (arg.equals("-")) {
            inputs.add(new Input(null, "-", true, null));
            return;
        }
        Path p;
        try {
            p = options.fileSystem().getPath(arg);
        } catch (RuntimeException e) {
            inputs.add(problemInput(LoadProblem.Type.NOT_FOUND, arg, "not a valid path"));
            return;
        }
        String excluded;
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            inputs.add(problemInput(LoadProblem.Type.NOT_FOUND, arg, "no such file or directory"));
        } else if ((excluded = options.exclusions().reason(p, true)) != null) {
            w.ignored().add(arg + " (" + excluded + ")");
        } else if (Files.isDirectory(p)) {
            String prefix = arg.length() > 1 && arg.endsWith("/") ? arg.replaceAll("/+$", "") : arg;
            walk(p, prefix.equals("/") ? "" : prefix, w);
        } else {
            inputs.add(new Input(p, arg, false, null));
        }
    }

    /**
     * Walks a directory depth first with each directory's entries sorted by name (as kubectl and istioctl do), so
     * the order does not depend on the file system. Symbolic links to directories are not followed below the
     * named directory, which keeps a link cycle from looping. FIFOs, devices and sockets are skipped with a note:
     * reading one would block or never end (a file named with {@code -f} is read, up to the size limit, so that
     * {@code -f <(helm template ...)} works).
     */
    private void walk(Path dir, String name, Walk w) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(entries::add);
        } catch (IOException e) {
            w.inputs().add(problemInput(LoadProblem.Type.UNREADABLE, name, describe(e)));
            return;
        }
        // Each name computed once, not in every comparison: a directory of thousands of files sorts quickly.
        String[] names = new String[entries.size()];
        Integer[] order = new Integer[entries.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = entries.get(i).getFileName().toString();
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
        for (int i : order) {
            Path e = entries.get(i);
            String entryName = name + "/" + names[i];
            String excluded = options.exclusions().reason(e, false);
            if (excluded != null) {
                w.ignored().add(entryName + " (" + excluded + ")");
                continue;
            }
            // One look at the entry (two for a link), not a question per property: a directory of thousands of
            // files was tens of thousands of stat calls.
            BasicFileAttributes own = attributes(e, LinkOption.NOFOLLOW_LINKS);
            if (own != null && own.isDirectory()) {
                walk(e, entryName, w);
                continue;
            }
            // A link is followed; a broken link is not special (reading it reports it). A FIFO, device or socket is.
            BasicFileAttributes target = own != null && own.isSymbolicLink() ? attributes(e) : own;
            boolean directory = target != null && target.isDirectory();
            if (target != null && !target.isRegularFile() && !directory) {
                w.notes().add("skipped " + entryName + ": not a regular file (a FIFO, device or socket)");
            } else if (hasManifestExtension(entryName)) {
                w.inputs().add(new Input(e, entryName, false, null,
                        target != null && target.isRegularFile() ? target.size() : -1));
            } else if (!directory) {
                w.skippedFileNames().add(entryName);
            }
        }
    }

    /** The entry's attributes, null when it cannot be read (a broken link: reading the file reports it). */
    private static BasicFileAttributes attributes(Path p, LinkOption... options) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, options);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static Input problemInput(LoadProblem.Type type, String name, String message) {
        return new Input(null, name, false, new LoadProblem(type, name, 0, 0, message));
    }

    /** {@code .yaml}, {@code .yml}, {@code .json}: the extensions istioctl and kubectl read from directories. */
    static boolean hasManifestExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
    }

    private static boolean isJson(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private List<FileOutcome> readAll(List<Input> inputs) {
        List<FileOutcome> outcomes = new ArrayList<>(inputs.size());
        long files = inputs.stream().filter(i -> i.problem == null).count();
        if (files < 2 || THREADS < 2) {
            for (Input in : inputs) {
                outcomes.add(read(in));
            }
            return outcomes;
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "gwctl-loader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Callable<FileOutcome>> tasks = new ArrayList<>(inputs.size());
            for (Input in : inputs) {
                tasks.add(() -> read(in));
            }
            List<Future<FileOutcome>> futures = submitAll(pool, tasks);
            for (int i = 0; i < futures.size(); i++) {
                outcomes.add(await(futures.get(i), inputs.get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    /**
     * Submits {@code tasks} to {@code pool} and returns their futures, in order, once every task's work has ended
     * (each future completes a moment later, so {@code get} may still wait that long) or one ran out of memory (the
     * heap, not its file: the caller reports it at once). The calling thread waits once:
     * waiting on each future in turn woke it at every file's end (6,501 wake-ups at N=10,000, a futex call on the
     * loader thread and a context switch on cores the loaders keep busy; 9,000 context switches a run, now 3,000).
     * Interrupted, it returns at once with the interrupt flag set.
     */
    static <T> List<Future<T>> submitAll(ExecutorService pool, List<Callable<T>> tasks) {
        CountDownLatch done = new CountDownLatch(tasks.size());
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                try {
                    return task.call();
                } catch (OutOfMemoryError e) {
                    while (done.getCount() > 0) {
                        done.countDown();
                    }
                    throw e;
                } finally {
                    done.countDown();
                }
            }));
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return futures;
    }

    private static FileOutcome await(Future<FileOutcome> f, Input in) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FileOutcome.failed(internal(in.name, e));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OutOfMemoryError oom) {
                throw oom; // the heap, not this file: reported once for the whole run
            }
            return FileOutcome.failed(internal(in.name, e.getCause()));
        }
    }

    private static LoadProblem internal(String name, Throwable t) {
        return new LoadProblem(LoadProblem.Type.PARSE, name, 0, 0, "internal error while reading: " + t, t);
    }

    /** Reads one input; never throws for bad input, and turns anything unexpected into a problem. */
    private FileOutcome read(Input in) {
        if (in.problem != null) {
            return FileOutcome.failed(in.problem);
        }
        try {
            byte[] bytes = in.stdin ? readStdin() : readFile(in.path, in.size);
            boolean json = !in.stdin && isJson(in.name);
            // An outcome without positions is not one other loads of the cache could take.
            if (cache != null && options.positions()) {
                return cache.outcome(in.name, bytes, json, options.defaultNamespace(), () -> parse(in.name, bytes,
                        json));
            }
            return parse(in.name, bytes, json);
        } catch (TooLargeException e) {
            return FileOutcome.failed(new LoadProblem(LoadProblem.Type.PARSE, in.name, 0, 0, e.getMessage()));
        } catch (NoSuchFileException e) {
            return FileOutcome.failed(new LoadProblem(LoadProblem.Type.NOT_FOUND, in.name, 0, 0,
                    "no such file or directory"));
        } catch (IOException e) {
            return FileOutcome.failed(new LoadProblem(LoadProblem.Type.UNREADABLE, in.name, 0, 0, describe(e), e));
        } catch (RuntimeException | StackOverflowError e) {
            return FileOutcome.failed(internal(in.name, e));
        }
    }

    private FileOutcome parse(String name, byte[] bytes, boolean json) {
        InputReader reader = new InputReader(name, options.defaultNamespace(), pool, values)
                .keepPositions(options.positions());
        reader.readBytes(bytes, json);
        return reader.outcome();
    }

    /**
     * The file's bytes, refused past the size limit counting the bytes actually read: the size the file system
     * reports is 0 for {@code /dev/zero} and for a FIFO, which never end or end late. {@code listed} is the size the
     * directory walk saw for a regular file, else -1: then the file is asked (two stat calls a file, a quarter of
     * reading 6,500 files at N=10,000). A file that changed since the walk still reads right: a larger one is read
     * on to its end, a smaller one to its end.
     */
    byte[] readFile(Path p, long listed) throws IOException {
        long max = options.maxFileBytes();
        long size = listed >= 0 ? listed : Files.isRegularFile(p) ? Files.size(p) : -1;
        if (size > max) {
            throw new TooLargeException("file is " + InputReader.humanSize(size) + ", larger than the "
                    + InputReader.humanSize(max) + " limit");
        }
        try (InputStream in = Files.newInputStream(p)) {
            byte[] bytes;
            if (size > 0) {
                // The size is known: read into one array of it. (readNBytes(int) reads 8 KB chunks, a read call
                // each, and joins them: every file allocated and copied twice.)
                bytes = new byte[(int) size];
                int n = in.readNBytes(bytes, 0, bytes.length);
                if (n < bytes.length) { // the file shrank while it was read
                    bytes = java.util.Arrays.copyOf(bytes, n);
                } else {
                    int next = in.read();
                    if (next >= 0) { // the file grew while it was read
                        byte[] more = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max - size));
                        byte[] all = java.util.Arrays.copyOf(bytes, bytes.length + 1 + more.length);
                        all[bytes.length] = (byte) next;
                        System.arraycopy(more, 0, all, bytes.length + 1, more.length);
                        bytes = all;
                    }
                }
            } else {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
            }
            if (bytes.length > max) {
                throw new TooLargeException("larger than the " + InputReader.humanSize(max)
                        + " limit (stopped reading there)");
            }
            return bytes;
        }
    }

    private byte[] readStdin() throws IOException {
        long max = options.maxFileBytes();
        // Not closed: standard input belongs to the process, not to the loader.
        InputStream in = options.stdin().get();
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
        if (bytes.length > max) {
            throw new TooLargeException("standard input is larger than the " + InputReader.humanSize(max)
                    + " limit");
        }
        return bytes;
    }

    /** A size limit was exceeded: the input is refused as data (exit 65), not as missing. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    /** Why an I/O operation failed, in the words of the usual C library messages. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static LoadResult combine(List<FileOutcome> outcomes, List<String> skippedFileNames,
                                      List<String> ignored) {
        Snapshot.Builder snapshot = Snapshot.builder();
        List<LoadProblem> problems = new ArrayList<>();
        Map<String, Integer> skippedKinds = new TreeMap<>();
        int files = 0;
        int documents = 0;
        int resources = 0;
        for (FileOutcome o : outcomes) {
            snapshot.addAll(o.resources());
            resources += o.resources().size();
            problems.addAll(o.problems());
            documents += o.documents();
            files += o.read() ? 1 : 0;
            o.skippedKinds().forEach((k, v) -> skippedKinds.merge(k, v, Integer::sum));
            o.gatewayApiGateways().forEach(snapshot::gatewayApiGateway);
        }
        return new LoadResult(snapshot.build(), problems,
                new LoadStats(files, documents, resources, skippedFileNames.size(), skippedKinds, skippedFileNames,
                        ignored));
    }
}
