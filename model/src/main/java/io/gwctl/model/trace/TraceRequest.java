package io.gwctl.model.trace;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The request to trace. {@code scheme} is {@code http}, {@code https} or {@code tcp}; {@code port} the port the
 * client connects to (the URL's, else 80/443); {@code path} without the query, which is {@code query} ("" when
 * none); {@code headers} in order with lower-case names, {@code Host} ({@code :authority}) always among them;
 * {@code sni} is the TLS server name an {@code https} client sends (null for plaintext).
 */
public record TraceRequest(String scheme, String host, int port, String path, String query, String method,
                           List<Header> headers, String sni) {
    /** One request header; the name is lower-cased. */
    public record Header(String name, String value) {
        public Header {
            name = name.toLowerCase(Locale.ROOT);
        }
    }

    public TraceRequest {
        headers = List.copyOf(headers);
    }

    /** True when the client speaks TLS to the gateway (an https URL). */
    public boolean tls() {
        return "https".equals(scheme);
    }

    /** True for a {@code tcp://host:port} request: no HTTP at all. */
    public boolean tcp() {
        return "tcp".equals(scheme);
    }

    /** The value of the first header named {@code name} (lower case), or null. */
    public String header(String name) {
        for (Header h : headers) {
            if (h.name().equals(name)) {
                return h.value();
            }
        }
        return null;
    }

    /** This request with {@code newPath} as its path (and in its {@code :path} header). */
    public TraceRequest withPath(String newPath) {
        if (newPath.equals(path)) {
            return this;
        }
        List<Header> changed = new ArrayList<>(headers.size());
        for (Header h : headers) {
            changed.add(h.name().equals(":path") ? new Header(":path", query.isEmpty() ? newPath : newPath + "?" + query)
                    : h);
        }
        return new TraceRequest(scheme, host, port, newPath, query, method, changed, sni);
    }

    /** The {@code :path} header: the path with its query. */
    public String pathAndQuery() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    private static int effectivePort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    /**
     * Parses {@code http[s]://host[:port][/path][?query]} or {@code tcp://host:port} as curl would send it: the Host
     * header is the URL's host with the port only when the URL names one other than the scheme's default; a
     * {@code Host} in {@code headers} replaces it. {@code headers} are {@code Name:Value} strings; {@code sni}
     * (https only) defaults to the URL's host.
     *
     * @throws IllegalArgumentException with a one-line message when the URL or a header is malformed
     */
    public static TraceRequest parse(String url, String method, List<String> headers, String sni) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url + " (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("http", "https", "tcp").contains(scheme)) {
            throw new IllegalArgumentException("not an http://, https:// or tcp:// URL: " + url);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("the URL names no host: " + url);
        }
        host = host.toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port < 0 && "tcp".equals(scheme)) {
            throw new IllegalArgumentException("a tcp:// URL needs a port: " + url);
        }
        int effectivePort = port >= 0 ? port : effectivePort(scheme);
        if (sni != null && !"https".equals(scheme)) {
            throw new IllegalArgumentException("--sni needs an https:// URL (TLS): " + url);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        List<Header> parsed = new ArrayList<>();
        // curl's Host header: the port only when it is not the scheme's default.
        String hostHeader = port >= 0 && port != effectivePort(scheme) ? host + ":" + port : host;
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a header is NAME:VALUE, got '" + h + "'");
            }
            Header header = new Header(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
            if (header.name().equals("host") || header.name().equals(":authority")) {
                hostHeader = header.value();
            } else {
                parsed.add(header);
            }
        }
        if ("tcp".equals(scheme)) {
            return new TraceRequest(scheme, host, effectivePort, "", "", "", List.of(), null);
        }
        String m = method == null || method.isEmpty() ? "GET" : method.toUpperCase(Locale.ROOT);
        List<Header> all = new ArrayList<>();
        all.add(new Header(":authority", hostHeader));
        all.add(new Header(":method", m));
        all.add(new Header(":path", query.isEmpty() ? path : path + "?" + query));
        all.add(new Header(":scheme", scheme));
        all.add(new Header("host", hostHeader));
        all.addAll(parsed);
        String effectiveSni = "https".equals(scheme) ? (sni == null || sni.isEmpty() ? host : sni) : null;
        return new TraceRequest(scheme, host, effectivePort, path, query, m, all, effectiveSni);
    }
}
