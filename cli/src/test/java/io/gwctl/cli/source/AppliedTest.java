package io.gwctl.cli.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gwctl.cli.Fixtures;
import io.gwctl.model.Origin;
import io.gwctl.model.Resource;
import io.gwctl.model.SourceMap;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.load.ResourceMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The creationTimestamp a file's object gets when --with-cluster applies it over the cluster. */
class AppliedTest {
    private static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");
    private static final Instant CREATED = Instant.parse("2025-01-10T09:00:00Z");

    private static Resource read(String yaml) throws Exception {
        return ResourceMapper.map(new ObjectMapper(new YAMLFactory()).readTree(yaml), SourceMap.empty(),
                Origin.none("test"), "default");
    }

    private static String created(String yaml, Instant at) {
        return yaml.replace("  namespace: default\n", "  namespace: default\n  creationTimestamp: \"" + at + "\"\n");
    }

    @Test
    void aNewObjectIsCreatedNow() throws Exception {
        Resource applied = Applied.of(read(Fixtures.GATEWAY_HTTP), null, NOW);

        assertThat(applied).isInstanceOf(Gateway.class);
        assertThat(applied.metadata().creationTimestamp()).isEqualTo(NOW);
        assertThat(((Gateway) applied).servers()).isEqualTo(((Gateway) read(Fixtures.GATEWAY_HTTP)).servers());
    }

    @Test
    void anUpdateKeepsTheClusterObjectsCreationTimestamp() throws Exception {
        Resource cluster = read(created(Fixtures.VS_TEST_GW, CREATED));

        Resource applied = Applied.of(read(Fixtures.VS_TEST_GW), cluster, NOW);

        assertThat(applied.metadata().creationTimestamp()).isEqualTo(CREATED);
        assertThat(applied.origin()).isEqualTo(Origin.none("test"));
    }

    @Test
    void aCreationTimestampInTheFileIsKept() throws Exception {
        Resource file = read(created(Fixtures.GATEWAY_HTTP, Instant.parse("2020-01-01T00:00:00Z")));

        assertThat(Applied.of(file, read(created(Fixtures.GATEWAY_HTTP, CREATED)), NOW)).isSameAs(file);
    }
}
