package io.gwctl.model.envoy;

import java.util.List;

/**
 * Everything {@code istioctl proxy-config all} summarises from an Envoy {@code /config_dump}: the listeners and route
 * configurations of {@link ConfigDump} plus bootstrap versions, clusters, endpoints and secrets, each in dump order.
 */
public record FullConfigDump(ConfigDump dump, Bootstrap bootstrap, List<Cluster> clusters,
                             List<EndpointGroup> endpoints, List<Secret> secrets) {

    public FullConfigDump {
        clusters = List.copyOf(clusters);
        endpoints = List.copyOf(endpoints);
        secrets = List.copyOf(secrets);
    }

    /**
     * The versions of the bootstrap's node: Istio version and proxy SHA from {@code node.metadata} ("" when absent),
     * Envoy's as {@code major.minor.patch[-label][/status][/type][/ssl]} from {@code node.user_agent_build_version}.
     */
    public record Bootstrap(String istioVersion, String istioProxySha, String envoyVersion) {
    }

    /**
     * A cluster (dynamic active, then static): name, Envoy discovery type ({@code STATIC} when unset) and the
     * {@code metadata.filter_metadata.istio.config} path (null when absent).
     */
    public record Cluster(String name, String type, String istioConfig) {
    }

    /** A ClusterLoadAssignment (dynamic, then static) with its endpoints, locality by locality. */
    public record EndpointGroup(String clusterName, List<LbEndpoint> endpoints) {
        public EndpointGroup {
            endpoints = List.copyOf(endpoints);
        }
    }

    /**
     * One load-balancing endpoint: its locality as {@code region/zone/subzone}, its addresses as istioctl writes them
     * ({@code ip:port}, a pipe path, {@code envoy://listener/id} or {@code unknown}) and its health status name.
     */
    public record LbEndpoint(String locality, List<String> addresses, String healthStatus) {
        public LbEndpoint {
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * An SDS secret (warming, then active): name, state ({@code WARMING}/{@code ACTIVE}) and the PEM of its
     * certificate chain or trusted CA ("" when it has neither inline). Private keys are never read.
     */
    public record Secret(String name, String state, String certificatePem) {
    }
}
