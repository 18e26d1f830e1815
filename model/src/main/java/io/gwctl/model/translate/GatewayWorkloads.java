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

    /** The values of the pod label {@code istio} that make a workload a gateway (Istio's charts set them). */
    public static final Set<String> GATEWAY_ISTIO_LABELS = Set.of("ingressgateway", "ingress", "egressgateway");

    private GatewayWorkloads() {
    }

    /**
     * The gateway workloads, in input order, Pods of their own first, then Deployments: selected by at least one
     * Gateway with a non-empty selector, or labelled {@code istio=ingressgateway|ingress|egressgateway}, or running the
     * {@code proxyv2} image with the {@code router} argument. A Deployment and the Pods it runs ({@link PodOwners})
     * are one workload, the Deployment: its pod template says what each of its Pods serves.
     */
    public static List<Workload> find(Snapshot s) {
        return find(s, PodOwners.of(s));
    }

    private static List<Workload> find(Snapshot s, PodOwners owners) {
        SelectorIndex selectors = SelectorIndex.of(s);
        List<Workload> out = new ArrayList<>();
        for (Pod p : s.pods()) {
            if (owners.owner(p) == null && isGatewayWorkload(p, selectors)) {
                out.add(p);
            }
        }
        for (Deployment d : s.deployments()) {
            if (isGatewayWorkload(d, selectors)) {
                out.add(d);
            }
        }
        return out;
    }

    private static boolean isGatewayWorkload(Workload w, SelectorIndex selectors) {
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
        return selectors.anyGatewaySelectorMatches(labels);
    }

    /**
     * Resolves istioctl's positional workload argument with Istio's default namespace {@value #DEFAULT_NAMESPACE} as
     * the istio namespace; see {@link #resolve(Snapshot, String, String, String)}.
     */
    public static GatewayProxy resolve(Snapshot s, String arg, String namespace) throws WorkloadException {
        return resolve(s, arg, namespace, DEFAULT_NAMESPACE);
    }

    /**
     * Resolves istioctl's positional workload argument. {@code null}: the only gateway workload; of several, the
     * {@value #DEFAULT_NAME} of {@code istioNamespace}, else an error listing them; Istio's default ingress gateway in
     * {@code istioNamespace} when there is none. Otherwise {@code pod/NAME}, {@code deploy/NAME},
     * {@code deployment/NAME} or a bare {@code NAME} (a pod, else a Deployment of that name), optionally suffixed
     * {@code .NAMESPACE}; {@code namespace} restricts the search when no suffix is given. A Pod that a Deployment of
     * the input runs resolves to that Deployment, whose pod template is the Pod's configuration.
     */
    public static GatewayProxy resolve(Snapshot s, String arg, String namespace, String istioNamespace)
            throws WorkloadException {
        String istioNs = istioNamespace == null || istioNamespace.isEmpty() ? DEFAULT_NAMESPACE : istioNamespace;
        PodOwners owners = PodOwners.of(s);
        if (arg == null || arg.isEmpty()) {
            return resolveDefault(s, owners, namespace, istioNs);
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
        Set<Workload> matches = new LinkedHashSet<>();
        switch (kind) {
            case "", "pod", "pods", "po" -> {
                for (Pod p : named(s.pods(), name, ns)) {
                    Deployment owner = owners.owner(p);
                    matches.add(owner != null ? owner : p);
                }
                if (matches.isEmpty() && kind.isEmpty()) {
                    matches.addAll(named(s.deployments(), name, ns));
                }
            }
            case "deploy", "deployment", "deployments" -> matches.addAll(named(s.deployments(), name, ns));
            default -> throw new WorkloadException("unsupported workload type \"" + kind
                    + "\": use pod/NAME or deployment/NAME", describe(find(s, owners)));
        }
        if (matches.size() == 1) {
            return proxyFor(s, matches.iterator().next());
        }
        List<String> candidates = describe(find(s, owners));
        if (matches.isEmpty()) {
            throw new WorkloadException("no " + (kind.startsWith("deploy") ? "deployment" : "pod") + " \"" + name
                    + "\"" + (ns == null ? "" : " in namespace " + ns) + " in the input"
                    + (candidates.isEmpty() ? "" : "; gateway workloads: " + String.join(", ", candidates)),
                    candidates);
        }
        List<String> ambiguous = describe(List.copyOf(matches));
        throw new WorkloadException("\"" + name + "\" names " + matches.size()
                + " workloads; add .NAMESPACE: " + String.join(", ", ambiguous), ambiguous);
    }

    /**
     * No argument: the only gateway workload (of {@code namespace} when given); of several, the
     * {@value #DEFAULT_NAME} of the istio namespace, where istioctl users expect the default ingress gateway; none:
     * Istio's default ingress gateway, assumed in the istio namespace.
     */
    private static GatewayProxy resolveDefault(Snapshot s, PodOwners owners, String namespace, String istioNs)
            throws WorkloadException {
        List<Workload> gws = find(s, owners);
        boolean scoped = namespace != null && !namespace.isEmpty();
        if (scoped) {
            gws = gws.stream().filter(w -> namespace.equals(w.metadata().namespace())).toList();
        }
        if (gws.isEmpty()) {
            return defaultIngress(s, istioNs);
        }
        if (gws.size() == 1) {
            return proxyFor(s, gws.get(0));
        }
        for (Workload w : gws) {
            if (DEFAULT_NAME.equals(w.metadata().name()) && istioNs.equals(w.metadata().namespace())) {
                return proxyFor(s, w);
            }
        }
        List<String> candidates = describe(gws);
        throw new WorkloadException("found " + gws.size() + " gateway workloads"
                + (scoped ? " in namespace " + namespace : "") + " and none is " + istioNs + "/" + DEFAULT_NAME
                + ", the default in the istio namespace; name one of them: " + String.join(", ", candidates),
                candidates);
    }

    private static <W extends Workload> List<W> named(List<W> ws, String name, String ns) {
        List<W> out = new ArrayList<>();
        for (W w : ws) {
            if (w.metadata().name().equals(name) && (ns == null || ns.equals(w.metadata().namespace()))) {
                out.add(w);
            }
        }
        return out;
    }

    private static List<String> describe(List<? extends Workload> ws) {
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
        String kind = w instanceof Deployment d ? d.installed() != null ? d.installed().workloadKind() : "Deployment"
                : "Pod";
        List<Service> selecting = SelectorIndex.of(s).servicesSelecting(ns, w.podLabels());
        return new GatewayProxy(kind, w.metadata().name(), ns, w.podLabels(), w.unprivileged(), ports,
                serviceTargets(selecting, ns, w.podLabels(), ports), false);
    }

    /**
     * Istio's default ingress gateway ({@code istio-system/istio-ingressgateway}, legacy chart): labels
     * {@code app=istio-ingressgateway, istio=ingressgateway}, unprivileged, and its Service ports 15021, 80→8080,
     * 443→8443 (TCP).
     */
    public static GatewayProxy defaultIngress() {
        return defaultIngress(Snapshot.empty(), DEFAULT_NAMESPACE);
    }

    /**
     * The default ingress gateway in {@code namespace} (the istio namespace), with Services of the snapshot that select
     * it when there are any, else the chart's Service.
     */
    private static GatewayProxy defaultIngress(Snapshot s, String namespace) {
        Map<String, String> labels = Map.of("app", DEFAULT_NAME, "istio", "ingressgateway");
        List<ServiceTarget> targets = serviceTargets(SelectorIndex.of(s).servicesSelecting(namespace, labels), namespace,
                labels, List.of());
        if (targets.isEmpty()) {
            targets = serviceTargets(List.of(defaultService(namespace)), namespace, labels, List.of());
        }
        return new GatewayProxy("default", DEFAULT_NAME, namespace, labels, true, List.of(), targets, true);
    }

    private static Service defaultService(String namespace) {
        ObjectMeta meta = new ObjectMeta(DEFAULT_NAME, namespace,
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
        List<Gateway> out = SelectorIndex.of(s).gatewaysSelecting(podLabels);
        out.sort(CreationOrder.of());
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
