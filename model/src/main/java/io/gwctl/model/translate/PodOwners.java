package io.gwctl.model.translate;

import io.gwctl.model.OwnerReference;
import io.gwctl.model.Snapshot;
import io.gwctl.model.kube.Deployment;
import io.gwctl.model.kube.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which Deployment of the input runs each Pod, so that a Deployment and its Pods count as one gateway workload (a
 * cluster, or {@code kubectl get deploy,pod -o yaml}, lists both). A Pod belongs to the Deployment of its same
 * namespace that its controller ReplicaSet {@code <deployment>-<pod-template-hash>} belongs to; a Pod without owner
 * references, to the first Deployment in input order of its namespace whose selector its labels match. Built in
 * time linear in Pods and Deployments: Deployments are indexed by namespace and name and by one label of their
 * selector.
 */
public final class PodOwners {
    private static final String HASH_LABEL = "pod-template-hash";

    private final Map<Pod, Deployment> owners;

    private PodOwners(Map<Pod, Deployment> owners) {
        this.owners = owners;
    }

    /** The owners of the snapshot's Pods. */
    public static PodOwners of(Snapshot s) {
        Map<Pod, Deployment> owners = new IdentityHashMap<>();
        if (s.pods().isEmpty() || s.deployments().isEmpty()) {
            return new PodOwners(owners);
        }
        Map<String, Deployment> byName = new HashMap<>();
        Map<String, List<Deployment>> bySelectorLabel = new HashMap<>();
        for (Deployment d : s.deployments()) {
            byName.putIfAbsent(key(d.metadata().namespace(), d.metadata().name()), d);
            Map<String, String> sel = d.podSelector();
            if (sel != null && !sel.isEmpty()) {
                String k = sel.keySet().stream().min(String::compareTo).orElseThrow();
                bySelectorLabel.computeIfAbsent(labelKey(d.metadata().namespace(), k, sel.get(k)),
                        x -> new ArrayList<>()).add(d);
            }
        }
        Map<Deployment, Integer> order = new IdentityHashMap<>();
        for (int i = 0; i < s.deployments().size(); i++) {
            order.putIfAbsent(s.deployments().get(i), i);
        }
        for (Pod p : s.pods()) {
            Deployment d = p.metadata().ownerReferences().isEmpty()
                    ? bySelector(p, bySelectorLabel, order)
                    : byReplicaSet(p, byName);
            if (d != null) {
                owners.put(p, d);
            }
        }
        return new PodOwners(owners);
    }

    /** The Deployment that runs {@code p}, or null for a Pod of its own (or of a controller not in the input). */
    public Deployment owner(Pod p) {
        return owners.get(p);
    }

    /** The Deployment of the pod's controller ReplicaSet, named {@code <deployment>-<pod-template-hash>}. */
    private static Deployment byReplicaSet(Pod p, Map<String, Deployment> byName) {
        OwnerReference rs = null;
        for (OwnerReference r : p.metadata().ownerReferences()) {
            if ("ReplicaSet".equals(r.kind()) && r.name() != null && (rs == null || r.controller())) {
                rs = r;
            }
        }
        if (rs == null) {
            return null;
        }
        String hash = p.metadata().labels().get(HASH_LABEL);
        int cut = hash != null && !hash.isEmpty() && rs.name().endsWith("-" + hash)
                ? rs.name().length() - hash.length() - 1
                : hash == null ? rs.name().lastIndexOf('-') : -1;
        return cut > 0 ? byName.get(key(p.metadata().namespace(), rs.name().substring(0, cut))) : null;
    }

    /** The first Deployment (input order) of the pod's namespace whose selector the pod's labels match. */
    private static Deployment bySelector(Pod p, Map<String, List<Deployment>> bySelectorLabel,
                                         Map<Deployment, Integer> order) {
        Deployment best = null;
        for (Map.Entry<String, String> label : p.metadata().labels().entrySet()) {
            List<Deployment> candidates = bySelectorLabel.get(labelKey(p.metadata().namespace(), label.getKey(),
                    label.getValue()));
            if (candidates == null) {
                continue;
            }
            for (Deployment d : candidates) {
                if ((best == null || order.get(d) < order.get(best))
                        && GatewayWorkloads.subsetOf(d.podSelector(), p.metadata().labels())) {
                    best = d;
                }
            }
        }
        return best;
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    private static String labelKey(String namespace, String label, String value) {
        return namespace + "/" + label + "=" + value;
    }
}
