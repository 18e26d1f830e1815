package io.gwctl.cli.live;

import io.gwctl.model.envoy.ConfigDump;
import io.gwctl.model.envoy.ConfigDumpException;
import io.gwctl.model.envoy.ConfigDumpReader;
import io.gwctl.model.envoy.FullConfigDump;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads {@code /config_dump} from an Envoy admin endpoint (through a {@link ProxyAdminTunnels.Tunnel}) with the JDK
 * HTTP client, as istioctl's {@code EnvoyDo(pod, "GET", "config_dump")} does, and parses it as it arrives.
 */
public final class EnvoyAdminClient {
    /** A port-forwarded connection opens in well under a second; longer means nothing answers. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Until the response starts: Envoy serialises a large gateway's dump in a few seconds at most. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private static final int ERROR_BODY_CHARS = 200;

    private EnvoyAdminClient() {
    }

    /** The admin endpoint answered, with a status other than 200. */
    public static final class StatusException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        StatusException(int status, String body) {
            super("HTTP " + status + (body.isEmpty() ? "" : ": " + body));
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * GETs {@code base/config_dump} and parses it.
     *
     * @param name how parse errors name the dump, e.g. {@code config_dump of pod istio-system/NAME}
     * @throws IOException          nothing answered, the connection broke, or no response within the timeout
     *                              ({@link java.net.http.HttpTimeoutException})
     * @throws StatusException      the endpoint answered with a status other than 200
     * @throws ConfigDumpException  the body is not an Envoy config dump
     */
    public static ConfigDump configDump(URI base, String name)
            throws IOException, StatusException, ConfigDumpException {
        return configDump(base, name, RESPONSE_TIMEOUT);
    }

    /** As {@link #configDump(URI, String)}, waiting at most {@code responseTimeout} for the response to start. */
    static ConfigDump configDump(URI base, String name, Duration responseTimeout)
            throws IOException, StatusException, ConfigDumpException {
        return get(base, "config_dump", name, responseTimeout, ConfigDumpReader::read);
    }

    /**
     * GETs {@code base/config_dump?include_eds} (the endpoints too, as istioctl's {@code proxy-config all} asks) and
     * parses every section {@code pc all} prints; throws as {@link #configDump(URI, String)} does.
     */
    public static FullConfigDump fullConfigDump(URI base, String name)
            throws IOException, StatusException, ConfigDumpException {
        return get(base, "config_dump?include_eds", name, RESPONSE_TIMEOUT, ConfigDumpReader::readFull);
    }

    /** How an answer is parsed: {@link ConfigDumpReader#read} or {@link ConfigDumpReader#readFull}. */
    private interface Parser<T> {
        T parse(InputStream in, String name) throws ConfigDumpException;
    }

    private static <T> T get(URI base, String pathAndQuery, String name, Duration responseTimeout, Parser<T> parser)
            throws IOException, StatusException, ConfigDumpException {
        // HTTP/1.1 as Envoy's admin listener speaks it (no h2c upgrade), never through a proxy: the tunnel is local.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(responseTimeout)
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + request.uri());
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new StatusException(response.statusCode(), firstLine(body));
            }
            return parser.parse(body, name);
        }
    }

    /** The start of an error body, one line, for the message. */
    private static String firstLine(InputStream body) throws IOException {
        String text = new String(body.readNBytes(ERROR_BODY_CHARS), StandardCharsets.UTF_8).strip();
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl).strip();
    }
}
