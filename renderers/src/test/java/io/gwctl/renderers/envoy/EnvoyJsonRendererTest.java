package io.gwctl.renderers.envoy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gwctl.model.envoy.BootstrapStatics;
import io.gwctl.model.envoy.ConfigDump;
import io.gwctl.model.envoy.ConfigDumpReader;
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
import io.gwctl.renderers.envoy.EnvoyJsonRenderer.Format;
import io.gwctl.renderers.table.ListenerFilter;
import io.gwctl.renderers.table.RouteFilter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class EnvoyJsonRendererTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String listeners(List<Listener> listeners, ListenerFilter filter, Format format) throws IOException {
        StringWriter sw = new StringWriter();
        EnvoyJsonRenderer.renderListeners(listeners, filter, format, sw);
        return sw.toString();
    }

    private static String routes(List<RouteConfiguration> routes, RouteFilter filter, Format format)
            throws IOException {
        StringWriter sw = new StringWriter();
        EnvoyJsonRenderer.renderRouteConfigs(routes, filter, format, sw);
        return sw.toString();
    }

    @Test
    void jsonIsGoMarshalIndentWithFourSpacesAndATrailingNewline() throws IOException {
        String expected = """
                [
                    {
                        "name": "0.0.0.0_15021",
                        "address": {
                            "socketAddress": {
                                "address": "0.0.0.0",
                                "portValue": 15021
                            }
                        },
                        "filterChains": [
                            {
                                "filters": [
                                    {
                                        "name": "envoy.filters.network.http_connection_manager",
                                        "typedConfig": {
                                            "@type": "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager",
                                            "routeConfig": {
                                                "virtualHosts": [
                                                    {
                                                        "name": "backend",
                                                        "domains": [
                                                            "*"
                                                        ],
                                                        "routes": [
                                                            {
                                                                "match": {
                                                                    "prefix": "/healthz/ready"
                                                                },
                                                                "route": {
                                                                    "cluster": "agent"
                                                                }
                                                            }
                                                        ]
                                                    }
                                                ]
                                            }
                                        }
                                    }
                                ]
                            }
                        ]
                    }
                ]
                """;
        assertEquals(expected, listeners(BootstrapStatics.listeners(), new ListenerFilter("", 15021, ""), Format.JSON));
    }

    @Test
    void emptySelectionIsAnEmptyArray() throws IOException {
        assertEquals("[]\n", listeners(List.of(), ListenerFilter.ALL, Format.JSON));
        assertEquals("[]\n\n", routes(List.of(), RouteFilter.ALL, Format.YAML));
    }

    @Test
    void stringsAreEscapedLikeGoJsonMarshal() throws IOException {
        Route r = new Route(new RouteMatch(null, null, null, "^/a<b>&\"c\"\\d\t", false, false), Route.Action.CLUSTER,
                "c", null);
        RouteConfiguration rc = new RouteConfiguration("r", List.of(new VirtualHost("v", List.of("*"), List.of(r),
                true)));
        String json = routes(List.of(rc), RouteFilter.ALL, Format.JSON);
        assertThat(json).contains("\"regex\": \"^/a\\u003cb\\u003e\\u0026\\\"c\\\"\\\\d\\t\"");
        assertThat(json).contains("\"requireTls\": \"ALL\"");
        assertThat(JSON.readTree(json).get(0).at("/virtualHosts/0/routes/0/match/safeRegex/regex").textValue())
                .isEqualTo("^/a<b>&\"c\"\\d\t");
    }

    @Test
    void yamlHasSortedKeysNoDocumentMarkerAndIstioctlsExtraNewline() throws IOException {
        Listener tls = new Listener("0.0.0.0_443", "0.0.0.0", List.of("::"), 443, List.of(
                new FilterChain(FilterChainMatch.sni(List.of("c.example.com")),
                        List.of(new NetworkFilter.TcpProxy("outbound|8443||c.default.svc.cluster.local", false)))),
                null);
        assertEquals("""
                - additionalAddresses:
                  - address:
                      socketAddress:
                        address: "::"
                        portValue: 443
                  address:
                    socketAddress:
                      address: 0.0.0.0
                      portValue: 443
                  filterChains:
                  - filterChainMatch:
                      serverNames:
                      - c.example.com
                    filters:
                    - name: envoy.filters.network.tcp_proxy
                      typedConfig:
                        '@type': type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy
                        cluster: outbound|8443||c.default.svc.cluster.local
                        statPrefix: outbound|8443||c.default.svc.cluster.local
                  name: 0.0.0.0_443

                """, listeners(List.of(tls), ListenerFilter.ALL, Format.YAML));
    }

    /** Wraps our JSON arrays as a config dump and reads them back: every modelled field survives. */
    private static ConfigDump readBack(String listenersJson, String routesJson) throws Exception {
        ObjectNode dump = JSON.createObjectNode();
        ArrayNode configs = dump.putArray("configs");
        ObjectNode lds = configs.addObject();
        lds.put("@type", "type.googleapis.com/envoy.admin.v3.ListenersConfigDump");
        ArrayNode dynamic = lds.putArray("dynamic_listeners");
        JSON.readTree(listenersJson).forEach(l -> dynamic.addObject().putObject("active_state").set("listener", l));
        ObjectNode rds = configs.addObject();
        rds.put("@type", "type.googleapis.com/envoy.admin.v3.RoutesConfigDump");
        ArrayNode rcs = rds.putArray("dynamic_route_configs");
        JSON.readTree(routesJson).forEach(rc -> rcs.addObject().set("route_config", rc));
        return ConfigDumpReader.read(new ByteArrayInputStream(JSON.writeValueAsBytes(dump)), "round-trip");
    }

    @Test
    void roundTripsEveryModelledFieldOfHandBuiltRecords() throws Exception {
        Listener l = new Listener("0.0.0.0_443", "0.0.0.0", List.of("::"), 443, List.of(
                new FilterChain(new FilterChainMatch(List.of("a", "b"), "tls", List.of("h2"), List.of("10.0.0.0/8"),
                        443), List.of(new NetworkFilter.Other("istio.stats"),
                        new NetworkFilter.HttpConnectionManager("https.443.https.gw.ns", null))),
                new FilterChain(null, List.of(new NetworkFilter.TcpProxy("", false,
                        List.of(new WeightedCluster("t1", 70), new WeightedCluster("t2", 30)))))),
                new FilterChain(null, List.of(new NetworkFilter.TcpProxy("BlackHoleCluster", true))));
        List<HeaderMatcher> headers = List.of(
                new HeaderMatcher(":method", ValueMatcher.of(ValueMatcher.Kind.EXACT, "GET"), false),
                new HeaderMatcher("x-p", new ValueMatcher(ValueMatcher.Kind.PREFIX, "Ab", true), true),
                new HeaderMatcher("x-s", ValueMatcher.of(ValueMatcher.Kind.SUFFIX, "z"), false),
                new HeaderMatcher("x-c", ValueMatcher.of(ValueMatcher.Kind.CONTAINS, "m"), false),
                new HeaderMatcher("x-r", ValueMatcher.of(ValueMatcher.Kind.REGEX, "v[0-9]"), false),
                new HeaderMatcher("x-present", ValueMatcher.of(ValueMatcher.Kind.PRESENT, "true"), false));
        List<QueryParameterMatcher> query = List.of(
                new QueryParameterMatcher("q", ValueMatcher.of(ValueMatcher.Kind.EXACT, "1")),
                new QueryParameterMatcher("debug", ValueMatcher.of(ValueMatcher.Kind.PRESENT, "true")));
        RouteConfiguration rc = new RouteConfiguration("http.80", List.of(
                new VirtualHost("a:80", List.of("a", "a:80"), List.of(
                        new Route(new RouteMatch(null, "/x", null, null, true, true, headers, query, false),
                                Route.Action.CLUSTER, "c",
                                "/apis/networking.istio.io/v1/namespaces/ns/virtual-service/vs"),
                        new Route(new RouteMatch(null, null, "/p", null, false, false), Route.Action.WEIGHTED_CLUSTERS,
                                "", null, List.of(new WeightedCluster("w1", 90), new WeightedCluster("w2", 10)),
                                null, 0, null),
                        new Route(new RouteMatch(null, null, null, "re", false, false), Route.Action.REDIRECT, "", null,
                                List.of(), new Redirect("https", "b.io", 8443, "/new", null, 308, true, false), 0,
                                null),
                        new Route(RouteMatch.prefix("/"), Route.Action.DIRECT_RESPONSE, "", null, List.of(), null, 503,
                                null)), true),
                new VirtualHost("blackhole:80", List.of("*"), List.of(), false)), true);
        ConfigDump back = readBack(listeners(List.of(l), ListenerFilter.ALL, Format.JSON),
                routes(List.of(rc), RouteFilter.ALL, Format.JSON));
        assertThat(back.listeners()).containsExactly(l);
        assertThat(back.routeConfigs()).containsExactly(rc);
    }

    @Test
    void roundTripsTheFixtureDumpsAndKeepsIstioctlOrder() throws Exception {
        Path dir = Path.of(System.getProperty("gwctl.shared.dir", "../shared"), "conformance", "istioctl-printer");
        assumeTrue(Files.isDirectory(dir), "../shared/conformance absent: " + dir);
        for (String f : List.of("proxyconfig-all/config_dump.json",
                "routes/istio-gateway-http-route-prefix/configdump.json")) {
            ConfigDump dump;
            try (InputStream in = Files.newInputStream(dir.resolve(f))) {
                dump = ConfigDumpReader.read(in, f);
            }
            ConfigDump back = readBack(listeners(dump.listeners(), ListenerFilter.ALL, Format.JSON),
                    routes(dump.routeConfigs(), RouteFilter.ALL, Format.JSON));
            // Listeners keep dump order (istioctl does not sort its listener dump); so do these route configs.
            assertThat(back.listeners()).containsExactlyElementsOf(dump.listeners());
            assertThat(back.routeConfigs()).containsExactlyElementsOf(dump.routeConfigs());
            JsonNode yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                    .readTree(routes(dump.routeConfigs(), RouteFilter.ALL, Format.YAML));
            assertThat(yaml).isEqualTo(JSON.readTree(routes(dump.routeConfigs(), RouteFilter.ALL, Format.JSON)));
        }
    }

    @Test
    void unicodeIsWrittenAsUtf8NotEscaped() throws IOException {
        RouteConfiguration rc = new RouteConfiguration("é", List.of());
        assertThat(routes(List.of(rc), RouteFilter.ALL, Format.JSON).getBytes(StandardCharsets.UTF_8))
                .contains("é".getBytes(StandardCharsets.UTF_8));
    }
}
