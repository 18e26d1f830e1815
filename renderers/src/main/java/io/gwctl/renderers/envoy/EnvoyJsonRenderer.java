package io.gwctl.renderers.envoy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gwctl.model.envoy.FilterChain;
import io.gwctl.model.envoy.FilterChainMatch;
import io.gwctl.model.envoy.HeaderMatcher;
import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.NetworkFilter;
import io.gwctl.model.envoy.QueryParameterMatcher;
import io.gwctl.model.envoy.Redirect;
import io.gwctl.model.envoy.Route;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.envoy.RouteMatch;
import io.gwctl.model.envoy.ValueMatcher;
import io.gwctl.model.envoy.VirtualHost;
import io.gwctl.model.envoy.WeightedCluster;
import io.gwctl.renderers.table.ListenerFilter;
import io.gwctl.renderers.table.RouteFilter;
import io.gwctl.renderers.table.RouteTableRenderer;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Prints listeners and route configurations for {@code proxy-config listener|route -o json|yaml} the way istioctl's
 * {@code PrintListenerDump}/{@code PrintRouteDump} do (spec §1): an array of Envoy messages with protojson field
 * names (camelCase, proto declaration order, empty fields omitted), indented by {@code json.MarshalIndent(…, "",
 * "    ")} with Go's HTML escaping, followed by a newline; YAML is the same document converted like
 * {@code yaml.JSONToYAML} (keys sorted) and followed by istioctl's extra newline. Only the fields gwctl models are
 * present; {@code docs/output-formats.md} describes the shape.
 */
public final class EnvoyJsonRenderer {

    /** The two dump formats of {@code -o}. */
    public enum Format { JSON, YAML }

