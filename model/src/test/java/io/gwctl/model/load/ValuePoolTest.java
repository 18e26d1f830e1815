package io.gwctl.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.gwctl.model.istio.HttpRoute;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.translate.VirtualServiceIndex;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Equal small values are shared between the documents of one load, and resolving keeps what needs nothing. */
class ValuePoolTest {
    private static String vs(String name, String ns, String host, String dest, int weight) {
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: %s
                  namespace: %s
                  labels: {team: a}
                spec:
                  hosts: [%s]
                  gateways: [gw]
                  http:
                  - match:
                    - uri:
                        prefix: /api
                    route:
                    - destination:
                        host: %s
                        subset: v1
                        port:
                          number: 8080
                      weight: %d
                """.formatted(name, ns, host, dest, weight);
    }

    private static List<VirtualService> load(String a, String b) throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Files.writeString(fs.getPath("/a.yaml"), a);
            Files.writeString(fs.getPath("/b.yaml"), b);
            return new ManifestLoader(LoadOptions.defaults().withFileSystem(fs)).compact(true)
                    .load(List.of("/a.yaml", "/b.yaml"))
                    .snapshot().virtualServices().stream()
                    .sorted(Comparator.comparing(v -> v.metadata().name())).toList();
        }
    }

    @Test
    void equalValuesOfDifferentFilesAreOneObject() throws IOException {
        List<VirtualService> vss = load(vs("one", "x", "a.example.com", "svc.x.svc.cluster.local", 100),
                vs("two", "y", "b.example.com", "svc.x.svc.cluster.local", 100));
        HttpRoute one = vss.get(0).http().get(0);
        HttpRoute two = vss.get(1).http().get(0);
        assertThat(two.match()).isSameAs(one.match());
        assertThat(two.route()).isSameAs(one.route());
        assertThat(vss.get(1).gateways()).isSameAs(vss.get(0).gateways());
        assertThat(vss.get(1).metadata().labels()).isSameAs(vss.get(0).metadata().labels());
        // Rules themselves are never shared: the translator tells them apart by identity.
        assertThat(two).isNotSameAs(one).isEqualTo(new HttpRoute(one.name(), one.match(), one.route(),
                one.hasRedirect(), one.hasDirectResponse(), one.mirror(), one.delegateName(),
                one.delegateNamespace(), one.redirect(), one.rewrite(), one.hasFault(), one.corsAllowOrigins(),
                one.directResponseStatus()));
    }

    @Test
    void unequalValuesStayApartAndKeepTheirContent() throws IOException {
        List<VirtualService> vss = load(vs("one", "x", "a.example.com", "svc.x.svc.cluster.local", 100),
                vs("two", "y", "b.example.com", "svc.x.svc.cluster.local", 90));
        assertThat(vss.get(1).http().get(0).route()).isNotSameAs(vss.get(0).http().get(0).route());
        assertThat(vss.get(1).http().get(0).route().get(0).weight()).isEqualTo(90);
        assertThat(vss.get(1).http().get(0).route().get(0).destination())
                .isSameAs(vss.get(0).http().get(0).route().get(0).destination());
        assertThat(vss.get(0).metadata().labels()).isEqualTo(Map.of("team", "a"));
    }

    @Test
    void aFullPoolStopsSharingButKeepsEveryValue() {
        ValuePool pool = new ValuePool(2);
        String a = pool.share(new String("a"));
        pool.share(new String("b"));
        String c = new String("c");
        assertThat(pool.share(c)).isSameAs(c);
        assertThat(pool.share(new String("c"))).isNotSameAs(c).isEqualTo("c");
        assertThat(pool.share(new String("a"))).isSameAs(a);
        assertThat(pool.size()).isEqualTo(2);
        assertThat(ValuePool.NONE.share(c)).isSameAs(c);
        assertThat(ValuePool.NONE.forFile().share(c)).isSameAs(c);
    }

    @Test
    void aFileSharesWithinItselfOnceTheLoadsPoolIsFull() {
        ValuePool load = new ValuePool(1);
        ValuePool file = load.forFile();
        String a = file.share(new String("a"));
        assertThat(load.forFile().share(new String("a"))).isSameAs(a);
        String b = file.share(new String("b"));
        assertThat(file.share(new String("b"))).isSameAs(b);
        assertThat(load.forFile().share(new String("b"))).isNotSameAs(b);
        assertThat(load.size()).isEqualTo(1);
    }

    @Test
    void resolvingKeepsRulesWhoseDestinationsAreFullNamesAndCopiesShortOnes() throws IOException {
        List<VirtualService> vss = load(vs("one", "x", "a.example.com", "svc.x.svc.cluster.local", 100),
                vs("two", "y", "b.example.com", "svc", 100));
        VirtualService full = VirtualServiceIndex.resolve(vss.get(0));
        assertThat(full.http().get(0)).isSameAs(vss.get(0).http().get(0));
        assertThat(full.gateways()).containsExactly("x/gw");
        VirtualService shortName = VirtualServiceIndex.resolve(vss.get(1));
        assertThat(shortName.http().get(0)).isNotSameAs(vss.get(1).http().get(0));
        assertThat(shortName.http().get(0).route().get(0).destination().host()).isEqualTo("svc.y.svc.cluster.local");
        assertThat(shortName.http().get(0).match()).isSameAs(vss.get(1).http().get(0).match());
    }

    @Test
    void threadsSharingAtOnceGetOneObjectPerValue() throws Exception {
        // Four loader threads offering equal values in different orders: each value ends up one object, whichever
        // thread offered it first, across the pool's tables and their growth.
        ValuePool pool = new ValuePool(1_000_000);
        int n = 20_000;
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object[]>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 7919;
                results.add(threads.submit(() -> {
                    Object[] got = new Object[n];
                    for (int k = 0; k < n; k++) {
                        int i = (k + offset) % n;
                        got[i] = pool.share(List.of("host-" + i, i % 3));
                    }
                    return got;
                }));
            }
            Object[] first = results.get(0).get();
            for (Future<Object[]> r : results) {
                Object[] got = r.get();
                for (int i = 0; i < n; i++) {
                    assertThat(got[i]).isSameAs(first[i]).isEqualTo(List.of("host-" + i, i % 3));
                }
            }
            assertThat(pool.size()).isEqualTo(n);
        } finally {
            threads.shutdownNow();
        }
    }
}
