package io.gwctl.validators.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.Snapshot;
import io.gwctl.model.translate.BoundServer;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.GatewayTranslator;
import io.gwctl.model.translate.Hosts;
import io.gwctl.model.translate.MergedGateway;
import io.gwctl.validators.rules.HostOverlapIndex.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** GW0301's index on its own: which overlaps it finds, once each, without wording. */
class HostOverlapIndexTest {
    /** Records each event as one line. */
    private static final class Recorder implements HostOverlapIndex.Listener {
        final List<String> events = new ArrayList<>();

        private static String at(Entry e) {
            return e.gateway().metadata().name() + "/" + e.server().server().index() + "/" + e.index() + "=" + e.host();
        }

        @Override
        public void repeatedInServer(BoundServer b, int index, int earlier) {
            events.add("repeat " + b.gateway().metadata().name() + " " + index + "~" + earlier);
        }

        @Override
        public void coveredInServer(BoundServer b, int index, int wildcard) {
            events.add("covered " + b.gateway().metadata().name() + " " + index + "<" + wildcard);
        }

        @Override
        public void listedTwiceInGateway(Entry later, Entry first) {
            events.add("twice " + at(later) + " " + at(first));
        }

        @Override
        public void sameHost(Entry later, Entry first, boolean tls) {
            events.add("same " + at(later) + " " + at(first) + (tls ? " tls" : ""));
        }

        @Override
        public void wildcardOverHosts(Entry wildcard, Entry other, int hostsWithSuffix) {
            events.add("wildcard " + at(wildcard) + " " + at(other) + " x" + hostsWithSuffix);
        }

        @Override
        public void hostUnderWildcard(Entry host, Entry wildcard) {
            events.add("under " + at(host) + " " + at(wildcard));
        }

        @Override
        public void starOverHosts(Entry star, int hosts, int gateways, Entry example) {
            events.add("star " + at(star) + " " + hosts + "h " + gateways + "g e.g. " + at(example));
        }
    }

    private static List<String> events(String yaml) {
        Snapshot s = TlsRuleSupport.loadString(yaml);
        GatewayProxy proxy = new GatewayProxy("selector", "istio=ingressgateway", "default",
                Map.of("istio", "ingressgateway"), false, List.of(), List.of(), false);
        MergedGateway merged = GatewayTranslator.merge(s, proxy);
        Recorder r = new Recorder();
        HostOverlapIndex idx = new HostOverlapIndex(r);
        for (BoundServer b : merged.accepted()) {
            idx.add(b);
        }
        idx.finish();
        return r.events;
    }

    private static String gateway(String name, String created, String servers) {
        return "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: " + name
                + "\n  namespace: default\n  creationTimestamp: \"" + created + "\"\nspec:\n  selector:\n"
                + "    istio: ingressgateway\n  servers:\n" + servers + "---\n";
    }

    private static String http(String... hosts) {
        return "  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: [\"" + String.join("\", \"", hosts) + "\"]\n";
    }

    @Test
    void findsEachOverlapOnceInMergeOrder() {
        // b is created after a, so a's hosts are indexed first whatever the document order.
        String yaml = gateway("c", "2024-03-01T00:00:00Z", http("*"))
                + gateway("b", "2024-02-01T00:00:00Z", http("shop.example.com", "api.example.com"))
                + gateway("a", "2024-01-01T00:00:00Z", http("SHOP.example.com", "*.example.com", "x.org"));
        assertThat(events(yaml)).containsExactly(
                "covered a 0<1",
                "same b/0/0=shop.example.com a/0/0=shop.example.com",
                "under b/0/1=api.example.com a/0/1=*.example.com",
                "star c/0/0=* 4h 2g e.g. a/0/0=shop.example.com");
    }

    @Test
    void wildcardArrivingLaterCountsTheHostsItMatches() {
        String yaml = gateway("a", "2024-01-01T00:00:00Z", http("x.example.com", "y.example.com"))
                + gateway("b", "2024-02-01T00:00:00Z", http("*.example.com"));
        assertThat(events(yaml)).containsExactly("wildcard b/0/0=*.example.com a/0/0=x.example.com x2");
    }

    @Test
    void insideOneGatewayRepeatsCoverageAndSecondServers() {
        String yaml = gateway("a", "2024-01-01T00:00:00Z", http("x.example.com", "*.example.com", "X.example.com",
                "y.other.com", "*ther.com") + http("x.example.com"));
        assertThat(events(yaml)).containsExactly(
                "covered a 0<1", "covered a 2<1", "covered a 3<4",
                "repeat a 2~0",
                "twice a/1/0=x.example.com a/0/0=x.example.com");
    }

    @Test
    void tlsKeysAreApartFromPlaintextOnes() {
        String tls = "  - port: {number: 443, name: https, protocol: HTTPS}\n    hosts: [Foo.com]\n"
                + "    tls: {mode: SIMPLE, credentialName: c}\n";
        String tls2 = "  - port: {number: 443, name: https-b, protocol: HTTPS}\n    hosts: [foo.com]\n"
                + "    tls: {mode: SIMPLE, credentialName: c}\n";
        String yaml = gateway("a", "2024-01-01T00:00:00Z", tls + http("foo.com"))
                + gateway("b", "2024-02-01T00:00:00Z", tls2);
        // istiod keeps both HTTPS servers (its duplicate check compares Foo.com and foo.com as strings); the index
        // compares names as clients send them, on the TLS key of 443 only: the plaintext foo.com on 80 is apart.
        assertThat(events(yaml)).containsExactly("same b/0/0=foo.com a/0/0=foo.com tls");
    }

    /** The suffix index inside one server names the same wildcard as trying every wildcard in order. */
    @Test
    void withinServerCoverageAgreesWithPairwiseOnRandomHostLists() {
        List<String> pool = List.of("*", "*.com", "*.example.com", "*xample.com", "example.com", "a.example.com",
                "b.a.example.com", "xexample.com", "*.a.example.com", "other.org", "*.org", "*-api.example.com",
                "v1-api.example.com");
        Random rnd = new Random(42);
        for (int round = 0; round < 300; round++) {
            int n = 1 + rnd.nextInt(7);
            List<String> hosts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                hosts.add(pool.get(rnd.nextInt(pool.size())));
            }
            List<String> expected = new ArrayList<>();
            for (int j = 0; j < hosts.size(); j++) {
                if (Hosts.isWildcard(hosts.get(j))) {
                    continue;
                }
                for (int w = 0; w < hosts.size(); w++) {
                    if (w != j && Hosts.isWildcard(hosts.get(w)) && Hosts.subsetOf(hosts.get(j), hosts.get(w))) {
                        expected.add("covered a " + j + "<" + w);
                        break;
                    }
                }
            }
            List<String> got = events(gateway("a", "2024-01-01T00:00:00Z", http(hosts.toArray(String[]::new))))
                    .stream().filter(e -> e.startsWith("covered")).toList();
            assertThat(got).as("%s", hosts).isEqualTo(expected);
        }
    }
}
