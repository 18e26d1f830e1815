package io.gwctl.model.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gwctl.model.Origin;
import io.gwctl.model.Resource;
import io.gwctl.model.Snapshot;
import io.gwctl.model.SourceMap;
import io.gwctl.model.envoy.Listener;
import io.gwctl.model.envoy.RouteConfiguration;
import io.gwctl.model.envoy.VirtualHost;
import io.gwctl.model.load.ResourceMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case Istio's own tests define for gateway translation (TestBuildGatewayListeners,
 * TestGatewayHTTPRouteConfig, TestMergeGateways), as transcribed into {@code ../shared/conformance/pilot-cases/}.
 */
class PilotCasesTest {
    private static final Path DIR = Path.of(System.getProperty("gwctl.shared.dir", "../shared"))
            .resolve("conformance/pilot-cases");

    @TestFactory
    Stream<DynamicTest> buildListeners() {
        JsonNode file = load("build-listeners.yaml");
        return cases(file).map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
            GatewayView view = translate(file, c, configs(c.get("configs")));
            List<String> names = gatewayListeners(view).stream().map(Listener::name).sorted().toList();
            assertThat(names).isEqualTo(strings(c.get("expect")));
        }));
    }

    @TestFactory
    Stream<DynamicTest> httpRouteConfig() {
        JsonNode file = load("http-route-config.yaml");
        return cases(file).map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
            GatewayView view = translate(file, c, configs(c.get("configs")));
            Map<String, RouteConfiguration> byName = new LinkedHashMap<>();
            gatewayRouteConfigs(view).forEach(rc -> byName.put(rc.name(), rc));
            JsonNode expect = c.get("expect");
            assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(fieldNames(expect));
            for (String routeName : fieldNames(expect)) {
                JsonNode vhostsExpected = expect.get(routeName);
                List<VirtualHost> vhosts = byName.get(routeName).virtualHosts();
                assertThat(vhosts).extracting(VirtualHost::name).as(routeName)
                        .containsExactlyElementsOf(fieldNames(vhostsExpected));
                for (VirtualHost vh : vhosts) {
                    JsonNode e = vhostsExpected.get(vh.name());
                    assertThat(vh.domains()).as(vh.name() + " domains").isEqualTo(strings(e.get("domains")));
                    assertThat(vh.routes()).as(vh.name() + " routes").hasSize(e.get("routes").asInt());
                    assertThat(vh.requireTls()).as(vh.name() + " requireTls").isEqualTo(e.get("requireTls").asBoolean());
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> mergeGateways() {
        JsonNode file = load("merge-gateways.yaml");
        return cases(file).map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
            // The Go test passes the Gateways in this order; increasing creation times force the same order.
            List<JsonNode> ordered = new ArrayList<>();
            int i = 0;
            for (JsonNode gw : c.get("order")) {
                ObjectNode copy = gw.deepCopy();
                ((ObjectNode) copy.get("metadata")).put("creationTimestamp",
                        String.format("2024-01-01T00:00:%02dZ", i++));
                ordered.add(copy);
            }
            MergedGateway merged = translate(file, c, ordered).merged();
            JsonNode expect = c.get("expect");
            assertThat(merged.serverPorts()).hasSize(expect.get("mergedServerPorts").asInt());
            int servers = merged.mergedServers().values().stream().mapToInt(ms -> ms.servers().size()).sum();
            assertThat(servers).as("servers").isEqualTo(expect.get("servers").asInt());
            Map<String, Integer> routes = new LinkedHashMap<>();
            merged.serversByRouteName().forEach((k, v) -> routes.put(k, v.size()));
            Map<String, Integer> expectedRoutes = new LinkedHashMap<>();
            expect.get("routes").fields().forEachRemaining(e -> expectedRoutes.put(e.getKey(), e.getValue().asInt()));
            assertThat(routes).isEqualTo(expectedRoutes);
        }));
    }

    private static JsonNode load(String name) {
        Assumptions.assumeTrue(Files.isDirectory(DIR), "../shared/conformance absent: " + DIR + " not found");
        return TranslateFixtures.readYaml(DIR.resolve(name));
    }

    private static Stream<JsonNode> cases(JsonNode file) {
        List<JsonNode> out = new ArrayList<>();
        file.get("cases").forEach(out::add);
        return out.stream();
    }

    private static List<JsonNode> configs(JsonNode configs) {
        List<JsonNode> out = new ArrayList<>();
        configs.forEach(out::add);
        return out;
    }

    /** Translates for the case's proxy (or the file's common one: Istio's proxyGateway, namespace not-default). */
    private static GatewayView translate(JsonNode file, JsonNode c, List<JsonNode> objects) throws Exception {
        Snapshot.Builder b = Snapshot.builder();
        for (JsonNode o : objects) {
            ObjectNode doc = o.deepCopy();
            if (!doc.has("apiVersion")) {
                doc.put("apiVersion", doc.get("kind").asText().equals("Service") ? "v1" : "networking.istio.io/v1");
            }
            Resource r = ResourceMapper.map(doc, SourceMap.empty(), Origin.none("pilot-case"), "default");
            b.add(r);
        }
        Snapshot snapshot = b.build();
        JsonNode proxy = c.has("proxy") ? c.get("proxy")
                : file.has("common") ? file.get("common").get("proxy") : null;
        String ns = proxy == null ? "not-default" : proxy.get("namespace").asText();
        Map<String, String> labels = new LinkedHashMap<>();
        if (proxy == null) {
            labels.put("istio", "ingressgateway");
        } else {
            proxy.get("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        }
        boolean unprivileged = proxy != null && proxy.path("unprivileged").asBoolean(false);
        GatewayProxy gp = new GatewayProxy("Pod", "gateway", ns, labels, unprivileged, List.of(),
                GatewayWorkloads.serviceTargets(snapshot.services(), ns, labels, List.of()), false);
        return GatewayTranslator.translate(snapshot, gp);
    }

    static List<Listener> gatewayListeners(GatewayView view) {
        Set<String> statics = io.gwctl.model.envoy.BootstrapStatics.listeners().stream().map(Listener::name).collect(Collectors.toSet());
        return view.listeners().stream().filter(l -> !statics.contains(l.name())).toList();
    }

    static List<RouteConfiguration> gatewayRouteConfigs(GatewayView view) {
        return view.routeConfigs().stream().filter(rc -> !rc.name().isEmpty()).toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = object.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }
}
