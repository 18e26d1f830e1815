package io.gwctl.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.gwctl.cli.completion.DynamicCandidates;
import io.gwctl.model.Printable;
import io.gwctl.model.tls.TlsWarmUp;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import picocli.CommandLine;

/**
 * The entry point: {@link #run} is the whole program as a function of (arguments, output streams, environment)
 * returning the exit code; {@link #main} is the only place that exits the process.
 */
public final class Main {
    static {
        // picocli's default factory looks for Groovy's Closure class when it is first used; the class path has none,
        // so the lookup searches the jar itself, which opens it and reads its directory of 9,600 entries: about 10 ms
        // of every run whose classes otherwise all come from the class archive. gwctl has no Groovy closures.
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(DynamicCandidates.COMMAND)) {
            // Shell completion waits for this: no heap watch, no command tree, nothing on stderr.
            System.exit(DynamicCandidates.run(args, new PrintWriter(new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8)), Environment.system()));
        }
        if (readsInputs(args)) {
            warmUp();
            if (!"false".equals(System.getProperty("gwctl.heap-watch"))) {
                // On a thread of its own: the management beans' classes and initialisation are about 40 ms of CPU
                // that the main thread would otherwise spend before it parses the command line (N=10,000). The
                // input is not read yet when it starts, and a heap that fills before it is in place still ends in
                // run's OutOfMemoryError line.
                Thread watch = new Thread(Main::watchHeap, "gwctl-heap-watch");
                watch.setDaemon(true);
                watch.start();
            }
        }
        // The file descriptors, not System.out: a PrintStream swallows write errors (a full disk).
        // Written in 64 KB blocks: the encoder below hands on 8 KB at a time, one write call each (5,900 of them
        // for the 47 MB JSON document of 10,000 Gateways). A flush (every command's last, or a command's own)
        // still writes everything out.
        int code = run(args, new OutputStreamWriter(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out),
                        1 << 16), StandardCharsets.UTF_8),
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
                Environment.system());
        System.exit(code);
    }

    /** The commands that read no input (nothing for {@link #watchHeap} to watch). */
    private static final Set<String> NO_INPUT = Set.of("version", "help", "completion");

    /**
     * False for a command line that cannot read input: help, version, completion scripts, or no command at all (a
     * usage error). Those skip {@link #watchHeap}, whose management beans cost more start-up than the rest of them.
     */
    static boolean readsInputs(String[] args) {
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return false;
            }
        }
        for (String a : args) {
            if (!a.startsWith("-")) {
                return !NO_INPUT.contains(a);
            }
        }
        return false;
    }

    /**
     * Starts loading the JDK's certificate code on a thread of its own while the command line is parsed: the first
     * Secret read in a JVM otherwise waits about 50 ms for it, an eighth of a small run ({@link TlsWarmUp}). Only with
     * a core to spare: the main thread and the JIT compiler keep two busy while picocli builds its model, and on two
     * cores the warm-up took their time (55 ms more CPU, no shorter run). A daemon, so that a run that needs no
     * certificate does not wait for it.
     */
    private static void warmUp() {
        if (Runtime.getRuntime().availableProcessors() <= 2) {
            return;
        }
        Thread t = new Thread(new TlsWarmUp(), "gwctl-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Heap left after a full collection, below which the run is stopped: it would only thrash. */
    private static final double HEAP_FULL = 0.97;

    /**
     * Ends the process with one line when the old generation is still {@value #HEAP_FULL} full after a full
     * collection: without this a run that outgrows the heap spends minutes in back-to-back collections before the
     * JVM gives up with a stack trace. Only a full collection ("end of major GC") is judged: G1 also reports the old
     * generation after its young and mixed collections, which leave garbage there for later, and a run with heap
     * to spare was stopped when it read that as full. The notification comes on a JVM thread, hence {@code halt}
     * here, in the only class that ends the process. The launchers turn it off ({@code -Dgwctl.heap-watch=false})
     * for small {@code -f} inputs, which cannot fill a heap: its management beans are a tenth of a small run's time.
     */
    private static void watchHeap() {
        MemoryPoolMXBean old = null;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (pool.getType() == MemoryType.HEAP && pool.getUsage().getMax() > 0
                    && (name.contains("Old") || name.contains("Tenured"))) {
                old = pool;
            }
        }
        if (old == null) {
            return;
        }
        NotificationListener listener = fullAfterFullCollection(old.getName(), old.getUsage().getMax(), () -> {
            System.err.println(ErrorHandler.outOfMemoryMessage());
            System.err.flush();
            Runtime.getRuntime().halt(ExitCodes.INTERNAL_ERROR);
        });
        // Only the collectors of the old generation: the JVM builds a notification for every collection of a
        // collector with a listener, and the young collector's (serial "Copy", parallel "PS Scavenge") never
        // judge the old generation (24 of them at N=10,000: 26 ms of the notification thread's CPU).
        String oldName = old.getName();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter && List.of(gc.getMemoryPoolNames()).contains(oldName)) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
    }

    /**
     * A listener of garbage collections that runs {@code full} when a full collection leaves the pool
     * {@code oldPool} (of size {@code max}) at least {@value #HEAP_FULL} used.
     */
    static NotificationListener fullAfterFullCollection(String oldPool, long max, Runnable full) {
        long limit = (long) (max * HEAP_FULL);
        return (n, handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) n.getUserData());
            if (!"end of major GC".equals(info.getGcAction())) {
                return;
            }
            MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(oldPool);
            if (after != null && after.getUsed() >= limit) {
                full.run();
            }
        };
    }

    /** Runs gwctl on the process environment, writing UTF-8 to the given streams. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, new OutputStreamWriter(out, StandardCharsets.UTF_8),
                new OutputStreamWriter(err, StandardCharsets.UTF_8), Environment.system());
    }

    /** Runs gwctl on the process environment. */
    public static int run(String[] args, Writer out, Writer err) {
        return run(args, out, err, Environment.system());
    }

    /**
     * Runs gwctl; output is buffered and flushed once at the end (also after an error). A write error on the
     * output (a full disk) is reported in one line and makes the exit code 74, whatever the command found.
     */
    public static int run(String[] args, Writer out, Writer err, Environment env) {
        if (args.length > 0 && args[0].equals(DynamicCandidates.COMMAND)) {
            return DynamicCandidates.run(args, new PrintWriter(out), env);
        }
        CheckedWriter checked = new CheckedWriter(out);
        PrintWriter o = new PrintWriter(new BufferedWriter(checked));
        PrintWriter e = new PrintWriter(new BufferedWriter(err));
        int code;
        try {
            code = commandLineFor(env, args).setOut(o).setErr(e).execute(args);
        } catch (OutOfMemoryError oom) {
            e.println(ErrorHandler.outOfMemoryMessage());
            code = ExitCodes.INTERNAL_ERROR;
        }
        o.flush();
        if (checked.failure() != null && !CheckedWriter.isBrokenPipe(checked.failure())) {
            e.println("gwctl: cannot write the output: " + Printable.escape(String.valueOf(
                    checked.failure().getMessage())).toLowerCase(java.util.Locale.ROOT));
            code = ExitCodes.IO_ERROR;
        }
        e.flush();
        return code;
    }

    /** The configured command tree (error handlers, case-insensitive enum values); also used for completion. */
    public static CommandLine commandLine(Environment env) {
        return commandLine(env, null);
    }

    /** The command tree of one command line in a gwctl shell, working on the shell's {@code loaded} inputs. */
    public static CommandLine commandLine(Environment env, LoadedInputs loaded) {
        return configured(new CommandLine(new GwctlCommand.Full(env, loaded)));
    }

    /**
     * The command tree as far as {@code args} can reach it ({@link CommandTree}): the commands the line does not
     * name are stand-ins that only show in help and messages. Behaves as the whole tree for that line.
     */
    static CommandLine commandLineFor(Environment env, String[] args) {
        return configured(CommandTree.forLine(new GwctlCommand(env), args));
    }

    private static CommandLine configured(CommandLine root) {
        ErrorHandler handler = new ErrorHandler();
        return root.setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(handler)
                .setParameterExceptionHandler(handler);
    }
}
