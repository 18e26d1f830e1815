package io.gwctl.model.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.ObjectMeta;
import io.gwctl.model.istio.Port;
import io.gwctl.model.istio.Server;
import io.gwctl.model.istio.ServerTls;
import io.gwctl.model.istio.TlsMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one home of istiod's server classification (spec §5.4) and object order (spec §5.1, §6.4). */
class ServerPredicatesAndOrderTest {
    private static Server server(String protocol, TlsMode mode) {
        ServerTls tls = mode == null ? null : new ServerTls(false, mode, mode.name(), "c", List.of(), null, null,
                null, List.of());
        return new Server(0, new Port(443, "p", protocol, 0), null, List.of("a.com"), tls, null);
    }

    @Test
    void classifiesServersAsIstiodDoes() {
        // protocol, mode → TLS server, HTTP server, passthrough, HTTPS terminating
        Object[][] cases = {
            {"HTTP", null, false, true, false, false},
            {"HTTPS", TlsMode.SIMPLE, true, true, false, true},
            {"HTTPS", TlsMode.PASSTHROUGH, true, false, true, false},
            {"TLS", TlsMode.AUTO_PASSTHROUGH, true, false, true, false},
            {"TLS", TlsMode.SIMPLE, true, false, false, false},
            {"TCP", null, false, false, false, false},
            {"http2", null, false, true, false, false},
            {"HTTP", TlsMode.SIMPLE, false, true, false, false},
        };
        for (Object[] c : cases) {
            Server s = server((String) c[0], (TlsMode) c[1]);
            assertThat(List.of(ServerPredicates.isTlsServer(s), ServerPredicates.isHttpServer(s),
                    ServerPredicates.isPassThroughServer(s), ServerPredicates.isHttpsWithTlsTermination(s)))
                    .as("%s %s", c[0], c[1]).containsExactly((Boolean) c[2], (Boolean) c[3], (Boolean) c[4],
                            (Boolean) c[5]);
        }
        Server noPort = new Server(0, null, "1.2.3.4", List.of("a.com"), null, null);
        assertThat(ServerPredicates.isHttpServer(noPort)).isFalse();
        assertThat(ServerPredicates.isTlsServer(noPort)).isFalse();
        assertThat(ServerPredicates.bindOf(noPort)).isEqualTo("1.2.3.4");
        assertThat(ServerPredicates.bindOf(server("HTTP", null))).isEmpty();
    }

    private static ObjectMeta meta(String ns, String name, String created) {
        return new ObjectMeta(name, ns, Map.of(), Map.of(), created == null ? null : Instant.parse(created));
    }

    @Test
    void ordersByCreationThenNameThenNamespaceWithAbsentTimesFirst() {
        ObjectMeta old = meta("z", "z", "2020-01-01T00:00:00Z");
        ObjectMeta newer = meta("a", "a", "2021-01-01T00:00:00Z");
        ObjectMeta none = meta("b", "b", null);
        ObjectMeta sameTimeA = meta("y", "a", "2022-01-01T00:00:00Z");
        ObjectMeta sameTimeB = meta("x", "b", "2022-01-01T00:00:00Z");
        ObjectMeta sameNameNsA = meta("a", "b", "2022-01-01T00:00:00Z");
        List<ObjectMeta> all = new ArrayList<>(List.of(sameTimeB, newer, sameNameNsA, none, old, sameTimeA));
        all.sort(CreationOrder.META);
        assertThat(all).containsExactly(none, old, newer, sameTimeA, sameNameNsA, sameTimeB);

        assertThat(CreationOrder.reason(old, newer))
                .isEqualTo("by creation time: created 2020-01-01T00:00:00Z, this one 2021-01-01T00:00:00Z");
        assertThat(CreationOrder.reason(none, old)).isEqualTo("by creation time: it has no creationTimestamp");
        assertThat(CreationOrder.reason(old, none)).isEqualTo("by creation time: created 2020-01-01T00:00:00Z");
        assertThat(CreationOrder.reason(sameTimeA, sameTimeB)).isEqualTo("by name");
        assertThat(CreationOrder.reason(sameNameNsA, sameTimeB)).isEqualTo("by namespace");
    }
}
