package io.gwctl.model.envoy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class BootstrapStaticsTest {

    @Test
    void routeConfigsArePrometheusThenHealthzWithoutNames() {
        assertThat(BootstrapStatics.routeConfigs()).extracting(RouteConfiguration::name).containsExactly("", "");
        assertThat(BootstrapStatics.routeConfigs()).extracting(rc -> rc.virtualHosts().get(0).routes().get(0).cluster())
                .containsExactly("prometheus_stats", "agent");
    }

    @Test
    void inlineRouteConfigsOfTheListenersAreTheStaticRouteConfigs() {
        List<RouteConfiguration> inline = BootstrapStatics.listeners().stream()
                .map(l -> ((NetworkFilter.HttpConnectionManager) l.filterChains().get(0).filters().get(0))
                        .inlineRouteConfig())
                .toList();
        assertThat(inline).containsExactlyElementsOf(BootstrapStatics.routeConfigs());
    }

    /** The static listeners of the pilot-agent bootstrap golden, read as a config dump, equal ours. */
    @Test
    void equalsTheBootstrapGolden() throws Exception {
        Path golden = Path.of(System.getProperty("gwctl.shared.dir", "../shared"),
                "conformance", "defaults", "default_golden.json");
        assumeTrue(Files.isRegularFile(golden), "../shared/conformance absent: " + golden);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode bootstrap = mapper.readTree(golden.toFile());
        ObjectNode dump = mapper.createObjectNode();
        ObjectNode lds = dump.putArray("configs").addObject();
        lds.put("@type", "type.googleapis.com/envoy.admin.v3.ListenersConfigDump");
        ArrayNode statics = lds.putArray("static_listeners");
        bootstrap.path("static_resources").path("listeners").forEach(l -> statics.addObject().set("listener", l));
        ConfigDump read = ConfigDumpReader.read(new ByteArrayInputStream(mapper.writeValueAsBytes(dump)), "golden");
        assertThat(read.listeners()).containsExactlyElementsOf(BootstrapStatics.listeners());
    }
}
