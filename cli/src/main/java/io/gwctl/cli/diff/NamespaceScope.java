package io.gwctl.cli.diff;

import io.gwctl.cli.source.Applied;
import io.gwctl.model.Kind;
import io.gwctl.model.Resource;
import io.gwctl.model.Snapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The file side of {@code gwctl diff cluster: FILES} (or {@code FILES cluster:}): what the cluster would hold once the
 * files are synced to it. The cluster holds every team's objects, a directory usually one team's; compared as they
 * are, every other team's routes would show as removed. So the files stand for the whole of the namespaces they are
 * in (the namespaces {@code scope} names): the cluster's objects in those namespaces are replaced by the files', and
 * its objects in every other namespace, the shared gateway workloads and Gateways of istio-system included unless the
 * files have objects there, are kept as they are, on both sides. A route a team deletes in its namespace shows as
 * removed; another team's routes are the same on both sides and do not show; a host the files add that collides with
 * another team's still shows what it does to that team's routes.
 *
 * <p>Objects the files have outside {@code scope} (only with {@code -n}) are left out; cluster-scoped objects
 * (Namespaces) of the files replace the cluster's of the same name. A file's object keeps the creation time of the
 * cluster object it replaces ({@link Applied}), as istiod orders Gateways and VirtualServices by it.
 */
final class NamespaceScope {
    private NamespaceScope() {
    }

    /**
     * The namespaces the files stand for: those of their namespaced objects and those their Namespace objects create,
     * in name order.
     */
    static Set<String> of(Snapshot files) {
        Set<String> out = new TreeSet<>();
        for (Resource r : files.all()) {
            if (r.kind() == Kind.NAMESPACE) {
                out.add(r.metadata().name());
            } else if (namespace(r) != null) {
                out.add(namespace(r));
            }
        }
        return out;
    }

    /** The cluster with the namespaces of {@code scope} as the files have them, and its other objects unchanged. */
    static Snapshot apply(Snapshot cluster, Snapshot files, Set<String> scope, Instant now) {
        Map<String, Resource> existing = new LinkedHashMap<>();
        Map<String, Resource> out = new LinkedHashMap<>();
        for (Resource r : cluster.all()) {
            existing.put(key(r), r);
            String ns = namespace(r);
            if (ns == null || !scope.contains(ns)) {
                out.put(key(r), r);
            }
        }
        for (Resource r : files.all()) {
            String ns = namespace(r);
            if (ns == null || scope.contains(ns)) {
                out.put(key(r), Applied.of(r, existing.get(key(r)), now));
            }
        }
        Snapshot.Builder b = Snapshot.builder().coverage(cluster.coverage());
        out.values().forEach(b::add);
        cluster.gatewayApiGateways().stream().filter(g -> !scope.contains(g.namespace()))
                .forEach(b::gatewayApiGateway);
        files.gatewayApiGateways().stream().filter(g -> scope.contains(g.namespace())).forEach(b::gatewayApiGateway);
        return b.build();
    }

    /** The object's namespace, null for a cluster-scoped one. */
    private static String namespace(Resource r) {
        String ns = r.metadata().namespace();
        return r.kind() == Kind.NAMESPACE || ns == null || ns.isEmpty() ? null : ns;
    }

    private static String key(Resource r) {
        return r.kind() + "/" + (namespace(r) == null ? "" : namespace(r)) + "/" + r.metadata().name();
    }
}
