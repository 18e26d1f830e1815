package io.gwctl.model.envoy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads an Envoy admin {@code /config_dump} JSON into gwctl's listener and route records, taking exactly what
 * istioctl takes (spec §3.1): active dynamic listeners then static listeners (warming/draining ignored), dynamic
 * route configurations then static ones. Field names are accepted in Envoy's snake_case and in protojson
 * camelCase, as istioctl's proto unmarshalling does.
 */
public final class ConfigDumpReader {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final String BLACKHOLE_CLUSTER = "BlackHoleCluster";

    private ConfigDumpReader() {
    }

    /**
     * Parses a config dump.
     *
     * @param in   the JSON (not closed)
     * @param name the input's name for messages, e.g. the file name or {@code <stdin>}
     * @throws ConfigDumpException for malformed JSON or JSON that is not a config dump
     */
    public static ConfigDump read(InputStream in, String name) throws ConfigDumpException {
        return dump(configs(in, name));
    }

    /**
     * Parses a config dump with everything {@code istioctl proxy-config all} summarises (bootstrap versions,
     * clusters, endpoints, secrets) besides listeners and route configurations.
     *
     * @throws ConfigDumpException for malformed JSON or JSON that is not a config dump
     */
    public static FullConfigDump readFull(InputStream in, String name) throws ConfigDumpException {
        JsonNode configs = configs(in, name);
        FullConfigDump.Bootstrap bootstrap = new FullConfigDump.Bootstrap("", "", "0.0.0");
        List<FullConfigDump.Cluster> dynamicClusters = new ArrayList<>();
        List<FullConfigDump.Cluster> staticClusters = new ArrayList<>();
        List<FullConfigDump.EndpointGroup> dynamicEndpoints = new ArrayList<>();
        List<FullConfigDump.EndpointGroup> staticEndpoints = new ArrayList<>();
        List<FullConfigDump.Secret> warming = new ArrayList<>();
        List<FullConfigDump.Secret> active = new ArrayList<>();
        for (JsonNode config : configs) {
            String type = text(config.get("@type"));
            if (type.endsWith(".BootstrapConfigDump")) {
                bootstrap = bootstrap(field(field(config, "bootstrap"), "node"));
            } else if (type.endsWith(".ClustersConfigDump")) {
                collect(array(config, "dynamic_active_clusters"), "cluster", ConfigDumpReader::cluster, dynamicClusters);
                collect(array(config, "static_clusters"), "cluster", ConfigDumpReader::cluster, staticClusters);
            } else if (type.endsWith(".EndpointsConfigDump")) {
                collect(array(config, "dynamic_endpoint_configs"), "endpoint_config", ConfigDumpReader::endpointGroup,
                        dynamicEndpoints);
                collect(array(config, "static_endpoint_configs"), "endpoint_config", ConfigDumpReader::endpointGroup,
                        staticEndpoints);
            } else if (type.endsWith(".SecretsConfigDump")) {
                array(config, "dynamic_warming_secrets").forEach(s -> warming.add(secret(s, "WARMING")));
                array(config, "dynamic_active_secrets").forEach(s -> active.add(secret(s, "ACTIVE")));
            }
        }
        dynamicClusters.addAll(staticClusters);
        dynamicEndpoints.addAll(staticEndpoints);
        warming.addAll(active);
        return new FullConfigDump(dump(configs), bootstrap, dynamicClusters, dynamicEndpoints, warming);
    }

