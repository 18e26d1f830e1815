package io.gwctl.validators.rules;

import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Server;
import io.gwctl.model.translate.BoundServer;
import io.gwctl.model.translate.Hosts;
import io.gwctl.model.translate.ServerPredicates;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * GW0301's index of the hosts of the servers istiod keeps for one gateway workload, fed in merge order. It finds
 * every overlap once, when the later host arrives, and tells a {@link Listener}; it words nothing itself
 * ({@link HostPortFindings} does).
 *
 * <p>Hosts are compared case-insensitively without their {@code ns/} prefix, per (resolved port, bind, TLS or
 * plaintext) key: exact hosts in a map, wildcards by their suffix, exact hosts under each of their dot suffixes,
 * {@code *} once per key. Inside one server, wildcards are indexed by suffix too. No step compares all pairs.
 */
final class HostOverlapIndex {
    /** One host entry of an accepted server: the server, the index in {@code hosts}, the normalised host. */
    record Entry(BoundServer server, int index, String host) {
        Gateway gateway() {
            return server.gateway();
        }

        /** The JSON pointer of this host in its Gateway. */
        String pointer() {
            return server.server().pointer() + "/hosts/" + index;
        }
    }

    /** What the index finds, each overlap once. */
    interface Listener {
        /** Host {@code index} of a server repeats its host {@code earlier}. */
        void repeatedInServer(BoundServer b, int index, int earlier);

        /** Host {@code index} of a server is covered by its wildcard host {@code wildcard}. */
        void coveredInServer(BoundServer b, int index, int wildcard);

        /** Two servers of one Gateway list the same host on one key. */
        void listedTwiceInGateway(Entry later, Entry first);

        /** Two Gateways list the same host on one key; {@code tls} when the key is a TLS (SNI) one. */
        void sameHost(Entry later, Entry first, boolean tls);

        /** A wildcard arrives after {@code hostsWithSuffix} exact hosts it matches, {@code other} of another Gateway. */
        void wildcardOverHosts(Entry wildcard, Entry other, int hostsWithSuffix);

        /** An exact host arrives after a wildcard of another Gateway that matches it (the most specific one). */
        void hostUnderWildcard(Entry host, Entry wildcard);

        /** A {@code *} of one key matches {@code hosts} hosts of {@code gateways} other Gateways; called by finish. */
        void starOverHosts(Entry star, int hosts, int gateways, Entry example);
    }

    /** The hosts of one (resolved port, bind, TLS or plaintext) key, indexed as they arrive. */
    private static final class Key {
        final Map<String, Entry> exact = new HashMap<>();
        /** {@code *.a.com} by its suffix {@code .a.com}: the first wildcard of that suffix. */
        final Map<String, Entry> wildcards = new HashMap<>();
        /** Exact hosts by each of their suffixes: the first host and the first host of another Gateway. */
        final Map<String, Entry[]> bySuffix = new HashMap<>();
        final Map<String, Integer> countBySuffix = new HashMap<>();
        final List<Entry> entries = new ArrayList<>();
        Entry star;
    }

    private final Listener out;
    private final Map<List<Object>, Key> keys = new LinkedHashMap<>();

    HostOverlapIndex(Listener out) {
        this.out = out;
    }

    /** The host without {@code ns/}, lower-cased: the name clients send. */
    static String normalise(BoundServer b, String raw) {
        List<String> sanitized = Hosts.sanitizeServerHostNamespace(List.of(raw), b.gateway().metadata().namespace());
        return Hosts.stripNamespace(sanitized.get(0)).toLowerCase(Locale.ROOT);
    }

