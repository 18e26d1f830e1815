package io.gwctl.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The run the launcher records to build its class-data-sharing archive (see the {@code gwctl} script): in one JVM,
 * what a file run and a cluster run load, so that both start from the archive. A class list cannot be merged
 * across runs, hence one process. The cluster is a stand-in API server on the loopback address that answers every
 * list with no items and every other request with 404, enough to load the connection, request and mapping code.
 * Output is discarded; nothing here is part of the command line.
 */
public final class CdsTraining {
    /**
     * The entry point's classes, which no run through {@link Main} loads: a class the archive lacks is looked up in
     * the jar, which opens it and reads its directory of 9,600 entries (about 10 ms of a small run).
     */
    static final List<Class<?>> ENTRY_POINT = List.of(Launch.class, QuickHelp.class);

    private CdsTraining() {
    }

    /**
     * {@code args[0]}: a directory of manifests (the launcher passes {@code testdata/examples}); {@code args[1]}
     * {@code files}: only the runs that read files or nothing, for the launcher's smaller archive of such runs (the
     * cluster client's classes are a third of the whole archive, and the JVM relocates all of it at every start).
     */
    public static void main(String[] args) throws IOException {
        String dir = args.length > 0 ? args[0] : ".";
        if (args.length > 1 && args[1].equals("files")) {
            fileRuns(dir);
            return;
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            boolean list = exchange.getRequestURI().getRawQuery() != null
                    && exchange.getRequestURI().getRawQuery().contains("limit=");
            byte[] body = (list ? "{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[]}"
                    : "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\","
                    + "\"code\":404}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(list ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            fileRuns(dir);
            run("validate", "--server", url, "--token", "training");
            run("proxy-config", "route", "--server", url, "--token", "training");
        } finally {
            server.stop(0);
        }
    }

    /** Help and version first (the usage renderer's classes), then the runs that read files. */
    private static void fileRuns(String dir) {
        run("--help");
        run("--version");
        run("__complete", "namespace", "-f", dir);
        run("validate", "-f", dir, "-o", "json");
        run("validate", "-f", dir);
        run("proxy-config", "route", "-f", dir);
        run("proxy-config", "listener", "-f", dir);
    }

    private static void run(String... args) {
        Main.run(args, new StringWriter(), new StringWriter());
    }
}
