package io.gwctl.cli.live;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gwctl.cli.Environment;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.GwctlException;
import io.gwctl.cli.source.ClusterTarget;
import io.gwctl.cli.source.SourceException;
import io.gwctl.model.envoy.ConfigDump;
import io.gwctl.model.envoy.ConfigDumpException;
import io.gwctl.model.envoy.FullConfigDump;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.Optional;

/**
 * Reads a running gateway proxy's {@code /config_dump}, as {@code istioctl proxy-config} does: finds the pod
 * ({@link GatewayPods}), opens a tunnel to its Envoy admin port ({@link ProxyAdminTunnels}), GETs the dump
 * ({@link EnvoyAdminClient}); every failure becomes one {@link GwctlException} line that says what to do.
 */
public final class LiveConfigDump {
    /** Envoy's admin port in Istio proxies (istioctl's {@code --proxy-admin-port} default). */
    public static final int DEFAULT_ADMIN_PORT = 15000;

    private LiveConfigDump() {
    }

    /**
     * A dump read from a pod.
     *
     * @param pod {@code namespace/name} of the pod it came from
     */
    public record Result<T>(String pod, T dump) {
    }

    /** How the dump is fetched through the tunnel: {@link EnvoyAdminClient#configDump(URI, String)} or the full one. */
    private interface Fetch<T> {
        T fetch(URI base, String name) throws IOException, EnvoyAdminClient.StatusException, ConfigDumpException;
    }

    /** Reads every section of the dump ({@code pc all}), endpoints included; fails as {@link #read} does. */
    public static Result<FullConfigDump> readFull(Environment env, ClusterTarget target,
                                                  GatewayPods.WorkloadRef workload, int adminPort) {
        return read(env, target, workload, adminPort, EnvoyAdminClient::fullConfigDump);
    }

    /**
     * Reads the dump of the pod {@code workload} names.
     *
     * @throws GwctlException 69 when the cluster, the pod or its admin port cannot be reached, 64 when the workload
     *                        does not exist, 65 when the answer is not a config dump
     */
    public static Result<ConfigDump> read(Environment env, ClusterTarget target, GatewayPods.WorkloadRef workload,
                                          int adminPort) {
        return read(env, target, workload, adminPort, EnvoyAdminClient::configDump);
    }

    private static <T> Result<T> read(Environment env, ClusterTarget target, GatewayPods.WorkloadRef workload,
                                      int adminPort, Fetch<T> fetch) {
        KubernetesClient client;
        try {
            client = env.kubeClients().create(target);
        } catch (SourceException e) {
            throw new GwctlException(e.exitCode(), e.getMessage(), e.getCause());
        }
        try (client) {
            String pod = GatewayPods.pick(client, workload);
            int slash = pod.indexOf('/');
            ProxyAdminTunnels.Tunnel tunnel;
            try {
                tunnel = env.proxyAdmin().open(client, pod.substring(0, slash), pod.substring(slash + 1), adminPort);
            } catch (IOException e) {
                throw new GwctlException(ExitCodes.UNAVAILABLE, "cannot port-forward to pod " + pod + ": "
                        + e.getMessage(), e);
            }
            try (tunnel) {
                return new Result<>(pod, fetch.fetch(tunnel.baseUri(), "config_dump of pod " + pod));
            } catch (IOException e) {
                throw unreachable(pod, adminPort, e, tunnel.failure());
            } catch (EnvoyAdminClient.StatusException e) {
                throw new GwctlException(ExitCodes.UNAVAILABLE, "GET /config_dump on port " + adminPort + " of pod "
                        + pod + " answered " + e.getMessage(), e);
            } catch (ConfigDumpException e) {
                throw new GwctlException(ExitCodes.DATA_ERROR, e.getMessage(), e);
            }
        }
    }

    private static GwctlException unreachable(String pod, int port, IOException e,
                                              Optional<ProxyAdminTunnels.Failure> failure) {
        String ns = pod.substring(0, pod.indexOf('/'));
        if (failure.isPresent() && failure.get().apiStatus() == 403) {
            return new GwctlException(ExitCodes.UNAVAILABLE, "port-forward to pod " + pod + " refused (403"
                    + " Forbidden): reading a live proxy needs the permission to create pods/portforward in namespace "
                    + ns, e);
        }
        if (failure.isPresent() && failure.get().apiStatus() > 0) {
            return new GwctlException(ExitCodes.UNAVAILABLE, "port-forward to pod " + pod + " refused (HTTP "
                    + failure.get().apiStatus() + "): " + failure.get().detail(), e);
        }
        if (e instanceof HttpTimeoutException) {
            return new GwctlException(ExitCodes.UNAVAILABLE, "port " + port + " of pod " + pod + " did not answer"
                    + " within " + EnvoyAdminClient.RESPONSE_TIMEOUT.toSeconds() + " s", e);
        }
        String detail = failure.map(ProxyAdminTunnels.Failure::detail).orElseGet(() -> describe(e));
        return new GwctlException(ExitCodes.UNAVAILABLE, "nothing answers on port " + port + " of pod " + pod + " ("
                + detail + "): is it the proxy's Envoy admin port (--proxy-admin-port)?", e);
    }

    private static String describe(IOException e) {
        // The JDK client's ConnectException often has no message.
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return "connection refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