    static final String HCM_TYPE =
            "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager";
    static final String TCP_PROXY_TYPE = "type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    private EnvoyJsonRenderer() {
    }

    /**
     * Writes the listeners kept by {@code filter} to {@code out} (flushed), in the order given: unlike its table,
     * istioctl's {@code PrintListenerDump} does not sort them.
     */
    public static void renderListeners(List<Listener> listeners, ListenerFilter filter, Format format, Writer out)
            throws IOException {
        ArrayNode array = NODES.arrayNode();
        for (Listener l : listeners) {
            if (filter.verify(l)) {
                array.add(listener(l));
            }
        }
        write(array, format, out);
    }

    /**
     * Writes the route configurations kept by {@code filter} to {@code out} (flushed), in istioctl's order (the same
     * Atoi comparator as the table, {@link RouteTableRenderer#sortedLikeIstioctl}).
     */
    public static void renderRouteConfigs(List<RouteConfiguration> routes, RouteFilter filter, Format format,
                                          Writer out) throws IOException {
        ArrayNode array = NODES.arrayNode();
        for (RouteConfiguration rc : RouteTableRenderer.sortedLikeIstioctl(routes)) {
            if (filter.verify(rc)) {
                array.add(routeConfiguration(rc));
            }
        }
        write(array, format, out);
    }

    private static void write(ArrayNode array, Format format, Writer out) throws IOException {
        if (format == Format.JSON) {
            // Many small writes: format into memory, hand the writer one string.
            StringWriter json = new StringWriter();
            GoJson.writeIndented(array, json);
            json.write('\n');
            out.write(json.toString());
        } else {
            // yaml.JSONToYAML goes through a Go map, so keys come out sorted; istioctl's Println adds a newline.
            out.write(YAML.writeValueAsString(sortKeys(array)));
            out.write('\n');
        }
        out.flush();
    }

    private static JsonNode sortKeys(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(String::compareTo);
            ObjectNode sorted = NODES.objectNode();
            for (String n : names) {
                sorted.set(n, sortKeys(node.get(n)));
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode sorted = NODES.arrayNode();
            node.forEach(child -> sorted.add(sortKeys(child)));
            return sorted;
        }
        return node;
    }

    static ObjectNode listener(Listener l) {
        ObjectNode o = NODES.objectNode();
        putIfNotEmpty(o, "name", l.name());
        String address = l.address() == null ? "" : l.address();
        if (l.port() == 0 && (address.startsWith("/") || address.startsWith("@"))) {
            o.putObject("address").putObject("pipe").put("path", address);
        } else if (!address.isEmpty() || l.port() != 0) {
            o.putObject("address").set("socketAddress", socketAddress(address, l.port()));
        }
        if (!l.additionalAddresses().isEmpty()) {
            ArrayNode additional = o.putArray("additionalAddresses");
            for (String a : l.additionalAddresses()) {
                additional.addObject().putObject("address").set("socketAddress", socketAddress(a, l.port()));
            }
        }
        if (!l.filterChains().isEmpty()) {
            ArrayNode chains = o.putArray("filterChains");
            l.filterChains().forEach(c -> chains.add(filterChain(c)));
        }
        if (l.defaultFilterChain() != null) {
            o.set("defaultFilterChain", filterChain(l.defaultFilterChain()));
        }
        return o;
    }

    private static ObjectNode socketAddress(String address, int port) {
        ObjectNode s = NODES.objectNode();
        putIfNotEmpty(s, "address", address);
        if (port != 0) {
            s.put("portValue", port);
        }
        return s;
    }

    private static ObjectNode filterChain(FilterChain chain) {
        ObjectNode o = NODES.objectNode();
        if (chain.match() != null) {
            o.set("filterChainMatch", filterChainMatch(chain.match()));
        }
        if (!chain.filters().isEmpty()) {
            ArrayNode filters = o.putArray("filters");
            chain.filters().forEach(f -> filters.add(filter(f)));
        }
        return o;
    }

    private static ObjectNode filterChainMatch(FilterChainMatch m) {
        ObjectNode o = NODES.objectNode();
        if (m.destinationPort() != 0) {
            o.put("destinationPort", m.destinationPort());
        }
        if (!m.prefixRanges().isEmpty()) {
            ArrayNode ranges = o.putArray("prefixRanges");
            for (String r : m.prefixRanges()) {
                int slash = r.lastIndexOf('/');
                ObjectNode cidr = ranges.addObject();
                cidr.put("addressPrefix", slash < 0 ? r : r.substring(0, slash));
                cidr.put("prefixLen", slash < 0 ? 0 : Integer.parseInt(r.substring(slash + 1)));
            }
        }
        putStrings(o, "serverNames", m.serverNames());
        putIfNotEmpty(o, "transportProtocol", m.transportProtocol());
        putStrings(o, "applicationProtocols", m.applicationProtocols());
        return o;
    }

    private static ObjectNode filter(NetworkFilter f) {
        ObjectNode o = NODES.objectNode();
        o.put("name", f.name());
        if (f instanceof NetworkFilter.HttpConnectionManager hcm) {
            ObjectNode cfg = o.putObject("typedConfig");
            cfg.put("@type", HCM_TYPE);
            if (hcm.rdsRouteConfigName() != null && !hcm.rdsRouteConfigName().isEmpty()) {
                cfg.putObject("rds").put("routeConfigName", hcm.rdsRouteConfigName());
            }
            if (hcm.inlineRouteConfig() != null) {
                cfg.set("routeConfig", routeConfiguration(hcm.inlineRouteConfig()));
            }
        } else if (f instanceof NetworkFilter.TcpProxy tcp) {
            ObjectNode cfg = o.putObject("typedConfig");
            cfg.put("@type", TCP_PROXY_TYPE);
            if (tcp.cluster() == null || tcp.cluster().isEmpty()) {
                // Istio names the stat prefix after the cluster.
                weightedClusters(cfg.putObject("weightedClusters"), tcp.weightedClusters());
            } else {
                cfg.put("statPrefix", tcp.cluster());
                cfg.put("cluster", tcp.cluster());
            }
        }
        return o;
    }

    static ObjectNode routeConfiguration(RouteConfiguration rc) {
        ObjectNode o = NODES.objectNode();
        putIfNotEmpty(o, "name", rc.name());
        if (!rc.virtualHosts().isEmpty()) {
            ArrayNode vhosts = o.putArray("virtualHosts");
            rc.virtualHosts().forEach(vh -> vhosts.add(virtualHost(vh)));
        }
        if (rc.ignorePortInHostMatching()) {
            o.put("ignorePortInHostMatching", true);
        }
        return o;
    }

    private static ObjectNode virtualHost(VirtualHost vh) {
        ObjectNode o = NODES.objectNode();
        putIfNotEmpty(o, "name", vh.name());
        putStrings(o, "domains", vh.domains());
        if (!vh.routes().isEmpty()) {
            ArrayNode routes = o.putArray("routes");
            vh.routes().forEach(r -> routes.add(route(r)));
        }
        if (vh.requireTls()) {
            o.put("requireTls", "ALL");
        }
        return o;
    }

    private static ObjectNode route(Route r) {
        ObjectNode o = NODES.objectNode();
        if (r.match() != null) {
            o.set("match", routeMatch(r.match()));
        }
        switch (r.action()) {
            case CLUSTER -> o.putObject("route").put("cluster", r.cluster());
            case WEIGHTED_CLUSTERS -> weightedClusters(o.putObject("route").putObject("weightedClusters"),
                    r.weightedClusters());
            case REDIRECT -> redirect(o.putObject("redirect"), r.redirect());
            case DIRECT_RESPONSE -> {
                ObjectNode d = o.putObject("directResponse");
                if (r.directResponseStatus() != 0) {
                    d.put("status", r.directResponseStatus());
                }
            }
            case OTHER -> {
                // Nothing gwctl models (e.g. a cluster_header action).
            }
        }
        if (r.istioConfig() != null) {
            o.putObject("metadata").putObject("filterMetadata").putObject("istio").put("config", r.istioConfig());
        }
        return o;
    }

    private static ObjectNode routeMatch(RouteMatch m) {
        ObjectNode o = NODES.objectNode();
        if (m.prefix() != null) {
            o.put("prefix", m.prefix());
        }
        putIfNotEmpty(o, "path", m.path());
        if (m.safeRegex() != null) {
            o.putObject("safeRegex").put("regex", m.safeRegex());
        }
        putIfNotEmpty(o, "pathSeparatedPrefix", m.pathSeparatedPrefix());
        if (!m.caseSensitive()) {
            o.put("caseSensitive", false);
        }
        if (!m.headers().isEmpty()) {
            ArrayNode headers = o.putArray("headers");
            for (HeaderMatcher h : m.headers()) {
                ObjectNode n = headers.addObject();
                n.put("name", h.name());
                valueMatcher(n, h.value());
                if (h.invert()) {
                    n.put("invertMatch", true);
                }
            }
        }
        if (!m.queryParameters().isEmpty()) {
            ArrayNode query = o.putArray("queryParameters");
            for (QueryParameterMatcher q : m.queryParameters()) {
                valueMatcher(query.addObject().put("name", q.name()), q.value());
            }
        }
        return o;
    }

    /** A header or query matcher's comparison: {@code presentMatch}, or a {@code stringMatch}. */
    private static void valueMatcher(ObjectNode n, ValueMatcher v) {
        String field = switch (v.kind()) {
            case EXACT -> "exact";
            case PREFIX -> "prefix";
            case SUFFIX -> "suffix";
            case CONTAINS -> "contains";
            case REGEX -> "safeRegex";
            case PRESENT, UNSUPPORTED -> null;
        };
        if (v.kind() == ValueMatcher.Kind.PRESENT) {
            n.put("presentMatch", Boolean.parseBoolean(v.value()));
        }
        if (field == null) {
            return; // a range or other matcher gwctl does not model
        }
        ObjectNode sm = n.putObject("stringMatch");
        if (v.kind() == ValueMatcher.Kind.REGEX) {
            sm.putObject("safeRegex").put("regex", v.value());
        } else {
            sm.put(field, v.value());
        }
        if (v.ignoreCase()) {
            sm.put("ignoreCase", true);
        }
    }

    private static void weightedClusters(ObjectNode o, List<WeightedCluster> clusters) {
        if (clusters.isEmpty()) {
            return;
        }
        ArrayNode a = o.putArray("clusters");
        for (WeightedCluster c : clusters) {
            ObjectNode n = a.addObject().put("name", c.name());
            if (c.weight() != 0) {
                n.put("weight", c.weight());
            }
        }
    }

    /** Envoy's RedirectAction in declaration order; the default 301 and unset parts are omitted. */
    private static void redirect(ObjectNode o, Redirect r) {
        if (r == null) {
            return;
        }
        putIfNotEmpty(o, "schemeRedirect", r.scheme());
        putIfNotEmpty(o, "hostRedirect", r.host());
        if (r.port() != 0) {
            o.put("portRedirect", r.port());
        }
        putIfNotEmpty(o, "pathRedirect", r.pathRedirect());
        putIfNotEmpty(o, "prefixRewrite", r.prefixRewrite());
        String code = switch (r.responseCode()) {
            case 302 -> "FOUND";
            case 303 -> "SEE_OTHER";
            case 307 -> "TEMPORARY_REDIRECT";
            case 308 -> "PERMANENT_REDIRECT";
            default -> null;
        };
        if (code != null) {
            o.put("responseCode", code);
        }
        if (r.stripQuery()) {
            o.put("stripQuery", true);
        }
    }

    private static void putIfNotEmpty(ObjectNode o, String field, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(field, value);
        }
    }

    private static void putStrings(ObjectNode o, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = o.putArray(field);
            values.forEach(a::add);
        }
    }

    /** Go's {@code json.MarshalIndent(v, "", "    ")} layout and {@code json.Marshal} string escaping. */
    static final class GoJson {
        private GoJson() {
        }

        static void writeIndented(JsonNode node, Writer out) throws IOException {
            write(node, out, 0);
        }

        private static void write(JsonNode node, Writer out, int depth) throws IOException {
            if (node.isObject()) {
                if (node.isEmpty()) {
                    out.write("{}");
                    return;
                }
                out.write("{\n");
                Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    indent(out, depth + 1);
                    string(e.getKey(), out);
                    out.write(": ");
                    write(e.getValue(), out, depth + 1);
                    out.write(it.hasNext() ? ",\n" : "\n");
                }
                indent(out, depth);
                out.write('}');
            } else if (node.isArray()) {
                if (node.isEmpty()) {
                    out.write("[]");
                    return;
                }
                out.write("[\n");
                for (int i = 0; i < node.size(); i++) {
                    indent(out, depth + 1);
                    write(node.get(i), out, depth + 1);
                    out.write(i + 1 < node.size() ? ",\n" : "\n");
                }
                indent(out, depth);
                out.write(']');
            } else if (node.isTextual()) {
                string(node.textValue(), out);
            } else {
                out.write(node.toString());
            }
        }

        private static void indent(Writer out, int depth) throws IOException {
            for (int i = 0; i < depth; i++) {
                out.write("    ");
            }
        }

        /** protojson's escapes, then json.Marshal's HTML-safe escapes of {@code < > &} and U+2028/U+2029. */
        static void string(String s, Writer out) throws IOException {
            out.write('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.write("\\\"");
                    case '\\' -> out.write("\\\\");
                    case '\b' -> out.write("\\b");
                    case '\f' -> out.write("\\f");
                    case '\n' -> out.write("\\n");
                    case '\r' -> out.write("\\r");
                    case '\t' -> out.write("\\t");
                    case '<', '>', '&', '\u2028', '\u2029' -> out.write(String.format("\\u%04x", (int) c));
                    default -> {
                        if (c < 0x20) {
                            out.write(String.format("\\u%04x", (int) c));
                        } else {
                            out.write(c);
                        }
                    }
                }
            }
            out.write('"');
        }
    }
}
