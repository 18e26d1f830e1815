package io.gwctl.model.install;

import io.gwctl.model.Origin;
import io.gwctl.model.kube.ServicePort;
import java.util.List;
import java.util.Map;

/**
 * A gateway that an install creates (an {@code IstioOperator} ingress or egress gateway component, or the Istio
 * gateway Helm chart's values), with the defaults the operator or chart applies: the Deployment's pod labels, its
 * namespace, and its Service. gwctl turns each enabled one into a gateway workload and its Service
 * ({@link InstalledGateways}) when the input does not contain the real ones.
 *
 * @param installedBy     how messages name the install, e.g. {@code IstioOperator istio-system/installed-state}
 * @param origin          where the component is written (the component's line, or the install's first line)
 * @param name            the Deployment and Service name
 * @param namespace       where both run
 * @param ingress         true for an ingress gateway, false for an egress gateway
 * @param enabled         false for a component the install lists but disables
 * @param labels          the pod labels (the Deployment's template labels)
 * @param ownLabels       false when the component sets no {@code label} of its own and so inherits the defaults
 *                        (for an IstioOperator gateway: {@code istio: ingressgateway})
 * @param serviceSelector the Service's selector (the labels unless the install overrides it)
 * @param serviceType     {@code LoadBalancer}, {@code ClusterIP}, {@code NodePort}; null when the install creates
 *                        no Service
 * @param ports           the Service ports, the API server's defaults applied
 * @param unprivileged    true when the pods run as a non-root user and so listen on 8080/8443 (legacy charts)
 */
public record GatewayComponent(String installedBy, Origin origin, String name, String namespace, boolean ingress,
                               boolean enabled, Map<String, String> labels, boolean ownLabels,
                               Map<String, String> serviceSelector, String serviceType, List<ServicePort> ports,
                               boolean unprivileged) {
    public GatewayComponent {
        labels = Map.copyOf(labels);
        serviceSelector = Map.copyOf(serviceSelector);
        ports = List.copyOf(ports);
    }

    /** How messages name the workload kind: {@code IstioOperator gateway} or {@code Helm chart gateway}. */
    public String workloadKind() {
        return installedBy.startsWith("IstioOperator") ? "IstioOperator gateway" : "Helm chart gateway";
    }

    /** {@code IstioOperator istio-system/iop (file.yaml:12)}: the install and where the component is written. */
    public String describeSource() {
        return origin.hasLine() ? installedBy + " (" + origin.fileAndLine(origin.line()) + ")"
                : installedBy + (origin.file().isEmpty() ? "" : " (" + origin.file() + ")");
    }
}
