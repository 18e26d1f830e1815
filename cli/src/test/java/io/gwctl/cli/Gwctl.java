package io.gwctl.cli;

import io.gwctl.cli.live.ProxyAdminTunnels;
import io.gwctl.cli.source.KubeClientFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Black-box runner for tests: runs {@link Main#run} in a controlled environment (no terminal, no HOME, no
 * KUBECONFIG, empty stdin, a cluster factory that counts calls and refuses, no tunnel to any proxy) and captures
 * stdout, stderr, exit code.
 */
public final class Gwctl {
    /** The captured outcome of one run. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Map<String, String> vars = new HashMap<>();
    private Supplier<InputStream> stdin = () -> new ByteArrayInputStream(new byte[0]);
    private boolean terminal;
    private FileSystem fileSystem = FileSystems.getDefault();
    private KubeClientFactory kube;
    private ProxyAdminTunnels proxyAdmin = (client, namespace, pod, port) -> {
        throw new AssertionError("a run opened a tunnel to " + namespace + "/" + pod + ":" + port
                + " without a test tunnel (Gwctl.proxyAdmin)");
    };
    /** How many times a run asked for a Kubernetes client (must stay 0 on file-only paths). */
    public final AtomicInteger kubeClientRequests = new AtomicInteger();

    public Gwctl() {
        kube = target -> {
            kubeClientRequests.incrementAndGet();
            throw new AssertionError("a file-only run asked for a Kubernetes client: " + target);
        };
    }

    public Gwctl env(String name, String value) {
        vars.put(name, value);
        return this;
    }

    public Gwctl stdin(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        stdin = () -> new ByteArrayInputStream(bytes);
        return this;
    }

    public Gwctl stdin(Supplier<InputStream> in) {
        stdin = in;
        return this;
    }

    /** The file system the run reads, e.g. an in-memory one (the fuzz tests). */
    public Gwctl fileSystem(FileSystem fs) {
        fileSystem = fs;
        return this;
    }

    public Gwctl terminal(boolean isTerminal) {
        terminal = isTerminal;
        return this;
    }

    public Gwctl kube(KubeClientFactory factory) {
        kube = factory;
        return this;
    }

    /** How runs reach a proxy's admin port, e.g. a local HTTP server standing in for Envoy. */
    public Gwctl proxyAdmin(ProxyAdminTunnels tunnels) {
        proxyAdmin = tunnels;
        return this;
    }

    public Environment environment() {
        return new Environment(vars, stdin, terminal, fileSystem, kube, proxyAdmin);
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, out, err, environment());
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * {@link #run} with the JVM system property {@code name} set to {@code value} (cleared when null) for the run, and
     * restored after: how tests force a choice gwctl otherwise makes from the heap's size.
     */
    public Result runWithProperty(String name, String value, String... args) {
        return withProperty(name, value, () -> run(args));
    }

    /** {@code body} with the system property {@code name} set to {@code value} (cleared when null), then restored. */
    public static <T> T withProperty(String name, String value, Supplier<T> body) {
        String before = System.getProperty(name);
        set(name, value);
        try {
            return body.get();
        } finally {
            set(name, before);
        }
    }

    private static void set(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
