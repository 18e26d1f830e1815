package io.gwctl.model.envoy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class ConfigDumpReaderTest {

    private static final String LDS = "type.googleapis.com/envoy.admin.v3.ListenersConfigDump";
    private static final String RDS = "type.googleapis.com/envoy.admin.v3.RoutesConfigDump";

    static Path printerFixtures() {
        Path dir = Path.of(System.getProperty("gwctl.shared.dir", "../shared"), "conformance", "istioctl-printer");
        assumeTrue(Files.isDirectory(dir), "../shared/conformance absent: " + dir + " (istioctl printer fixtures)");
        return dir;
    }

    static ConfigDump read(String json) throws ConfigDumpException {
        return ConfigDumpReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void readsListenersActiveDynamicThenStaticIgnoringWarmingAndDraining() throws Exception {
        String json = """
                {"configs": [{"@type": "%s",
                  "static_listeners": [{"listener": {"name": "static", "address": {"socket_address":
                      {"address": "0.0.0.0", "port_value": 15021}}}}],
                  "dynamic_listeners": [
                    {"name": "warming", "warming_state": {"listener": {"name": "warming"}}},
                    {"name": "a", "active_state": {"listener": {"name": "a",
                        "address": {"socket_address": {"address": "0.0.0.0", "port_value": 8080}},
                        "additional_addresses": [{"address": {"socket_address": {"address": "::", "port_value": 8080}}}]
                    }}, "draining_state": {"listener": {"name": "old"}}},
                    {"name": "pipe", "active_state": {"listener": {"name": "pipe",
                        "address": {"pipe": {"path": "/tmp/sock"}}}}}
                  ]}]}
                """.formatted(LDS);
        ConfigDump dump = read(json);
        assertThat(dump.listeners()).extracting(Listener::name).containsExactly("a", "pipe", "static");
        Listener a = dump.listeners().get(0);
        assertThat(a.address()).isEqualTo("0.0.0.0");
        assertThat(a.port()).isEqualTo(8080);
        assertThat(a.additionalAddresses()).containsExactly("::");
        assertThat(dump.listeners().get(1).address()).isEqualTo("/tmp/sock");
        assertThat(dump.listeners().get(1).port()).isZero();
        assertThat(dump.routeConfigs()).isEmpty();
    }

    @Test
    void readsFilterChainsMatchesAndFilters() throws Exception {
        String json = """
                {"configs": [{"@type": "%s", "dynamic_listeners": [{"active_state": {"listener": {
                  "name": "0.0.0.0_443",
                  "filter_chains": [
                    {"filter_chain_match": {"server_names": ["a.example.com", "b.example.com"],
                       "transport_protocol": "tls", "application_protocols": ["h2", "http/1.1"],
                       "prefix_ranges": [{"address_prefix": "10.0.0.0", "prefix_len": 8}],
                       "destination_port": 443},
                     "filters": [{"name": "istio.metadata_exchange", "typed_config": {}},
                                 {"name": "envoy.filters.network.http_connection_manager", "typed_config": {
                                   "@type": "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager",
                                   "rds": {"config_source": {"ads": {}}, "route_config_name": "https.443.https.gw.ns"}}}]},
                    {"filters": [{"name": "envoy.filters.network.tcp_proxy", "typed_config": {
                        "@type": "type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy",
                        "stat_prefix": "BlackHoleCluster", "cluster": "BlackHoleCluster"}}]},
                    {"filters": [{"name": "envoy.filters.network.tcp_proxy", "typed_config": {
                        "stat_prefix": "outbound", "weighted_clusters": {"clusters": [{"name": "a", "weight": 50}]}}}]}
                  ],
                  "default_filter_chain": {"filters": [{"name": "envoy.filters.network.tcp_proxy",
                      "typed_config": {"cluster": "PassthroughCluster"}}]}
                }}}]}]}
                """.formatted(LDS);
        Listener l = read(json).listeners().get(0);
        assertThat(l.filterChains()).hasSize(3);
        FilterChain tls = l.filterChains().get(0);
        assertThat(tls.match()).isEqualTo(new FilterChainMatch(List.of("a.example.com", "b.example.com"), "tls",
                List.of("h2", "http/1.1"), List.of("10.0.0.0/8"), 443));
        assertThat(tls.filters()).containsExactly(new NetworkFilter.Other("istio.metadata_exchange"),
                new NetworkFilter.HttpConnectionManager("https.443.https.gw.ns", null));
        assertThat(l.filterChains().get(1).match()).isNull();
        assertThat(l.filterChains().get(1).filters()).containsExactly(
                new NetworkFilter.TcpProxy("BlackHoleCluster", true));
        assertThat(l.filterChains().get(2).filters()).containsExactly(new NetworkFilter.TcpProxy("", false,
                List.of(new WeightedCluster("a", 50))));
        assertThat(l.defaultFilterChain().filters()).containsExactly(
                new NetworkFilter.TcpProxy("PassthroughCluster", false));
    }

    @Test
    void blackholeIsFoundAnywhereInTheTcpProxyConfigAsIstioctlSearchesTheSerializedBytes() throws Exception {
        String json = """
                {"configs": [{"@type": "%s", "static_listeners": [{"listener": {"name": "x", "filter_chains": [
                  {"filters": [{"name": "envoy.filters.network.tcp_proxy", "typed_config": {
                     "@type": "type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy",
                     "stat_prefix": "BlackHoleCluster", "cluster": "outbound|80||a"}}]}]}}]}]}
                """.formatted(LDS);
        assertThat(read(json).listeners().get(0).filterChains().get(0).filters())
                .containsExactly(new NetworkFilter.TcpProxy("outbound|80||a", true));
    }

    @Test
    void readsRouteConfigsDynamicThenStaticWithInlineAndMetadata() throws Exception {
        String json = """
                {"configs": [{"@type": "%s",
                  "static_route_configs": [{"route_config": {"virtual_hosts": [{"name": "backend", "domains": ["*"],
                      "routes": [{"match": {"prefix": "/healthz/ready"}, "route": {"cluster": "agent"}}]}]}}],
                  "dynamic_route_configs": [{"route_config": {"name": "http.8080", "virtual_hosts": [
                    {"name": "a.io:80", "domains": ["a.io"], "require_tls": "ALL", "routes": [
                      {"match": {"path": "/x", "headers": [{"name": "foo"}]}, "route": {"cluster": "c"},
                       "metadata": {"filter_metadata": {"istio": {"config": "/apis/networking.istio.io/v1/namespaces/default/virtual-service/vs"}}}},
                      {"match": {"safe_regex": {"regex": "/y.*"}}, "route": {"weighted_clusters": {}}},
                      {"match": {"path_separated_prefix": "/p", "query_parameters": [{"name": "q"}]},
                       "redirect": {"https_redirect": true}, "metadata": {"filter_metadata": {"istio": {"config": 7}}}},
                      {"match": {"prefix": "/"}, "direct_response": {"status": 404}}
                    ]},
                    {"name": "blackhole:80", "domains": ["*"]}
                  ]}}]}]}
                """.formatted(RDS);
        ConfigDump dump = read(json);
        assertThat(dump.routeConfigs()).extracting(RouteConfiguration::name).containsExactly("http.8080", "");
        VirtualHost vh = dump.routeConfigs().get(0).virtualHosts().get(0);
        assertThat(vh.requireTls()).isTrue();
        HeaderMatcher present = new HeaderMatcher("foo", ValueMatcher.of(ValueMatcher.Kind.PRESENT, "true"), false);
        QueryParameterMatcher q = new QueryParameterMatcher("q", ValueMatcher.of(ValueMatcher.Kind.PRESENT, "true"));
        assertThat(vh.routes()).containsExactly(
                new Route(new RouteMatch(null, "/x", null, null, true, false, List.of(present), List.of(), true),
                        Route.Action.CLUSTER, "c",
                        "/apis/networking.istio.io/v1/namespaces/default/virtual-service/vs"),
                new Route(new RouteMatch(null, null, null, "/y.*", false, false), Route.Action.WEIGHTED_CLUSTERS, "",
                        null),
                new Route(new RouteMatch(null, null, "/p", null, false, true, List.of(), List.of(q), true),
                        Route.Action.REDIRECT, "", "", List.of(),
                        new Redirect("https", null, 0, null, null, 301, false, false), 0, null),
                new Route(RouteMatch.prefix("/"), Route.Action.DIRECT_RESPONSE, "", null, List.of(), null, 404,
                        null));
        assertThat(dump.routeConfigs().get(0).virtualHosts().get(1).routes()).isEmpty();
        assertThat(dump.routeConfigs().get(1).virtualHosts().get(0).routes().get(0))
                .isEqualTo(new Route(RouteMatch.prefix("/healthz/ready"), Route.Action.CLUSTER, "agent", null));
    }

    @Test
    void readsWhatATraceNeedsMatchersWeightsRedirectsAndHostMatching() throws Exception {
        String json = """
                {"configs": [{"@type": "%s",
                  "dynamic_route_configs": [{"route_config": {"name": "r", "ignore_port_in_host_matching": true,
                    "virtual_hosts": [{"name": "v", "domains": ["*"], "routes": [
                      {"match": {"prefix": "/a", "case_sensitive": false, "headers": [
                          {"name": ":method", "string_match": {"exact": "GET"}},
                          {"name": "x-re", "safe_regex_match": {"regex": "a.*"}},
                          {"name": "x-not", "string_match": {"prefix": "b", "ignore_case": true}, "invert_match": true},
                          {"name": "x-range", "range_match": {"start": 1, "end": 2}}],
                        "query_parameters": [{"name": "v", "string_match": {"safe_regex": {"regex": "[0-9]+"}}}]},
                       "route": {"weighted_clusters": {"clusters": [{"name": "a", "weight": 90},
                                                                   {"name": "b", "weight": {"value": 10}}]}}},
                      {"match": {"prefix": "/old", "caseSensitive": {"value": true}},
                       "redirect": {"host_redirect": "new.io", "port_redirect": 8443, "scheme_redirect": "https",
                                    "prefix_rewrite": "/new", "response_code": "PERMANENT_REDIRECT",
                                    "strip_query": true}}
                    ]}]}}]}]}
                """.formatted(RDS);
        RouteConfiguration rc = read(json).routeConfigs().get(0);
        assertThat(rc.ignorePortInHostMatching()).isTrue();
        Route weighted = rc.virtualHosts().get(0).routes().get(0);
        assertThat(weighted.match().caseSensitive()).isFalse();
        assertThat(weighted.match().headers()).containsExactly(
                new HeaderMatcher(":method", ValueMatcher.of(ValueMatcher.Kind.EXACT, "GET"), false),
                new HeaderMatcher("x-re", ValueMatcher.of(ValueMatcher.Kind.REGEX, "a.*"), false),
                new HeaderMatcher("x-not", new ValueMatcher(ValueMatcher.Kind.PREFIX, "b", true), true),
                new HeaderMatcher("x-range", ValueMatcher.of(ValueMatcher.Kind.UNSUPPORTED,
                        "range_match {\"start\":1,\"end\":2}"), false));
        assertThat(weighted.match().queryParameters()).containsExactly(
                new QueryParameterMatcher("v", ValueMatcher.of(ValueMatcher.Kind.REGEX, "[0-9]+")));
        assertThat(weighted.weightedClusters()).containsExactly(new WeightedCluster("a", 90),
                new WeightedCluster("b", 10));
        Route redirect = rc.virtualHosts().get(0).routes().get(1);
        assertThat(redirect.match().caseSensitive()).isTrue();
        assertThat(redirect.redirect()).isEqualTo(new Redirect("https", "new.io", 8443, null, "/new", 308, true,
                false));
    }

    @Test
    void acceptsProtojsonCamelCaseFieldNames() throws Exception {
        String json = """
                {"configs": [{"@type": "%s", "dynamicListeners": [{"activeState": {"listener": {"name": "l",
                  "address": {"socketAddress": {"address": "0.0.0.0", "portValue": 80}},
                  "filterChains": [{"filterChainMatch": {"serverNames": ["a"]}, "filters": [
                    {"name": "envoy.filters.network.http_connection_manager", "typedConfig": {
                       "rds": {"routeConfigName": "http.80"}}}]}]}}}]}]}
                """.formatted(LDS);
        Listener l = read(json).listeners().get(0);
        assertThat(l.port()).isEqualTo(80);
        assertThat(l.filterChains().get(0).match().serverNames()).containsExactly("a");
        assertThat(l.filterChains().get(0).filters())
                .containsExactly(new NetworkFilter.HttpConnectionManager("http.80", null));
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        assertThatThrownBy(() -> read("{\"configs\": [\n  {\"@type\": }\n]}"))
                .isInstanceOfSatisfying(ConfigDumpException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(13);
                    assertThat(e.getMessage()).startsWith("test.json:2:13: invalid JSON: ")
                            .doesNotContain("\n");
                });
    }

    /** Found by ConfigDumpFuzzTest: these problems had no FILE:LINE:COL, unlike every other problem. */
    @Test
    void jsonWithoutConfigsArrayIsNotAConfigDumpHadNoLocation() {
        assertThatThrownBy(() -> read("{\"listeners\": []}"))
                .isInstanceOf(ConfigDumpException.class)
                .hasMessage("test.json:1:1: not an Envoy config dump: no configs array");
        assertThatThrownBy(() -> read("\n\n  [1, 2]"))
                .hasMessage("test.json:3:3: not an Envoy config dump: no configs array");
        assertThatThrownBy(() -> read(""))
                .hasMessage("test.json:1:1: not an Envoy config dump: empty input");
        assertThatThrownBy(() -> read("\n  "))
                .hasMessage("test.json:1:1: not an Envoy config dump: empty input");
    }

    @Test
    void readsTheProxyConfigAllFixture() throws Exception {
        Path file = printerFixtures().resolve("proxyconfig-all/config_dump.json");
        ConfigDump dump;
        try (InputStream in = Files.newInputStream(file)) {
            dump = ConfigDumpReader.read(in, file.toString());
        }
        assertThat(dump.listeners()).extracting(Listener::name).containsExactly("main_internal", "");
        Listener internal = dump.listeners().get(0);
        assertThat(internal.address()).isEmpty();
        assertThat(internal.filterChains()).hasSize(4);
        assertThat(internal.filterChains().get(2).filters()).extracting(NetworkFilter::name).containsExactly(
                "connect_authority", "istio.metadata_exchange", "istio.stats", "envoy.filters.network.tcp_proxy");
        assertThat(internal.filterChains().get(2).filters().get(3)).isEqualTo(new NetworkFilter.TcpProxy("encap", false));
        NetworkFilter.HttpConnectionManager hcm =
                (NetworkFilter.HttpConnectionManager) internal.filterChains().get(0).filters().get(0);
        assertThat(hcm.inlineRouteConfig().name()).isEqualTo("inbound-vip|8000|http|httpbin.default.svc.cluster.local");
        assertThat(dump.listeners().get(1).port()).isEqualTo(15021);
        assertThat(dump.routeConfigs()).extracting(RouteConfiguration::name)
                .containsExactly("inbound-vip|8000|http|httpbin.default.svc.cluster.local");
    }

    @Test
    void readsTheRouteFixturesInDumpOrder() throws IOException, ConfigDumpException {
        Path file = printerFixtures().resolve("routes/istio-gateway-http-route-prefix/configdump.json");
        ConfigDump dump;
        try (InputStream in = Files.newInputStream(file)) {
            dump = ConfigDumpReader.read(in, file.toString());
        }
        assertThat(dump.routeConfigs()).extracting(RouteConfiguration::name).containsExactly("http.8080", "", "");
        assertThat(dump.routeConfigs().get(1).virtualHosts().get(0).routes().get(0).match().prefix())
                .isEqualTo("/stats/prometheus");
    }

    @Test
    void readFullTakesBootstrapClustersEndpointsAndSecretsInIstioctlOrder() throws Exception {
        Path file = printerFixtures().resolve("proxyconfig-all/config_dump.json");
        FullConfigDump full;
        try (InputStream in = Files.newInputStream(file)) {
            full = ConfigDumpReader.readFull(in, file.toString());
        }
        assertThat(full.bootstrap()).isEqualTo(new FullConfigDump.Bootstrap("1.21.0-1226",
                "ee85c5f28702f00621aed895915fca565796b9e4", "0.0.0"));
        assertThat(full.clusters()).containsExactly(
                new FullConfigDump.Cluster("inbound-vip|8000|http|httpbin.default.svc.cluster.local", "EDS", null),
                new FullConfigDump.Cluster("agent", "STATIC", null),
                new FullConfigDump.Cluster("prometheus_stats", "STATIC", null));
        assertThat(full.endpoints()).containsExactly(
                new FullConfigDump.EndpointGroup("inbound-vip|8100|http|httpbin.default.svc.cluster.local", List.of(
                        new FullConfigDump.LbEndpoint("", List.of("envoy://connect_originate/192.168.195.248:800"),
                                "HEALTHY"))),
                new FullConfigDump.EndpointGroup("prometheus_stats", List.of(
                        new FullConfigDump.LbEndpoint("", List.of("127.0.0.1:15000"), "HEALTHY"))));
        assertThat(full.secrets()).extracting(FullConfigDump.Secret::name, FullConfigDump.Secret::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("default", "ACTIVE"),
                        org.assertj.core.groups.Tuple.tuple("ROOTCA", "ACTIVE"));
        assertThat(full.secrets()).allSatisfy(sec -> assertThat(sec.certificatePem())
                .startsWith("-----BEGIN CERTIFICATE-----").doesNotContain("PRIVATE KEY"));
        assertThat(full.dump().listeners()).hasSize(2);
    }

    @Test
    void readFullEnvoyVersionLocalitiesAndWarmingSecrets() throws Exception {
        String json = """
                {"configs": [
                  {"@type": "type.googleapis.com/envoy.admin.v3.BootstrapConfigDump", "bootstrap": {"node": {
                    "metadata": {"ISTIO_VERSION": "1.24.0", "ISTIO_PROXY_SHA": "istio-proxy:7396"},
                    "user_agent_build_version": {"version": {"major_number": 1, "minor_number": 32, "patch": 2},
                      "metadata": {"ssl.version": "BoringSSL", "build.type": "RELEASE", "build.label": "dev",
                                   "revision.status": "Clean"}}}}},
                  {"@type": "type.googleapis.com/envoy.admin.v3.EndpointsConfigDump", "dynamic_endpoint_configs": [
                    {"endpoint_config": {"cluster_name": "outbound|80||a", "endpoints": [
                      {"locality": {"region": "r", "zone": "z", "sub_zone": "s"}, "lb_endpoints": [
                        {"endpoint": {"address": {"socket_address": {"address": "10.0.0.1", "port_value": 80}},
                           "additional_addresses": [{"address": {"pipe": {"path": "/sock"}}}]}}]},
                      {"locality": {"region": "r"}, "lb_endpoints": [{"endpoint": {"address": {}}}]}]}}]},
                  {"@type": "type.googleapis.com/envoy.admin.v3.SecretsConfigDump",
                   "dynamic_active_secrets": [{"name": "a", "secret": {}}],
                   "dynamic_warming_secrets": [{"name": "w", "secret": {}}]}
                ]}
                """;
        FullConfigDump full = ConfigDumpReader.readFull(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t");
        assertThat(full.bootstrap()).isEqualTo(new FullConfigDump.Bootstrap("1.24.0", "7396",
                "1.32.2-dev/Clean/RELEASE/BoringSSL"));
        assertThat(full.endpoints().get(0).endpoints()).containsExactly(
                new FullConfigDump.LbEndpoint("r/z/s", List.of("10.0.0.1:80", "/sock"), "UNKNOWN"),
                new FullConfigDump.LbEndpoint("r", List.of("unknown"), "UNKNOWN"));
        assertThat(full.secrets()).extracting(FullConfigDump.Secret::name).containsExactly("w", "a");
        assertThat(full.clusters()).isEmpty();
    }
}
