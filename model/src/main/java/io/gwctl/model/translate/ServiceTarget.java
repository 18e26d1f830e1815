package io.gwctl.model.translate;

import io.gwctl.model.kube.Service;
import io.gwctl.model.kube.ServicePort;

/**
 * One Service port that sends traffic to the gateway workload, with its target port resolved to a number
 * (istiod's ServiceTarget, spec §5.3): the Gateway port {@code port.port()} is served on {@code targetPort}.
 */
public record ServiceTarget(Service service, ServicePort port, int targetPort) {
}
