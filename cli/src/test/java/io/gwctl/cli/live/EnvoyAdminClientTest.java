package io.gwctl.cli.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.gwctl.model.envoy.ConfigDump;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP side of {@code --live} that the CLI tests cannot wait for: a proxy that never answers. */
class EnvoyAdminClientTest {
    private HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/config_dump", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS); // a proxy that hangs until the test lets it answer
                byte[] body = "{\"configs\": []}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Test
    void aProxyThatDoesNotAnswerInTimeIsATimeout() {
        assertThatThrownBy(() -> EnvoyAdminClient.configDump(base(), "dump", Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void anAnsweringProxyIsParsed() throws Exception {
        release.countDown();
        ConfigDump d = EnvoyAdminClient.configDump(base(), "dump", Duration.ofSeconds(10));
        assertThat(d.listeners()).isEmpty();
        assertThat(d.routeConfigs()).isEmpty();
    }
}
