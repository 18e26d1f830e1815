package io.gwctl.model.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.Snapshot;
import io.gwctl.model.SourceMap;
import io.gwctl.model.istio.VirtualService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index shares the namespace-independent work across namespaces; what a workload in each namespace sees must be
 * exactly {@code VirtualServicesForGateway}: private, then exported to it, then public, each in creation order.
 */
class VirtualServiceIndexNamespacesTest {
    private static final List<List<String>> EXPORTS = List.of(List.of(), List.of("*"), List.of("."), List.of("~"),
            List.of("ns1"), List.of(".", "ns2"), List.of("ns1", "ns2"), List.of("ns0", "*"));
    private static final List<String> NAMESPACES = List.of("ns0", "ns1", "ns2", "ns3");

    @Test
    void everyNamespaceSeesWhatIstiodBindsForIt() {
        Random rnd = new Random(11);
        for (int round = 0; round < 100; round++) {
            List<VirtualService> all = new ArrayList<>();
            for (int i = 0; i < 1 + rnd.nextInt(10); i++) {
                String ns = NAMESPACES.get(rnd.nextInt(3));
                Instant created = Instant.ofEpochSecond(rnd.nextInt(4));
                List<String> gateways = rnd.nextBoolean() ? List.of("gw/a") : List.of("gw/a", "gw/b");
                all.add(new VirtualService(new ObjectMeta("vs" + i, ns, Map.of(), Map.of(), created),
                        Origin.none("test"), SourceMap.empty(), List.of("h" + i + ".com"), gateways, List.of(),
                        List.of(), List.of(), EXPORTS.get(rnd.nextInt(EXPORTS.size()))));
            }
            Snapshot s = Snapshot.builder().addAll(all).build();
            List<VirtualService> sorted = new ArrayList<>();
            for (VirtualService vs : all) {
                sorted.add(VirtualServiceIndex.resolve(vs));
            }
            sorted.sort(CreationOrder.of());
            for (String ns : NAMESPACES) {
                VirtualServiceIndex idx = VirtualServiceIndex.build(s, ns);
                for (String gw : List.of("gw/a", "gw/b")) {
                    List<String> expected = new ArrayList<>();
                    for (int rank = 0; rank <= 2; rank++) {
                        for (VirtualService vs : sorted) {
                            if (VirtualServiceIndex.bindingRank(vs, ns) == rank && vs.gateways().contains(gw)) {
                                expected.add(vs.metadata().key());
                            }
                        }
                    }
                    assertThat(idx.forGateway(gw).stream().map(v -> v.metadata().key()).toList())
                            .as("round %d, %s, %s", round, ns, gw).isEqualTo(expected);
                }
            }
        }
    }
}
