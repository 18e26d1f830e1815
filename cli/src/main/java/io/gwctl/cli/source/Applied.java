package io.gwctl.cli.source;

import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Resource;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.VirtualService;
import java.time.Instant;

/**
 * A file's object as the API server will hold it once applied over the cluster ({@code --with-cluster}, and the file
 * side of {@code gwctl diff cluster: FILES}): an update keeps the cluster object's creationTimestamp, and a new object
 * is created now, after everything the cluster has.
 * istiod merges Gateways and VirtualServices in creation order (translation spec §5.1) and manifests seldom carry a
 * creationTimestamp: taken as written, a new Gateway would sort first, as if it were the oldest, and the duplicate
 * host it adds would be blamed on the Gateway that already serves it. A creationTimestamp the file gives is kept.
 */
public final class Applied {
    private Applied() {
    }

    /** {@code file} with the creationTimestamp it will have once applied over {@code existing} (null: new). */
    public static Resource of(Resource file, Resource existing, Instant now) {
        ObjectMeta m = file.metadata();
        if (m.creationTimestamp() != null) {
            return file;
        }
        Instant created = existing != null && existing.metadata().creationTimestamp() != null
                ? existing.metadata().creationTimestamp() : now;
        ObjectMeta meta = new ObjectMeta(m.name(), m.namespace(), m.labels(), m.annotations(), created);
        if (file instanceof Gateway g) {
            return new Gateway(meta, g.origin(), g.source(), g.selector(), g.servers());
        }
        if (file instanceof VirtualService v) {
            return new VirtualService(meta, v.origin(), v.source(), v.hosts(), v.gateways(), v.http(), v.tcp(),
                    v.tls(), v.exportTo());
        }
        return file; // the order of other kinds plays no part
    }
}