    /** Adds the next accepted server in merge order. */
    void add(BoundServer b) {
        Server s = b.server();
        boolean tls = ServerPredicates.isTlsServer(s);
        Key key = keys.computeIfAbsent(List.of(b.resolvedPort(), ServerPredicates.bindOf(s), tls), k -> new Key());
        List<String> hosts = new ArrayList<>(s.hosts().size());
        for (String raw : s.hosts()) {
            hosts.add(normalise(b, raw));
        }
        findCoveredWithinServer(b, hosts);
        Map<String, Integer> own = new HashMap<>();
        for (int j = 0; j < hosts.size(); j++) {
            String host = hosts.get(j);
            Integer earlier = own.putIfAbsent(host, j);
            if (earlier != null) {
                out.repeatedInServer(b, j, earlier);
                continue;
            }
            Entry e = new Entry(b, j, host);
            key.entries.add(e);
            Entry same = key.exact.putIfAbsent(host, e);
            if (same != null) {
                if (same.gateway() != b.gateway()) {
                    out.sameHost(e, same, tls);
                } else if (same.server() != b) {
                    out.listedTwiceInGateway(e, same);
                }
                continue;
            }
            if (host.equals("*")) {
                if (key.star == null) {
                    key.star = e;
                }
            } else if (host.startsWith("*.")) {
                addWildcard(key, e);
            } else {
                addExact(key, e);
            }
        }
    }

    /**
     * Hosts of one server that a wildcard of the same server already covers ({@code Name.SubsetOf}: the host ends
     * with the wildcard's text after {@code *}); the first such wildcard is named. Wildcards are indexed by that
     * text, so each host costs its suffixes, not the server's other hosts.
     */
    private void findCoveredWithinServer(BoundServer b, List<String> hosts) {
        Map<String, Integer> wildcardBySuffix = new HashMap<>();
        for (int w = 0; w < hosts.size(); w++) {
            if (Hosts.isWildcard(hosts.get(w))) {
                wildcardBySuffix.putIfAbsent(hosts.get(w).substring(1), w);
            }
        }
        if (wildcardBySuffix.isEmpty()) {
            return;
        }
        for (int j = 0; j < hosts.size(); j++) {
            String h = hosts.get(j);
            if (Hosts.isWildcard(h)) {
                continue;
            }
            int first = Integer.MAX_VALUE;
            for (int k = 0; k <= h.length(); k++) {
                Integer w = wildcardBySuffix.get(h.substring(k));
                if (w != null && w < first) {
                    first = w;
                }
            }
            if (first != Integer.MAX_VALUE) {
                out.coveredInServer(b, j, first);
            }
        }
    }

    private void addWildcard(Key key, Entry e) {
        String suffix = e.host().substring(1);
        key.wildcards.putIfAbsent(suffix, e);
        Entry[] covered = key.bySuffix.get(suffix);
        Entry other = covered == null ? null : covered[0].gateway() != e.gateway() ? covered[0] : covered[1];
        if (other != null) {
            out.wildcardOverHosts(e, other, key.countBySuffix.get(suffix));
        }
    }

    private void addExact(Key key, Entry e) {
        String host = e.host();
        int dot = host.indexOf('.');
        boolean found = false;
        while (dot >= 0) {
            String suffix = host.substring(dot);
            Entry w = key.wildcards.get(suffix);
            if (!found && w != null && w.gateway() != e.gateway()) {
                // The most specific earlier wildcard of another Gateway (suffixes are tried longest first).
                out.hostUnderWildcard(e, w);
                found = true;
            }
            Entry[] firsts = key.bySuffix.computeIfAbsent(suffix, k -> new Entry[2]);
            if (firsts[0] == null) {
                firsts[0] = e;
            } else if (firsts[1] == null && firsts[0].gateway() != e.gateway()) {
                firsts[1] = e;
            }
            key.countBySuffix.merge(suffix, 1, Integer::sum);
            dot = host.indexOf('.', dot + 1);
        }
    }

    /** After the last server: a {@code *} overlaps every host of its key, told once per key, on the first one. */
    void finish() {
        for (Key key : keys.values()) {
            if (key.star == null) {
                continue;
            }
            Entry star = key.star;
            Entry example = null;
            Set<String> hosts = new HashSet<>();
            // By identity, as above (a Gateway's generated hashCode walks the whole resource; no two are equal).
            Set<Gateway> gateways = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Entry e : key.entries) {
                if (e.gateway() != star.gateway() && !e.host().equals("*")) {
                    hosts.add(e.host());
                    gateways.add(e.gateway());
                    example = example == null ? e : example;
                }
            }
            if (example != null) {
                out.starOverHosts(star, hosts.size(), gateways.size(), example);
            }
        }
    }
}
