package io.gwctl.model.translate;

import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.Snapshot;
import io.gwctl.model.SourceMap;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Protocol;
import io.gwctl.model.kube.Container;
import io.gwctl.model.kube.ContainerPort;
import io.gwctl.model.kube.Deployment;
import io.gwctl.model.kube.Pod;
import io.gwctl.model.kube.Service;
import io.gwctl.model.kube.ServicePort;
import io.gwctl.model.kube.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the gateway workloads of a snapshot and turns one of them (or Istio's default ingress gateway) into the
 * {@link GatewayProxy} the translator works for: labels, namespace, unprivileged flag and Service targets (spec §4,
 * §5.1, §5.3).
 */
public final class GatewayWorkloads {
    /** Namespace of Istio's default ingress gateway and of proxies whose namespace is unknown (spec §4). */
    public static final String DEFAULT_NAMESPACE = "istio-system";
    /** Name of the default ingress gateway Deployment and Service. */
    public static final String DEFAULT_NAME = "istio-ingressgateway";

    private static final Set<String> GATEWAY_ISTIO_LABELS = Set.of("ingressgateway", "ingress", "egressgateway");

    private GatewayWorkloads() {
    }

    /**
     * Pods and Deployments that are gateway workloads, in input order: selected by at least one Gateway with a
     * non-empty selector, or labelled {@code istio=ingressgateway|ingress|egressgateway}, or running the
     * {@code proxyv2} image with the {@code router} argument.
     */
    public static List<Workload> find(Snapshot s) {
        // Distinct selectors only: many Gateways share one selector, so this stays close to linear in workloads.
        Set<Map<String, String>> selectors = new LinkedHashSet<>();
        for (Gateway g : s.gateways()) {
            if (g.selector() != null && !g.selector().isEmpty()) {
                selectors.add(g.selector());
            }
        }
        List<Workload> out = new ArrayList<>();
        for (Workload w : s.workloads()) {
            if (isGatewayWorkload(w, selectors)) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean isGatewayWorkload(Workload w, Set<Map<String, String>> selectors) {
        Map<String, String> labels = w.podLabels();
        String istio = labels.get("istio");
        if (istio != null && GATEWAY_ISTIO_LABELS.contains(istio)) {
            return true;
        }
        for (Container c : w.containers()) {
            if (c.image() != null && c.image().contains("proxyv2") && c.args().contains("router")) {
                return true;
            }
        }
        for (Map<String, String> selector : selectors) {
            if (subsetOf(selector, labels)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Resolves istioctl's positional workload argument. {@code null}: the only gateway workload, an error listing them
     * when there are several, Istio's default ingress gateway when there is none. Otherwise {@code pod/NAME},
     * {@code deploy/NAME}, {@code deployment/NAME} or a bare {@code NAME} (a pod, else a Deployment of that name),
     * optionally suffixed {@code .NAMESPACE}; {@code namespace} restricts the search when no suffix is given.
     */
    public static GatewayProxy resolve(Snapshot s, String arg, String namespace) throws WorkloadException {
        if (arg == null || arg.isEmpty()) {
            List<Workload> gws = find(s);
            if (namespace != null && !namespace.isEmpty()) {
                gws = gws.stream().filter(w -> namespace.equals(w.metadata().namespace())).toList();
            }
            if (gws.size() == 1) {
                return proxyFor(s, gws.get(0));
            }
            if (gws.size() > 1) {
                throw new WorkloadException("found " + gws.size()
                        + " gateway workloads; name one of them: " + String.join(", ", describe(gws)), describe(gws));
            }
            return defaultIngress(s);
        }
        String kind = "";
        String name = arg;
        int slash = arg.indexOf('/');
        if (slash >= 0) {
            kind = arg.substring(0, slash).toLowerCase(java.util.Locale.ROOT);
            name = arg.substring(slash + 1);
        }
        String ns = namespace == null || namespace.isEmpty() ? null : namespace;
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            ns = name.substring(dot + 1);
            name = name.substring(0, dot);
        }
        List<Workload> matches = new ArrayList<>();
        switch (kind) {
            case "", "pod", "pods", "po" -> {
                matches.addAll(named(s.pods(), name, ns));
                if (matches.isEmpty() && kind.isEmpty()) {
                    matches.addAll(named(s.deployments(), name, ns));
                }
            }
            case "deploy", "deployment", "deployments" -> matches.addAll(named(s.deployments(), name, ns));
            default -> throw new WorkloadException("unsupported workload type \"" + kind
                    + "\": use pod/NAME or deployment/NAME", describe(find(s)));
        }
        if (matches.size() == 1) {
            return proxyFor(s, matches.get(0));
        }
        List<String> candidates = describe(find(s));
        if (matches.isEmpty()) {
            throw new WorkloadException("no " + (kind.startsWith("deploy") ? "deployment" : "pod") + " \"" + name
                    + "\"" + (ns == null ? "" : " in namespace " + ns) + " in the input"
                    + (candidates.isEmpty() ? "" : "; gateway workloads: " + String.join(", ", candidates)),
                    candidates);
        }
        throw new WorkloadException("\"" + name + "\" names " + matches.size()
                + " workloads; add .NAMESPACE: " + String.join(", ", describe(matches)), describe(matches));
    }

    private static List<Workload> named(List<? extends Workload> ws, String name, String ns) {
        List<Workload> out = new ArrayList<>();
        for (Workload w : ws) {
            if (w.metadata().name().equals(name) && (ns == null || ns.equals(w.metadata().namespace()))) {
                out.add(w);
            }
        }
        return out;
    }

    private static List<String> describe(List<Workload> ws) {
        return ws.stream().map(w -> (w instanceof Pod ? "pod/" : "deployment/") + w.metadata().name() + "."
                + w.metadata().namespace()).toList();
    }

    /** The proxy of one workload: its pod labels, namespace, unprivileged flag, container ports, Service targets. */
    public static GatewayProxy proxyFor(Snapshot s, Workload w) {
        String ns = w.metadata().namespace() == null || w.metadata().namespace().isEmpty() ? "default"
                : w.metadata().namespace();
        List<ContainerPort> ports = new ArrayList<>();
        for (Container c : w.containers()) {
            ports.addAll(c.ports());
        }
        String kind = w instanceof Deployment ? "Deployment" : "Pod";
        return new GatewayProxy(kind, w.metadata().name(), ns, w.podLabels(), w.unprivileged(), ports,
                serviceTargets(s.services(), ns, w.podLabels(), ports), false);
    }

    /**
     * Istio's default ingress gateway ({@code istio-system/istio-ingressgateway}, legacy chart): labels
     * {@code app=istio-ingressgateway, istio=ingressgateway}, unprivileged, and its Service ports 15021, 80→8080,
     * 443→8443 (TCP).
     */
    public static GatewayProxy defaultIngress() {
        return defaultIngress(Snapshot.empty());
    }

    /** The default ingress gateway, with Services of the snapshot that select it when there are any. */
    private static GatewayProxy defaultIngress(Snapshot s) {
        Map<String, String> labels = Map.of("app", DEFAULT_NAME, "istio", "ingressgateway");
        List<ServiceTarget> targets = serviceTargets(s.services(), DEFAULT_NAMESPACE, labels, List.of());
        if (targets.isEmpty()) {
            targets = serviceTargets(List.of(defaultService()), DEFAULT_NAMESPACE, labels, List.of());
        }
        return new GatewayProxy("default", DEFAULT_NAME, DEFAULT_NAMESPACE, labels, true, List.of(), targets, true);
    }

    private static Service defaultService() {
        ObjectMeta meta = new ObjectMeta(DEFAULT_NAME, DEFAULT_NAMESPACE,
                Map.of("app", DEFAULT_NAME, "istio", "ingressgateway"), Map.of(), null);
        return new Service(meta, Origin.none("Istio default ingress gateway"), SourceMap.empty(), "LoadBalancer",
                Map.of("app", DEFAULT_NAME, "istio", "ingressgateway"),
                List.of(new ServicePort(0, "status-port", "TCP", 15021, 15021, null, 0),
                        new ServicePort(1, "http2", "TCP", 80, 8080, null, 0),
                        new ServicePort(2, "https", "TCP", 443, 8443, null, 0)));
    }

    /**
     * {@code GetProxyServiceTargetsByPod} (spec §5.3): Services in the pod namespace whose non-empty selector matches,
     * in name order; each port with its target port resolved (a named port through the container ports of the same
     * protocol; unresolvable ports skipped), deduplicated per Service by (target port, Istio protocol of the port).
     */
    static List<ServiceTarget> serviceTargets(List<Service> services, String namespace, Map<String, String> labels,
                                              List<ContainerPort> containerPorts) {
        List<Service> selecting = new ArrayList<>();
        for (Service svc : services) {
            if (namespace.equals(svc.metadata().namespace()) && svc.selects(labels)) {
                selecting.add(svc);
            }
        }
        selecting.sort(Comparator.comparing((Service svc) -> svc.metadata().name(), GoStrings.ORDER));
        List<ServiceTarget> out = new ArrayList<>();
        for (Service svc : selecting) {
            // istiod dedupes within one Service: ports sharing a target port and protocol make one listener.
            Set<String> seen = new HashSet<>();
            for (ServicePort p : svc.ports()) {
                int target = p.targetPort();
                if (p.hasNamedTargetPort()) {
                    target = namedPort(containerPorts, p.targetPortName(), protocolOf(p.protocol()));
                    if (target <= 0) {
                        continue;
                    }
                }
                if (seen.add(target + "/" + istioProtocol(p))) {
                    out.add(new ServiceTarget(svc, p, target));
                }
            }
        }
        return out;
    }

    /**
     * {@code kube.ConvertProtocol} without appProtocol: UDP stays UDP, otherwise the port name's prefix before the
     * first {@code -} ({@code grpc-web} as a whole) parsed as an Istio protocol.
     */
    static Protocol istioProtocol(ServicePort p) {
        if ("UDP".equals(protocolOf(p.protocol()))) {
            return Protocol.UDP;
        }
        String name = p.name() == null ? "" : p.name();
        if (name.regionMatches(true, 0, "grpc-web", 0, "grpc-web".length())) {
            return Protocol.GRPC_WEB;
        }
        int dash = name.indexOf('-');
        return Protocol.parse(dash >= 0 ? name.substring(0, dash) : name);
    }

    private static int namedPort(List<ContainerPort> ports, String name, String protocol) {
        for (ContainerPort cp : ports) {
            if (name.equals(cp.name()) && protocol.equals(protocolOf(cp.protocol()))) {
                return cp.containerPort();
            }
        }
        return 0;
    }

    private static String protocolOf(String p) {
        return p == null || p.isEmpty() ? "TCP" : p.toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The Gateways that apply to a workload with these labels (spec §5.1): no selector, or every selector label equal
     * to the pod label; sorted by creationTimestamp, then name, then namespace (absent timestamps first).
     */
    public static List<Gateway> gatewaysFor(Snapshot s, Map<String, String> podLabels) {
        List<Gateway> out = new ArrayList<>();
        for (Gateway g : s.gateways()) {
            if (g.selector() == null || subsetOf(g.selector(), podLabels)) {
                out.add(g);
            }
        }
        out.sort(Comparator.comparing(Gateway::metadata, VirtualServiceIndex.CREATION_ORDER));
        return out;
    }

    /** {@code labels.Instance.SubsetOf}: every selector label equals the pod label. */
    static boolean subsetOf(Map<String, String> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!Objects.equals(e.getValue(), labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
