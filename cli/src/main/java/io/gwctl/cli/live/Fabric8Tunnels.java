package io.gwctl.cli.live;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * fabric8's port-forward as a {@link ProxyAdminTunnels}: a loopback port whose connections each open a websocket to
 * the API server's {@code pods/NAME/portforward} (what {@code kubectl port-forward} and istioctl use).
 */
enum Fabric8Tunnels implements ProxyAdminTunnels {
    INSTANCE;

    /** How long to wait for fabric8 to record why a forwarded connection closed (it does so asynchronously). */
    private static final long FAILURE_WAIT_MILLIS = 2_000;

    @Override
    public Tunnel open(KubernetesClient client, String namespace, String pod, int port) throws IOException {
        // Loopback only: fabric8's portForward(port) listens on every interface, which would expose the proxy's
        // admin endpoint (it can change the proxy's state) to the network for the duration of the run.
        InetAddress loopback = InetAddress.getLoopbackAddress();
        LocalPortForward forward;
        try {
            forward = client.pods().inNamespace(namespace).withName(pod).portForward(port, loopback, 0);
        } catch (IllegalStateException e) {
            throw new IOException("cannot listen on a local port: " + e.getMessage(), e);
        }
        String host = loopback.getHostAddress().contains(":") ? "[" + loopback.getHostAddress() + "]"
                : loopback.getHostAddress();
        URI base = URI.create("http://" + host + ":" + forward.getLocalPort() + "/");
        return new Tunnel() {
            @Override
            public URI baseUri() {
                return base;
            }

            @Override
            public Optional<Failure> failure() {
                long deadline = System.currentTimeMillis() + FAILURE_WAIT_MILLIS;
                while (!forward.errorOccurred() && System.currentTimeMillis() < deadline) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                List<Throwable> errors = new ArrayList<>(forward.getServerThrowables());
                errors.addAll(forward.getClientThrowables());
                return errors.isEmpty() ? Optional.empty() : Optional.of(describe(errors.get(0)));
            }

            @Override
            public void close() {
                try {
                    forward.close();
                } catch (IOException ignored) {
                    // Nothing to do: the run is over either way.
                }
            }
        };
    }

    /** The API server's refusal (a failed websocket handshake, with its status), else an error of the pod's port. */
    static Failure describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof WebSocketHandshakeException h && h.getResponse() != null) {
                return new Failure(h.getResponse().code(), oneLine(t));
            }
            if (t instanceof KubernetesClientException k && k.getCode() > 0) {
                return new Failure(k.getCode(), oneLine(t));
            }
        }
        return new Failure(0, oneLine(error));
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
