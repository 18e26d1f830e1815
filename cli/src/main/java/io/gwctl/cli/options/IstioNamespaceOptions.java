package io.gwctl.cli.options;

import io.gwctl.model.translate.GatewayWorkloads;
import picocli.CommandLine.Option;

/**
 * istioctl's {@code -i/--istio-namespace}: the namespace of Istio's default ingress gateway, which
 * {@code proxy-config} picks when the input has several gateway workloads and assumes when it has none.
 */
public final class IstioNamespaceOptions {
    @Option(names = {"-i", "--istio-namespace"}, paramLabel = "NS", defaultValue = GatewayWorkloads.DEFAULT_NAMESPACE,
            description = "Istio system namespace (default: ${DEFAULT-VALUE}): without a workload argument, its"
                    + " istio-ingressgateway is picked when the input has several gateway workloads, and assumed"
                    + " when it has none.")
    private String istioNamespace;

    /** The istio namespace, {@code istio-system} unless given. */
    public String istioNamespace() {
        return istioNamespace;
    }
}