    /**
     * The {@code configs} array of a config dump. Every problem is located (STYLE.md: {@code FILE:LINE:COL}): a
     * syntax error where the parser stopped, a document that is not a config dump at its first value.
     */
    private static JsonNode configs(InputStream in, String name) throws ConfigDumpException {
        JsonNode root;
        JsonLocation start;
        try (JsonParser p = MAPPER.createParser(in)) {
            p.nextToken();
            start = p.currentTokenLocation();
            root = p.currentToken() == null ? null : MAPPER.readTree(p);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new ConfigDumpException(name, "invalid JSON: " + firstLine(e.getOriginalMessage()),
                    loc == null ? 1 : Math.max(1, loc.getLineNr()), loc == null ? 1 : Math.max(1, loc.getColumnNr()));
        } catch (CharConversionException e) {
            // The encoding is detected from the first bytes: the problem is at the start.
            throw new ConfigDumpException(name, "invalid JSON: " + firstLine(e.getMessage()), 1, 1);
        } catch (IOException e) {
            throw new ConfigDumpException(name, "cannot read: " + firstLine(e.getMessage()), 0, 0);
        }
        int line = Math.max(1, start.getLineNr());
        int column = Math.max(1, start.getColumnNr());
        if (root == null || root.isMissingNode()) {
            throw new ConfigDumpException(name, "not an Envoy config dump: empty input", line, column);
        }
        JsonNode configs = root.isObject() ? root.get("configs") : null;
        if (configs == null || !configs.isArray()) {
            throw new ConfigDumpException(name, "not an Envoy config dump: no configs array", line, column);
        }
        return configs;
    }

    private static ConfigDump dump(JsonNode configs) {
        List<Listener> dynamicListeners = new ArrayList<>();
        List<Listener> staticListeners = new ArrayList<>();
        List<RouteConfiguration> dynamicRoutes = new ArrayList<>();
        List<RouteConfiguration> staticRoutes = new ArrayList<>();
        for (JsonNode config : configs) {
            String type = text(config.get("@type"));
            if (type.endsWith(".ListenersConfigDump")) {
                for (JsonNode dl : array(config, "dynamic_listeners")) {
                    JsonNode active = field(dl, "active_state");
                    JsonNode l = active == null ? null : field(active, "listener");
                    if (l != null) {
                        dynamicListeners.add(listener(l));
                    }
                }
                collect(array(config, "static_listeners"), "listener", ConfigDumpReader::listener, staticListeners);
            } else if (type.endsWith(".RoutesConfigDump")) {
                collect(array(config, "dynamic_route_configs"), "route_config", ConfigDumpReader::routeConfiguration,
                        dynamicRoutes);
                collect(array(config, "static_route_configs"), "route_config", ConfigDumpReader::routeConfiguration,
                        staticRoutes);
            }
        }
        dynamicListeners.addAll(staticListeners);
        dynamicRoutes.addAll(staticRoutes);
        return new ConfigDump(dynamicListeners, dynamicRoutes);
    }

    /** Converts {@code entry.<wrapped>} of each entry that has it. */
    private static <T> void collect(List<JsonNode> entries, String wrapped, Function<JsonNode, T> convert,
                                    List<T> into) {
        for (JsonNode entry : entries) {
            JsonNode inner = field(entry, wrapped);
            if (inner != null && !inner.isNull()) {
                into.add(convert.apply(inner));
            }
        }
    }

    /** istioctl's getIstioVersionInfo and getUserAgentVersionInfo. */
    private static FullConfigDump.Bootstrap bootstrap(JsonNode node) {
        JsonNode md = field(node, "metadata");
        String version = md == null ? "" : text(md.get("ISTIO_VERSION"));
        String sha = md == null ? "" : text(md.get("ISTIO_PROXY_SHA"));
        String[] shaParts = sha.split(":", -1);
        if (shaParts.length > 1) {
            sha = shaParts[1];
        }
        JsonNode build = field(node, "user_agent_build_version");
        JsonNode v = build == null ? null : field(build, "version");
        StringBuilder envoy = new StringBuilder()
                .append(number(field(v, "major_number"))).append('.')
                .append(number(field(v, "minor_number"))).append('.')
                .append(number(field(v, "patch")));
        JsonNode bmd = build == null ? null : field(build, "metadata");
        if (bmd != null && bmd.isObject()) {
            appendIfPresent(envoy, "-", bmd.get("build.label"));
            appendIfPresent(envoy, "/", bmd.get("revision.status"));
            appendIfPresent(envoy, "/", bmd.get("build.type"));
            appendIfPresent(envoy, "/", bmd.get("ssl.version"));
        }
        return new FullConfigDump.Bootstrap(version, sha, envoy.toString());
    }

