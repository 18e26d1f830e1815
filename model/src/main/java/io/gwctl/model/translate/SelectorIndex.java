package io.gwctl.model.translate;

import io.gwctl.model.Snapshot;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.kube.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Services and Gateways of one snapshot indexed by selector, so that finding what selects a workload costs the
 * workload's labels and the candidates, not every Service and Gateway (issue 12: at N=100,000 the pairwise scans
 * were 90% of the run). Each selector is filed under one of its labels (the smallest key); a workload looks up each
 * of its own labels, and the candidates are then checked in full, in input order, so results are exactly those of a
 * scan. The index of the last snapshot asked about is kept (a weak reference to it), which is what the translator
 * and the rules ask, once per workload.
 */
final class SelectorIndex {
    private static final SnapshotCache<SelectorIndex> CACHE = new SnapshotCache<>(SelectorIndex::new);

    private final List<Service> services;
    private final Postings servicesBySelector = new Postings();
    private final List<Gateway> gateways;
    private final Postings gatewaysBySelector = new Postings();
    private final List<Map<String, String>> selectors;
    private final Postings distinctSelectors = new Postings();

    private SelectorIndex(Snapshot s) {
        services = s.services();
        for (int i = 0; i < services.size(); i++) {
            Service svc = services.get(i);
            // A Service with no selector selects nothing (Service.selects).
            if (!svc.selector().isEmpty()) {
                servicesBySelector.add(svc.metadata().namespace(), svc.selector(), i);
            }
        }
        gateways = s.gateways();
        Set<Map<String, String>> distinct = new LinkedHashSet<>();
        for (int i = 0; i < gateways.size(); i++) {
            Map<String, String> sel = gateways.get(i).selector();
            // No selector, or an empty one, applies to every workload (labels.Instance.SubsetOf of nothing).
            gatewaysBySelector.add("", sel == null ? Map.of() : sel, i);
            if (sel != null && !sel.isEmpty()) {
                distinct.add(sel);
            }
        }
        selectors = List.copyOf(distinct);
        for (int i = 0; i < selectors.size(); i++) {
            distinctSelectors.add("", selectors.get(i), i);
        }
    }

    /** The index of {@code s}, built once per snapshot. */
    static SelectorIndex of(Snapshot s) {
        return CACHE.get(s);
    }

    /** The Services of {@code namespace} whose selector matches {@code labels}, in input order. */
    List<Service> servicesSelecting(String namespace, Map<String, String> labels) {
        List<Service> out = new ArrayList<>();
        for (int i : servicesBySelector.candidates(namespace, labels)) {
            Service svc = services.get(i);
            if (namespace.equals(svc.metadata().namespace()) && svc.selects(labels)) {
                out.add(svc);
            }
        }
        return out;
    }

    /** The Gateways that apply to a workload with {@code labels} (no selector, or a subset of them), in input order. */
    List<Gateway> gatewaysSelecting(Map<String, String> labels) {
        List<Gateway> out = new ArrayList<>();
        for (int i : gatewaysBySelector.candidates("", labels)) {
            Gateway g = gateways.get(i);
            if (g.selector() == null || GatewayWorkloads.subsetOf(g.selector(), labels)) {
                out.add(g);
            }
        }
        return out;
    }

    /** Whether a non-empty selector of some Gateway matches {@code labels}. */
    boolean anyGatewaySelectorMatches(Map<String, String> labels) {
        for (int i : distinctSelectors.candidates("", labels)) {
            if (GatewayWorkloads.subsetOf(selectors.get(i), labels)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Positions filed under (scope, one label of the selector); selectors without a label value under scope alone.
     * Keyed by the strings the selectors already hold, with the positions as ints: a string key and a list of boxed
     * positions per selector were 25 MB at 100,000 Gateways.
     */
    private static final class Postings {
        private final Map<Key, Positions> byKey = new HashMap<>();

        void add(String scope, Map<String, String> selector, int position) {
            // A label whose value is null also matches a workload without that label (Objects.equals), so only
            // labels with values can narrow; a selector without any is a candidate for every workload.
            String smallest = null;
            for (Map.Entry<String, String> e : selector.entrySet()) {
                if (e.getValue() != null && (smallest == null || e.getKey().compareTo(smallest) < 0)) {
                    smallest = e.getKey();
                }
            }
            Key key = new Key(scope, smallest, smallest == null ? null : selector.get(smallest));
            Positions p = byKey.get(key);
            if (p == null) {
                p = new Positions();
                byKey.put(key, p);
            }
            p.add(position);
        }

        /** The positions that may match {@code labels} in {@code scope}, ascending, each once. */
        int[] candidates(String scope, Map<String, String> labels) {
            List<Positions> hits = new ArrayList<>();
            int n = 0;
            Positions always = byKey.get(new Key(scope, null, null));
            if (always != null) {
                hits.add(always);
                n += always.size;
            }
            for (Map.Entry<String, String> e : labels.entrySet()) {
                Positions hit = byKey.get(new Key(scope, e.getKey(), e.getValue()));
                if (hit != null) {
                    hits.add(hit);
                    n += hit.size;
                }
            }
            int[] out = new int[n];
            int k = 0;
            for (Positions hit : hits) {
                System.arraycopy(hit.values, 0, out, k, hit.size);
                k += hit.size;
            }
            if (hits.size() > 1) {
                Arrays.sort(out);
            }
            return out;
        }
    }

    /** A scope and one label (both null: the scope alone). Written out: a record's methods cost start-up time. */
    private static final class Key {
        private final String scope;
        private final String label;
        private final String value;
        private final int hash;

        Key(String scope, String label, String value) {
            this.scope = scope;
            this.label = label;
            this.value = value;
            this.hash = (scope.hashCode() * 31 + Objects.hashCode(label)) * 31 + Objects.hashCode(value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && scope.equals(k.scope) && Objects.equals(label, k.label)
                    && Objects.equals(value, k.value);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Positions in the order added (ascending: the index adds them so). */
    private static final class Positions {
        private int[] values = new int[1];
        private int size;

        void add(int position) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = position;
        }
    }
}
