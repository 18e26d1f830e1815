package io.gwctl.model.translate;

import io.gwctl.model.kube.Service;
import io.gwctl.model.kube.ServicePort;
import java.util.Objects;

/**
 * One Service port that sends traffic to the gateway workload, with its target port resolved to a number
 * (istiod's ServiceTarget, spec §5.3): the Gateway port {@code port.port()} is served on {@code targetPort}.
 */
public record ServiceTarget(Service service, ServicePort port, int targetPort) {

    // equals and hashCode are written out (with the values a record's generated ones give) because the generated ones
    // go through method handles, which the C1-only JIT of small and medium runs calls slowly: hot as a map key.
    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceTarget t && targetPort == t.targetPort && Objects.equals(service, t.service)
                && Objects.equals(port, t.port);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Objects.hashCode(service) + Objects.hashCode(port)) + targetPort;
    }
}