    private static void appendIfPresent(StringBuilder sb, String separator, JsonNode value) {
        if (value != null) {
            sb.append(separator).append(value.isTextual() ? value.textValue() : "");
        }
    }

    private static FullConfigDump.Cluster cluster(JsonNode c) {
        String type = text(field(c, "type"));
        return new FullConfigDump.Cluster(text(field(c, "name")), type.isEmpty() ? "STATIC" : type,
                istioConfig(field(c, "metadata")));
    }

    private static FullConfigDump.EndpointGroup endpointGroup(JsonNode cla) {
        List<FullConfigDump.LbEndpoint> eps = new ArrayList<>();
        for (JsonNode llb : array(cla, "endpoints")) {
            String locality = locality(field(llb, "locality"));
            for (JsonNode ep : array(llb, "lb_endpoints")) {
                JsonNode endpoint = field(ep, "endpoint");
                List<String> addresses = new ArrayList<>();
                addresses.add(endpointAddress(field(endpoint, "address")));
                for (JsonNode extra : array(endpoint, "additional_addresses")) {
                    addresses.add(endpointAddress(field(extra, "address")));
                }
                String health = text(field(ep, "health_status"));
                eps.add(new FullConfigDump.LbEndpoint(locality, addresses, health.isEmpty() ? "UNKNOWN" : health));
            }
        }
        return new FullConfigDump.EndpointGroup(text(field(cla, "cluster_name")), eps);
    }

    /** {@code util.LocalityToString}: region, then /zone and /subzone while present. */
    private static String locality(JsonNode l) {
        if (l == null || l.isNull()) {
            return "";
        }
        String result = text(field(l, "region"));
        String zone = text(field(l, "zone"));
        if (zone.isEmpty()) {
            return result;
        }
        result += "/" + zone;
        String subZone = text(field(l, "sub_zone"));
        return subZone.isEmpty() ? result : result + "/" + subZone;
    }

    /** istioctl's retrieveEndpointAddresses for one address. */
    private static String endpointAddress(JsonNode address) {
        JsonNode sock = field(address, "socket_address");
        if (sock != null) {
            return text(field(sock, "address")) + ":" + number(field(sock, "port_value"));
        }
        JsonNode pipe = field(address, "pipe");
        if (pipe != null) {
            return text(field(pipe, "path"));
        }
        JsonNode internal = field(address, "envoy_internal_address");
        if (internal != null && field(internal, "server_listener_name") != null) {
            return "envoy://" + text(field(internal, "server_listener_name")) + "/"
                    + text(field(internal, "endpoint_id"));
        }
        return "unknown";
    }

    /** Only the public certificate chain or trusted CA is kept, as istioctl's secret summary uses. */
    private static FullConfigDump.Secret secret(JsonNode dynamicSecret, String state) {
        JsonNode s = field(dynamicSecret, "secret");
        String chain = inlineBytes(field(field(s, "tls_certificate"), "certificate_chain"));
        String ca = inlineBytes(field(field(s, "validation_context"), "trusted_ca"));
        return new FullConfigDump.Secret(text(field(dynamicSecret, "name")), state, chain.isEmpty() ? ca : chain);
    }

