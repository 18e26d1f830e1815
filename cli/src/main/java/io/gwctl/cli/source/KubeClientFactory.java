package io.gwctl.cli.source;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.HttpClientUtils;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.kube.KubeApi;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The seam between gwctl and the cluster: a {@link KubeApi} (raw reads, what the snapshot source uses) or a full
 * fabric8 {@link KubernetesClient} (port-forwarding) for a {@link ClusterTarget}. A run that reads files never
 * calls it (tests inject a factory that fails when called, and {@link #created()} counts real constructions).
 */
@FunctionalInterface
public interface KubeClientFactory {
    /** A fabric8 client for the target. */
    KubernetesClient create(ClusterTarget target) throws SourceException;

    /**
     * The raw reader for the target. This default wraps {@link #create}'s client (tests hand in a mock server's
     * client); the real factory builds only an HTTP client, without fabric8's typed machinery.
     */
    default KubeApi api(ClusterTarget target) throws SourceException {
        KubernetesClient client = create(target);
        return new KubeApi(client.getHttpClient(), client.getMasterUrl().toString(),
                client.getConfiguration().getNamespace(), target.connection().timeout(), client::close);
    }

    /** The real factory: kubeconfig files, context and flags resolved as kubectl does; no retries. */
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
            Config config = KubeConfigs.resolve(target);
            CREATED.incrementAndGet();
            return new KubernetesClientBuilder().withConfig(config).build();
        }

        @Override
        public KubeApi api(ClusterTarget target) throws SourceException {
            Config config = KubeConfigs.resolve(target);
            CREATED.incrementAndGet();
            try {
                var http = HttpClientUtils.createHttpClient(config);
                return new KubeApi(http, config.getMasterUrl(), config.getNamespace(),
                        target.connection().timeout(), http::close);
            } catch (RuntimeException e) {
                throw new SourceException(ExitCodes.UNAVAILABLE, "cannot set up the connection to "
                        + config.getMasterUrl() + ": " + e.getMessage(), e);
            }
        }
    }
}
