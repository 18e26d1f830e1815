package io.gwctl.model.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.Snapshot;
import io.gwctl.model.SourceMap;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.kube.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The selector index answers exactly what scanning every Service and Gateway answers, in the same order. */
class SelectorIndexTest {
    private static final List<String> KEYS = List.of("app", "istio", "team", "version");
    private static final List<String> VALUES = List.of("a", "b", "ingressgateway");
    private static final List<String> NAMESPACES = List.of("default", "istio-system", "team-1");

    private static Map<String, String> labels(Random rnd, int max) {
        Map<String, String> m = new HashMap<>();
        int n = rnd.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            m.put(KEYS.get(rnd.nextInt(KEYS.size())), VALUES.get(rnd.nextInt(VALUES.size())));
        }
        return m;
    }

    @Test
    void agreesWithScanningOnRandomSnapshots() {
        Random rnd = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<Service> services = new ArrayList<>();
            List<Gateway> gateways = new ArrayList<>();
            for (int i = 0; i < rnd.nextInt(12); i++) {
                String ns = NAMESPACES.get(rnd.nextInt(NAMESPACES.size()));
                // Names repeat on purpose: the order among equal names must be the input order.
                services.add(new Service(new ObjectMeta("svc-" + rnd.nextInt(4), ns, Map.of(), Map.of(), null),
                        Origin.none("test"), SourceMap.empty(), "ClusterIP", labels(rnd, 2), List.of()));
            }
            for (int i = 0; i < rnd.nextInt(12); i++) {
                Map<String, String> sel = rnd.nextInt(5) == 0 ? null : labels(rnd, 2);
                gateways.add(new Gateway(new ObjectMeta("gw-" + rnd.nextInt(4), "default", Map.of(), Map.of(), null),
                        Origin.none("test"), SourceMap.empty(), sel, List.of()));
            }
            Snapshot s = Snapshot.builder().addAll(services).addAll(gateways).build();
            for (int q = 0; q < 10; q++) {
                Map<String, String> pod = labels(rnd, 3);
                String ns = NAMESPACES.get(rnd.nextInt(NAMESPACES.size()));
                List<Service> scanned = services.stream()
                        .filter(svc -> ns.equals(svc.metadata().namespace()) && svc.selects(pod)).toList();
                assertThat(SelectorIndex.of(s).servicesSelecting(ns, pod)).as("services %s %s", ns, pod)
                        .containsExactlyElementsOf(scanned);
                List<Gateway> applying = gateways.stream()
                        .filter(g -> g.selector() == null || GatewayWorkloads.subsetOf(g.selector(), pod)).toList();
                assertThat(SelectorIndex.of(s).gatewaysSelecting(pod)).as("gateways %s", pod)
                        .containsExactlyElementsOf(applying);
                boolean any = gateways.stream().anyMatch(g -> g.selector() != null && !g.selector().isEmpty()
                        && GatewayWorkloads.subsetOf(g.selector(), pod));
                assertThat(SelectorIndex.of(s).anyGatewaySelectorMatches(pod)).as("any %s", pod).isEqualTo(any);
            }
        }
    }

    @Test
    void aNewSnapshotGetsItsOwnIndex() {
        Gateway g = new Gateway(new ObjectMeta("gw", "default", Map.of(), Map.of(), null), Origin.none("test"),
                SourceMap.empty(), Map.of("istio", "ingressgateway"), List.of());
        Snapshot one = Snapshot.builder().add(g).build();
        Snapshot none = Snapshot.empty();
        assertThat(SelectorIndex.of(one).gatewaysSelecting(Map.of("istio", "ingressgateway"))).containsExactly(g);
        assertThat(SelectorIndex.of(none).gatewaysSelecting(Map.of("istio", "ingressgateway"))).isEmpty();
        assertThat(SelectorIndex.of(one).gatewaysSelecting(Map.of("istio", "ingressgateway"))).containsExactly(g);
    }
}