    private static String inlineBytes(JsonNode dataSource) {
        JsonNode b = field(dataSource, "inline_bytes");
        if (b != null && b.isTextual()) {
            try {
                return new String(Base64.getDecoder().decode(b.textValue()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return "";
            }
        }
        JsonNode str = field(dataSource, "inline_string");
        return str == null ? "" : text(str);
    }

    private static Listener listener(JsonNode l) {
        JsonNode address = field(l, "address");
        String addr = "";
        int port = 0;
        if (address != null) {
            JsonNode sock = field(address, "socket_address");
            JsonNode pipe = field(address, "pipe");
            if (sock != null) {
                addr = text(field(sock, "address"));
                port = (int) number(field(sock, "port_value"));
            } else if (pipe != null) {
                addr = text(field(pipe, "path"));
            }
        }
        List<String> additional = new ArrayList<>();
        for (JsonNode aa : array(l, "additional_addresses")) {
            JsonNode a = field(aa, "address");
            JsonNode sock = a == null ? null : field(a, "socket_address");
            // istioctl's retrieveListenerAdditionalAddresses takes GetSocketAddress().Address: "" for other kinds.
            additional.add(sock == null ? "" : text(field(sock, "address")));
        }
        List<FilterChain> chains = new ArrayList<>();
        for (JsonNode fc : array(l, "filter_chains")) {
            chains.add(filterChain(fc));
        }
        JsonNode dfc = field(l, "default_filter_chain");
        return new Listener(text(field(l, "name")), addr, additional, port, chains,
                dfc == null || dfc.isNull() ? null : filterChain(dfc));
    }

    private static FilterChain filterChain(JsonNode fc) {
        JsonNode m = field(fc, "filter_chain_match");
        FilterChainMatch match = null;
        if (m != null && !m.isNull()) {
            List<String> ranges = new ArrayList<>();
            for (JsonNode r : array(m, "prefix_ranges")) {
                ranges.add(text(field(r, "address_prefix")) + "/" + number(field(r, "prefix_len")));
            }
            match = new FilterChainMatch(strings(m, "server_names"), text(field(m, "transport_protocol")),
                    strings(m, "application_protocols"), ranges, (int) number(field(m, "destination_port")));
        }
        List<NetworkFilter> filters = new ArrayList<>();
        for (JsonNode f : array(fc, "filters")) {
            filters.add(networkFilter(f));
        }
        return new FilterChain(match, filters);
    }

    /** istioctl decides by filter name, not by the typed_config type (spec §3.2 getFilterType). */
    private static NetworkFilter networkFilter(JsonNode f) {
        String name = text(field(f, "name"));
        JsonNode cfg = field(f, "typed_config");
        if (NetworkFilter.HttpConnectionManager.NAME.equals(name)) {
            JsonNode rds = cfg == null ? null : field(cfg, "rds");
            JsonNode inline = cfg == null ? null : field(cfg, "route_config");
            return new NetworkFilter.HttpConnectionManager(rds == null ? "" : text(field(rds, "route_config_name")),
                    inline == null || inline.isNull() ? null : routeConfiguration(inline));
        }
        if (NetworkFilter.TcpProxy.NAME.equals(name)) {
            // istioctl searches the serialized TcpProxy bytes for BlackHoleCluster: any string in the config.
            boolean blackhole = cfg != null && mentions(cfg, BLACKHOLE_CLUSTER);
            List<WeightedCluster> weighted = new ArrayList<>();
            for (JsonNode w : array(field(cfg, "weighted_clusters"), "clusters")) {
                weighted.add(new WeightedCluster(text(field(w, "name")), (int) number(field(w, "weight"))));
            }
            return new NetworkFilter.TcpProxy(cfg == null ? "" : text(field(cfg, "cluster")), blackhole, weighted);
        }
        return new NetworkFilter.Other(name);
    }

    private static boolean mentions(JsonNode node, String needle) {
        if (node.isTextual()) {
            return node.textValue().contains(needle);
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!"@type".equals(e.getKey()) && (e.getKey().contains(needle) || mentions(e.getValue(), needle))) {
                    return true;
                }
            }
            return false;
        }
        for (JsonNode child : node) {
            if (mentions(child, needle)) {
                return true;
            }
        }
        return false;
    }

    private static RouteConfiguration routeConfiguration(JsonNode rc) {
        List<VirtualHost> vhosts = new ArrayList<>();
        for (JsonNode vh : array(rc, "virtual_hosts")) {
            List<Route> routes = new ArrayList<>();
            for (JsonNode r : array(vh, "routes")) {
                routes.add(route(r));
            }
            vhosts.add(new VirtualHost(text(field(vh, "name")), strings(vh, "domains"), routes,
                    "ALL".equals(text(field(vh, "require_tls")))));
        }
        JsonNode ignorePort = field(rc, "ignore_port_in_host_matching");
        return new RouteConfiguration(text(field(rc, "name")), vhosts, ignorePort != null && ignorePort.asBoolean());
    }

