package io.gwctl.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns fuzzer bytes into Istio ingress configuration (for {@link TranslateFuzzTest}): Gateways, VirtualServices,
 * Services and the ingress gateway's Service, each one YAML document, plus Secrets in a file of their own. Values
 * come mostly from small sets that make the resources meet (the same hosts, ports, Gateway names, Secret names),
 * sometimes from the fuzzer's own strings; every scalar is written double-quoted and escaped, so the documents are
 * valid YAML, unless the fuzzer asks for raw scalars ({@link #raw}), which may break the YAML anywhere.
 *
 * <p>The Secret marker appears only under a Secret's {@code data} or {@code stringData}, in the Secrets file,
 * which has no fuzzer strings: so any output carrying it leaked Secret data. Nothing generated selects, binds to
 * or lives in the namespace {@code untouched} (see {@link TranslateFuzzTest}).
 */
final class ManifestGenerator {
    private static final Path TLS = Path.of(System.getProperty("gwctl.root.dir", "..")).resolve("testdata/tls");
    /** Valid certificate and key pairs (PEM) the Secrets may carry: RSA, EC, expired. */
    private static final List<String[]> PAIRS = List.of(pair("rsa.crt.pem", "rsa.key.pem"),
            pair("ec.crt.pem", "ec.key.pem"), pair("expired.crt.pem", "rsa.key.pem"));
    /** Every broken shape of Secret data of {@link BadInputOutputTest}, the marker in its data (YAML ones). */
    private static final List<String> BROKEN_SECRETS = BadInputOutputTest.secretFixtures().entrySet().stream()
            .filter(e -> e.getKey().endsWith(".yaml")).map(Map.Entry::getValue).toList();
    /** The Secret every broken shape defines. */
    private static final String BROKEN_SECRET_NAME = "istio-system/test-cert";

    private static final String[] NAMESPACES = {"default", "istio-system", "team-a"};
    private static final String[] HOSTS = {"*", "*.example.com", "a.example.com", "b.example.com", "A.Example.com",
        "team-a/*", "./a.example.com", "*/b.example.com", "istio-system/*.example.com", "a.example.com."};
    private static final String[] SECRET_NAMES = {"test-cert", "api-cert", "team-a/api-cert", "missing-cert"};
    private static final String[] PROTOCOLS = {"HTTP", "HTTPS", "HTTP2", "GRPC", "TCP", "TLS", "MONGO", "http", ""};
    private static final String[] TLS_MODES = {"SIMPLE", "MUTUAL", "PASSTHROUGH", "ISTIO_MUTUAL", "AUTO_PASSTHROUGH",
        "OPTIONAL_MUTUAL", "simple"};
    private static final String[] SELECTORS = {"istio", "ingressgateway", "istio", "other", "app",
        "istio-ingressgateway"};
    private static final String[] PATHS = {"/", "/api", "/api/", "/API", "^/v[0-9]+/.*", "(", ""};
    private static final String[] DESTINATIONS = {"web", "api", "web.default.svc.cluster.local", "api.team-a",
        "missing", "*.example.com"};
    private static final int[] PORTS = {80, 443, 8080, 8443, 15021, 9000, 9080, 0, 65536};

    private final FuzzedDataProvider data;
    /** Scalars written as they come, unquoted: the YAML may then be broken anywhere. */
    final boolean raw;
    /** A Secret of a broken shape was written: its YAML too may be broken (an unterminated quote). */
    boolean brokenSecret;

    ManifestGenerator(FuzzedDataProvider data) {
        this.data = data;
        this.raw = data.consumeProbabilityDouble() < 0.1;
    }

    /** The configuration's documents (no Secrets), each its own YAML text without the {@code ---}. */
    List<String> documents() {
        List<String> docs = new ArrayList<>();
        docs.add(Fixtures.deployment("istio-ingressgateway", "istio-system"));
        docs.add(ingressService());
        int gateways = data.consumeInt(0, 3);
        for (int i = 0; i < gateways; i++) {
            docs.add(gateway(i));
        }
        int services = data.consumeInt(0, 2);
        for (int i = 0; i < services; i++) {
            docs.add(service(i));
        }
        int virtualServices = data.consumeInt(0, 3);
        for (int i = 0; i < virtualServices; i++) {
            docs.add(virtualService(i));
        }
        return docs;
    }

    /** The Secrets: valid TLS pairs with the marker under an extra key, or a broken shape; marker in data only. */
    List<String> secrets() {
        List<String> docs = new ArrayList<>();
        Set<String> names = new HashSet<>(); // no Secret twice: which copy wins would depend on the order
        int n = data.consumeInt(0, 2);
        for (int i = 0; i < n; i++) {
            if (data.consumeBoolean()) {
                if (names.add(BROKEN_SECRET_NAME)) {
                    docs.add(BROKEN_SECRETS.get(data.consumeInt(0, BROKEN_SECRETS.size() - 1)));
                    brokenSecret = true;
                }
                continue;
            }
            String[] pair = PAIRS.get(data.consumeInt(0, PAIRS.size() - 1));
            String[] name = data.pickValue(SECRET_NAMES).split("/");
            String ns = name.length > 1 ? name[0] : data.pickValue(NAMESPACES);
            if (!names.add(ns + "/" + name[name.length - 1])) {
                continue;
            }
            String type = data.pickValue(new String[] {"kubernetes.io/tls", "Opaque", "generic"});
            boolean keyNames = data.consumeBoolean(); // tls.crt/tls.key, or the generic cert/key of Istio
            docs.add("apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + name[name.length - 1] + "\n  namespace: "
                    + ns + "\ntype: " + type + "\ndata:\n  " + (keyNames ? "tls.crt: " : "cert: ") + b64(pair[0])
                    + "\n  " + (keyNames ? "tls.key: " : "key: ") + b64(pair[1] + FuzzChecks.MARKER) + "\n  password: "
                    + b64(FuzzChecks.MARKER) + "\n");
        }
        return docs;
    }

    private String ingressService() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "LoadBalancer");
        spec.put("selector", Map.of("istio", "ingressgateway"));
        List<Object> ports = new ArrayList<>();
        ports.add(Map.of("name", "status-port", "port", 15021, "targetPort", 15021));
        int n = data.consumeInt(0, 3);
        for (int i = 0; i < n; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", text("http2", "https", "tcp", "tls", "http"));
            p.put("port", port());
            p.put("targetPort", data.consumeBoolean() ? port() : text("http", "https", "8080"));
            ports.add(p);
        }
        spec.put("ports", ports);
        return doc("v1", "Service", "istio-ingressgateway", "istio-system", spec);
    }

    private String gateway(int i) {
        Map<String, Object> spec = new LinkedHashMap<>();
        int sel = data.consumeInt(0, SELECTORS.length / 2 - 1);
        spec.put("selector", Map.of(SELECTORS[2 * sel], SELECTORS[2 * sel + 1]));
        List<Object> servers = new ArrayList<>();
        int n = data.consumeInt(0, 3);
        for (int s = 0; s < n; s++) {
            Map<String, Object> port = new LinkedHashMap<>();
            port.put("number", port());
            port.put("name", text("http", "https", "tcp", "tls"));
            port.put("protocol", text(PROTOCOLS));
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("port", port);
            server.put("hosts", list(() -> text(HOSTS), 0, 3));
            if (data.consumeBoolean()) {
                Map<String, Object> tls = new LinkedHashMap<>();
                if (data.consumeBoolean()) {
                    tls.put("httpsRedirect", true);
                } else {
                    tls.put("mode", text(TLS_MODES));
                    if (data.consumeBoolean()) {
                        tls.put("credentialName", text(SECRET_NAMES));
                    }
                }
                server.put("tls", tls);
            }
            if (data.consumeProbabilityDouble() < 0.2) {
                server.put("bind", text("0.0.0.0", "127.0.0.1", "::"));
            }
            servers.add(server);
        }
        spec.put("servers", servers);
        return doc("networking.istio.io/v1", "Gateway", name("gw", i), data.pickValue(NAMESPACES), spec);
    }

    private String service(int i) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("selector", Map.of("app", text("web", "api")));
        spec.put("ports", list(() -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("port", port());
            if (data.consumeBoolean()) {
                p.put("name", text("http", "grpc", "tcp"));
            }
            return p;
        }, 0, 2));
        return doc("v1", "Service", text("web", "api"), i == 0 ? "default" : "team-a", spec);
    }

    private String virtualService(int i) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("hosts", list(() -> text(HOSTS), 0, 3));
        spec.put("gateways", list(() -> text("gw0", "gw1", "gw2", "default/gw0", "istio-system/gw1", "team-a/gw2",
                "mesh"), 0, 2));
        if (data.consumeBoolean()) {
            spec.put("http", list(this::httpRoute, 0, 3));
        }
        if (data.consumeProbabilityDouble() < 0.3) {
            spec.put("tcp", list(() -> Map.of("match", List.of(Map.of("port", port())), "route",
                    List.of(destination())), 1, 2));
        }
        if (data.consumeProbabilityDouble() < 0.3) {
            spec.put("tls", list(() -> Map.of("match", List.of(Map.of("sniHosts", list(() -> text(HOSTS), 1, 2))),
                    "route", List.of(destination())), 1, 2));
        }
        if (data.consumeProbabilityDouble() < 0.1) {
            spec.put("exportTo", List.of(text(".", "*", "team-a")));
        }
        return doc("networking.istio.io/v1", "VirtualService", name("vs", i), data.pickValue(NAMESPACES), spec);
    }

    private Map<String, Object> httpRoute() {
        Map<String, Object> route = new LinkedHashMap<>();
        if (data.consumeBoolean()) {
            route.put("match", list(() -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("uri", Map.of(text("prefix", "exact", "regex"), text(PATHS)));
                if (data.consumeProbabilityDouble() < 0.3) {
                    m.put("headers", Map.of(text("x-user", ":authority", "Host"), Map.of("exact", text("a", ""))));
                }
                if (data.consumeProbabilityDouble() < 0.2) {
                    m.put("port", port());
                }
                return m;
            }, 1, 2));
        }
        int kind = data.consumeInt(0, 3);
        if (kind == 0) {
            route.put("redirect", Map.of("uri", text(PATHS), "redirectCode", data.consumeInt(0, 400)));
        } else if (kind == 1) {
            route.put("directResponse", Map.of("status", data.consumeInt(0, 600)));
        } else {
            route.put("route", list(() -> {
                Map<String, Object> d = destination();
                if (data.consumeBoolean()) {
                    d.put("weight", data.consumeInt(-1, 101));
                }
                return d;
            }, 1, 2));
            if (kind == 3) {
                route.put("rewrite", Map.of("uri", text(PATHS)));
            }
        }
        return route;
    }

    private Map<String, Object> destination() {
        Map<String, Object> d = new LinkedHashMap<>();
        Map<String, Object> dest = new LinkedHashMap<>();
        dest.put("host", text(DESTINATIONS));
        if (data.consumeBoolean()) {
            dest.put("port", Map.of("number", port()));
        }
        d.put("destination", dest);
        return d;
    }

    /** A unique name per kind: generated names never collide, so no object is defined twice. */
    private String name(String prefix, int i) {
        return prefix + i;
    }

    private int port() {
        return data.consumeBoolean() ? PORTS[data.consumeInt(0, PORTS.length - 1)] : data.consumeInt(-1, 70000);
    }

    /** One of the usual values, or now and then a string of the fuzzer's own (never the marker). */
    private String text(String... usual) {
        if (data.consumeProbabilityDouble() < 0.85) {
            return data.pickValue(usual);
        }
        String s = data.consumeString(24);
        while (s.contains(FuzzChecks.MARKER)) {
            s = s.replace(FuzzChecks.MARKER, "");
        }
        return s;
    }

    private List<Object> list(java.util.function.Supplier<Object> item, int min, int max) {
        int n = data.consumeInt(min, max);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(item.get());
        }
        return out;
    }

    private String doc(String apiVersion, String kind, String name, String namespace, Map<String, Object> spec) {
        StringBuilder sb = new StringBuilder();
        sb.append("apiVersion: ").append(apiVersion).append("\nkind: ").append(kind).append("\nmetadata:\n  name: ")
                .append(scalar(name)).append("\n  namespace: ").append(namespace).append('\n');
        if (data.consumeProbabilityDouble() < 0.2) {
            sb.append("  creationTimestamp: ").append(scalar(text("2024-01-31T12:00:00Z", "2023-05-05T00:00:00Z")))
                    .append('\n');
        }
        sb.append("spec:");
        emit(sb, spec, 2);
        return sb.append('\n').toString();
    }

    /** Block-style YAML of maps, lists and scalars, {@code indent} spaces deep, after a key. */
    private void emit(StringBuilder sb, Object value, int indent) {
        String pad = " ".repeat(indent);
        if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append(" {}");
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append('\n').append(pad).append(scalar(e.getKey())).append(':');
                emit(sb, e.getValue(), indent + 2);
            }
        } else if (value instanceof List<?> l) {
            if (l.isEmpty()) {
                sb.append(" []");
            }
            for (Object item : l) {
                sb.append('\n').append(pad).append("-");
                if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                    StringBuilder inner = new StringBuilder();
                    emit(inner, item, indent + 2);
                    sb.append(' ').append(inner.substring(indent + 3)); // first key on the dash's line
                } else {
                    emit(sb, item, indent + 2);
                }
            }
        } else {
            sb.append(' ').append(scalar(value));
        }
    }

    /** A scalar: numbers and booleans as they are; strings double-quoted and escaped unless {@link #raw}. */
    private String scalar(Object v) {
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        String s = String.valueOf(v);
        if (raw) {
            return s;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f && c < 0xa0 || c >= 0xfffe) {
                sb.append(String.format("\\u%04x", (int) c));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append("\\ufffd"); // a lone half cannot be written in YAML
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] pair(String cert, String key) {
        try {
            return new String[] {Files.readString(TLS.resolve(cert)), Files.readString(TLS.resolve(key))};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
