package io.gwctl.cli.live;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * The seam between gwctl and a gateway pod's Envoy admin endpoint: opens a tunnel from this machine to a port of a
 * pod, as {@code istioctl proxy-config} does with a port-forward. {@link #fabric8()} is the real one; tests pass a
 * local HTTP server's address instead, so everything above the tunnel (the HTTP request, its errors, the parse)
 * runs for real.
 */
@FunctionalInterface
public interface ProxyAdminTunnels {

    /**
     * Opens a tunnel to {@code port} of pod {@code namespace/pod}; the caller closes it.
     *
     * @param client the cluster the pod was found in
     * @throws IOException when no tunnel can be set up at all (e.g. no local port)
     */
    Tunnel open(KubernetesClient client, String namespace, String pod, int port) throws IOException;

    /** The real tunnels: fabric8's port-forward (the API server's {@code pods/portforward}) on a loopback port. */
    static ProxyAdminTunnels fabric8() {
        return Fabric8Tunnels.INSTANCE;
    }

    /** An open tunnel: where to send requests, and why it failed when a request through it did. */
    interface Tunnel extends Closeable {
        /** The base URL of the pod's port, e.g. {@code http://127.0.0.1:41234/}. */
        URI baseUri();

        /**
         * Called after a request through the tunnel failed: why the tunnel itself failed, if it did (the API server
         * refused the port-forward, the pod's port refused the connection); empty when the tunnel knows of no
         * failure, which leaves the request's own error as the explanation.
         */
        default Optional<Failure> failure() {
            return Optional.empty();
        }

        /** Closes the tunnel; never fails. */
        @Override
        void close();
    }

    /**
     * Why a tunnel failed.
     *
     * @param apiStatus the HTTP status with which the API server refused the port-forward (403: the user lacks
     *                  {@code create} on {@code pods/portforward}), or 0 when it accepted it and the pod's port
     *                  failed (nothing listens there)
     * @param detail    the underlying error, one line
     */
    record Failure(int apiStatus, String detail) {
    }
}