    private static Route route(JsonNode r) {
        JsonNode m = field(r, "match");
        RouteMatch match = null;
        if (m != null && !m.isNull()) {
            JsonNode regex = field(m, "safe_regex");
            List<HeaderMatcher> headers = new ArrayList<>();
            for (JsonNode h : array(m, "headers")) {
                JsonNode invert = field(h, "invert_match");
                headers.add(new HeaderMatcher(text(field(h, "name")), headerValue(h),
                        invert != null && invert.asBoolean()));
            }
            List<QueryParameterMatcher> query = new ArrayList<>();
            for (JsonNode q : array(m, "query_parameters")) {
                query.add(new QueryParameterMatcher(text(field(q, "name")), headerValue(q)));
            }
            JsonNode caseSensitive = field(m, "case_sensitive");
            match = new RouteMatch(nullableText(field(m, "prefix")), nullableText(field(m, "path")),
                    nullableText(field(m, "path_separated_prefix")),
                    regex == null || regex.isNull() ? null : text(field(regex, "regex")),
                    !headers.isEmpty(), !query.isEmpty(), headers, query,
                    boolValue(caseSensitive, true));
        }
        Route.Action action = Route.Action.OTHER;
        String cluster = "";
        List<WeightedCluster> weighted = new ArrayList<>();
        Redirect redirect = null;
        int status = 0;
        JsonNode routeAction = field(r, "route");
        JsonNode redirectNode = field(r, "redirect");
        JsonNode direct = field(r, "direct_response");
        if (routeAction != null && !routeAction.isNull()) {
            JsonNode c = field(routeAction, "cluster");
            JsonNode wc = field(routeAction, "weighted_clusters");
            if (c != null) {
                action = Route.Action.CLUSTER;
                cluster = text(c);
            } else if (wc != null) {
                action = Route.Action.WEIGHTED_CLUSTERS;
                for (JsonNode w : array(wc, "clusters")) {
                    weighted.add(new WeightedCluster(text(field(w, "name")), (int) number(field(w, "weight"))));
                }
            }
        } else if (redirectNode != null) {
            action = Route.Action.REDIRECT;
            redirect = redirect(redirectNode);
        } else if (direct != null) {
            action = Route.Action.DIRECT_RESPONSE;
            status = (int) number(field(direct, "status"));
        }
        return new Route(match, action, cluster, istioConfig(field(r, "metadata")), weighted, redirect, status,
                null);
    }

    /** A header or query-parameter matcher's comparison, in its current or its deprecated spelling. */
    private static ValueMatcher headerValue(JsonNode h) {
        JsonNode sm = field(h, "string_match");
        if (sm != null && sm.isObject()) {
            return stringMatcher(sm);
        }
        JsonNode present = field(h, "present_match");
        if (present != null) {
            return ValueMatcher.of(ValueMatcher.Kind.PRESENT, Boolean.toString(present.asBoolean()));
        }
        JsonNode v;
        if ((v = field(h, "exact_match")) != null) {
            return ValueMatcher.of(ValueMatcher.Kind.EXACT, text(v));
        }
        if ((v = field(h, "prefix_match")) != null) {
            return ValueMatcher.of(ValueMatcher.Kind.PREFIX, text(v));
        }
        if ((v = field(h, "suffix_match")) != null) {
            return ValueMatcher.of(ValueMatcher.Kind.SUFFIX, text(v));
        }
        if ((v = field(h, "contains_match")) != null) {
            return ValueMatcher.of(ValueMatcher.Kind.CONTAINS, text(v));
        }
        if ((v = field(h, "safe_regex_match")) != null) {
            return ValueMatcher.of(ValueMatcher.Kind.REGEX, text(field(v, "regex")));
        }
        if (field(h, "range_match") != null) {
            return ValueMatcher.of(ValueMatcher.Kind.UNSUPPORTED, "range_match " + field(h, "range_match"));
        }
        // No comparison at all: Envoy matches when the header is present.
        return ValueMatcher.of(ValueMatcher.Kind.PRESENT, "true");
    }

