package io.gwctl.cli.source;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gwctl.cli.ExitCodes;
import java.io.File;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The seam between gwctl and fabric8: builds a {@link KubernetesClient} for a {@link ClusterTarget}. Only
 * {@link ClusterSnapshotSource} calls it, so a run that reads files never constructs a client (tests inject a
 * factory that fails when called, and {@link #created()} counts real constructions).
 */
@FunctionalInterface
public interface KubeClientFactory {
    KubernetesClient create(ClusterTarget target) throws SourceException;

    /** The real factory: a kubeconfig file and context, fail fast (no retries) so an unreachable server is quick. */
    static KubeClientFactory fabric8() {
        return Fabric8.INSTANCE;
    }

    /** How many clients {@link #fabric8()} built in this JVM. */
    static int created() {
        return Fabric8.CREATED.get();
    }

    /** The fabric8-backed factory. */
    enum Fabric8 implements KubeClientFactory {
        INSTANCE;

        private static final AtomicInteger CREATED = new AtomicInteger();

        @Override
        public KubernetesClient create(ClusterTarget target) throws SourceException {
            File file = new File(target.kubeconfig());
            if (!file.isFile()) {
                throw new SourceException(ExitCodes.UNAVAILABLE, "kubeconfig " + target.kubeconfig()
                        + " not found: pass --kubeconfig FILE, or read manifests with -f PATH", null);
            }
            try {
                Config config = Config.fromKubeconfig(target.context(), file);
                config.setRequestRetryBackoffLimit(0);
                config.setConnectionTimeout(5_000);
                config.setRequestTimeout(15_000);
                CREATED.incrementAndGet();
                return new KubernetesClientBuilder().withConfig(config).build();
            } catch (KubernetesClientException | IllegalArgumentException e) {
                throw new SourceException(ExitCodes.UNAVAILABLE, "cannot use kubeconfig " + target.kubeconfig()
                        + (target.context() == null ? "" : " context " + target.context()) + ": " + e.getMessage(), e);
            }
        }
    }
}