    private static ValueMatcher stringMatcher(JsonNode sm) {
        JsonNode ic = field(sm, "ignore_case");
        boolean ignoreCase = ic != null && ic.asBoolean();
        JsonNode v;
        if ((v = field(sm, "exact")) != null) {
            return new ValueMatcher(ValueMatcher.Kind.EXACT, text(v), ignoreCase);
        }
        if ((v = field(sm, "prefix")) != null) {
            return new ValueMatcher(ValueMatcher.Kind.PREFIX, text(v), ignoreCase);
        }
        if ((v = field(sm, "suffix")) != null) {
            return new ValueMatcher(ValueMatcher.Kind.SUFFIX, text(v), ignoreCase);
        }
        if ((v = field(sm, "contains")) != null) {
            return new ValueMatcher(ValueMatcher.Kind.CONTAINS, text(v), ignoreCase);
        }
        if ((v = field(sm, "safe_regex")) != null) {
            return new ValueMatcher(ValueMatcher.Kind.REGEX, text(field(v, "regex")), false);
        }
        return ValueMatcher.of(ValueMatcher.Kind.UNSUPPORTED, sm.toString());
    }

    private static Redirect redirect(JsonNode n) {
        JsonNode https = field(n, "https_redirect");
        String scheme = https != null && https.asBoolean() ? "https" : nullableText(field(n, "scheme_redirect"));
        JsonNode strip = field(n, "strip_query");
        return new Redirect(scheme, nullableText(field(n, "host_redirect")), (int) number(field(n, "port_redirect")),
                nullableText(field(n, "path_redirect")), nullableText(field(n, "prefix_rewrite")),
                responseCode(field(n, "response_code")), strip != null && strip.asBoolean(), false);
    }

    /** A bool or a protobuf {@code BoolValue} wrapper ({@code {"value": false}}); {@code dflt} when absent. */
    private static boolean boolValue(JsonNode n, boolean dflt) {
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (n.isObject()) {
            JsonNode v = n.get("value");
            return v != null && v.asBoolean();
        }
        return n.asBoolean(dflt);
    }

    /** Envoy's {@code RedirectResponseCode} enum, by name or number; absent is {@code MOVED_PERMANENTLY}. */
    static int responseCode(JsonNode n) {
        String v = n == null || n.isNull() ? "MOVED_PERMANENTLY" : n.asText();
        return switch (v) {
            case "FOUND", "1" -> 302;
            case "SEE_OTHER", "2" -> 303;
            case "TEMPORARY_REDIRECT", "3" -> 307;
            case "PERMANENT_REDIRECT", "4" -> 308;
            default -> 301;
        };
    }

    /** {@code metadata.filter_metadata.istio.config}: null when absent, "" when not a string (istioctl's view). */
    private static String istioConfig(JsonNode metadata) {
        JsonNode fm = metadata == null ? null : field(metadata, "filter_metadata");
        JsonNode istio = fm == null ? null : fm.get("istio");
        JsonNode config = istio == null ? null : istio.get("config");
        if (config == null) {
            return null;
        }
        return config.isTextual() ? config.textValue() : "";
    }

    /** A field by its proto name, or its protojson camelCase name. */
    private static JsonNode field(JsonNode node, String snake) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode v = node.get(snake);
        if (v == null && snake.indexOf('_') >= 0) {
            v = node.get(camel(snake));
        }
        return v;
    }

    private static String camel(String snake) {
        StringBuilder sb = new StringBuilder(snake.length());
        boolean upper = false;
        for (int i = 0; i < snake.length(); i++) {
            char c = snake.charAt(i);
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    private static List<JsonNode> array(JsonNode node, String snake) {
        JsonNode a = field(node, snake);
        List<JsonNode> out = new ArrayList<>();
        if (a != null && a.isArray()) {
            a.forEach(out::add);
        }
        return out;
    }

    private static List<String> strings(JsonNode node, String snake) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array(node, snake)) {
            out.add(text(s));
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.asText();
    }

    private static String nullableText(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    /** protojson writes 32-bit integers as numbers but accepts strings; wrappers may be {@code {"value": n}}. */
    private static long number(JsonNode n) {
        if (n == null || n.isNull()) {
            return 0;
        }
        if (n.isObject()) {
            return number(n.get("value"));
        }
        return n.isNumber() ? n.longValue() : n.asLong(0);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
