package io.gwctl.model.install;

import io.gwctl.model.ObjectMeta;
import io.gwctl.model.Origin;
import io.gwctl.model.Resource;
import io.gwctl.model.Snapshot;
import io.gwctl.model.SourceMap;
import io.gwctl.model.kube.Container;
import io.gwctl.model.kube.Deployment;
import io.gwctl.model.kube.Service;
import io.gwctl.model.kube.ServicePort;
import io.gwctl.model.kube.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the gateways an install creates ({@link GatewayComponent}s of the input's IstioOperators and of gateway chart
 * values given on the command line) into the Deployment and Service the install would create, so that listeners,
 * port translation and every workload rule work for a gateway whose manifests are not in the repository. A
 * Deployment or Pod of the input in the same namespace whose labels include the component's (or a Deployment of the
 * same name) is the real gateway and wins; so does a Service of the same name or one that selects those labels.
 */
public final class InstalledGateways {
    /** Where the operator installs gateways unless told otherwise. */
    public static final String ISTIO_NAMESPACE = "istio-system";
    public static final String INGRESS_NAME = "istio-ingressgateway";
    public static final String EGRESS_NAME = "istio-egressgateway";
    /** Release and namespace of Istio's Helm install instructions ({@code helm install istio-ingress istio/gateway -n istio-ingress}). */
    public static final String CHART_RELEASE = "istio-ingress";

    private InstalledGateways() {
    }

    /** The legacy charts' labels: {@code app: istio-ingressgateway, istio: ingressgateway} (or egress). */
    public static Map<String, String> legacyLabels(boolean ingress) {
        return ingress ? Map.of("app", INGRESS_NAME, "istio", "ingressgateway")
                : Map.of("app", EGRESS_NAME, "istio", "egressgateway");
    }

    /** The legacy charts' Service ports: 15021 (ingress only), 80→8080, 443→8443, all TCP. */
    public static List<ServicePort> legacyPorts(boolean ingress) {
        List<ServicePort> ports = new ArrayList<>();
        if (ingress) {
            ports.add(new ServicePort(0, "status-port", "TCP", 15021, 15021, null, 0));
        }
        ports.add(new ServicePort(ports.size(), "http2", "TCP", 80, 8080, null, 0));
        ports.add(new ServicePort(ports.size(), "https", "TCP", 443, 8443, null, 0));
        return List.copyOf(ports);
    }

    /** The snapshot's IstioOperator gateways, then {@code extra}, enabled or not, in input order. */
    public static List<GatewayComponent> components(Snapshot s, List<GatewayComponent> extra) {
        List<GatewayComponent> all = new ArrayList<>();
        for (IstioOperator iop : s.istioOperators()) {
            all.addAll(iop.gateways());
        }
        all.addAll(extra);
        return all;
    }

    /**
     * The snapshot with a Deployment and a Service for each enabled install component that the input does not
     * already contain; the snapshot itself when nothing is added. Synthesized Deployments carry their component
     * ({@link Deployment#installed()}). A component installed twice (a base and an overlay) is added once.
     */
    public static Snapshot expand(Snapshot s, List<GatewayComponent> extra) {
        List<GatewayComponent> components = components(s, extra);
        if (components.isEmpty()) {
            return s;
        }
        Set<String> names = new HashSet<>();
        for (GatewayComponent c : components) {
            if (c.enabled()) {
                names.add(c.namespace() + "/" + c.name());
            }
        }
        List<Deployment> deployments = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        Set<String> added = new HashSet<>();
        for (GatewayComponent c : components) {
            if (!c.enabled() || !added.add(c.namespace() + "/" + c.name())) {
                continue;
            }
            if (!hasWorkload(s, c, names)) {
                deployments.add(deployment(c));
            }
            if (c.serviceType() != null && !hasService(s, c)) {
                services.add(service(c));
            }
        }
        if (deployments.isEmpty() && services.isEmpty()) {
            return s;
        }
        Snapshot.Builder b = Snapshot.builder().coverage(s.coverage());
        for (Resource r : s.all()) {
            b.add(r);
        }
        b.addAll(services);
        b.addAll(deployments);
        return b.build();
    }

    /**
     * True when the input runs this gateway: a Deployment of its name in its namespace, or a Pod or Deployment there
     * whose labels include its labels and that is not another component's (by name: a component added without its
     * own label has the default gateway's labels, and the default gateway's Deployment is not this one).
     */
    private static boolean hasWorkload(Snapshot s, GatewayComponent c, Set<String> componentNames) {
        for (Workload w : s.workloads()) {
            if (!c.namespace().equals(w.metadata().namespace())) {
                continue;
            }
            String name = w.metadata().name();
            if (w instanceof Deployment && name.equals(c.name())) {
                return true;
            }
            if (!ofOtherComponent(name, w instanceof Deployment, c, componentNames)
                    && !(w instanceof Deployment d && d.installed() != null) && includes(w.podLabels(), c.labels())) {
                return true;
            }
        }
        return false;
    }

    /** A Deployment named after another component, or a Pod named after one ({@code <name>-<hash>-<id>}). */
    private static boolean ofOtherComponent(String name, boolean deployment, GatewayComponent c,
                                            Set<String> componentNames) {
        for (String other : componentNames) {
            if (!other.equals(c.namespace() + "/" + c.name())) {
                String n = other.substring(other.indexOf('/') + 1);
                if (deployment ? name.equals(n) : name.startsWith(n + "-") && !name.startsWith(c.name() + "-")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasService(Snapshot s, GatewayComponent c) {
        for (Service svc : s.services()) {
            if (c.namespace().equals(svc.metadata().namespace()) && (svc.metadata().name().equals(c.name())
                    || svc.selects(c.labels()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean includes(Map<String, String> labels, Map<String, String> required) {
        for (Map.Entry<String, String> e : required.entrySet()) {
            if (!Objects.equals(e.getValue(), labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static Deployment deployment(GatewayComponent c) {
        ObjectMeta meta = new ObjectMeta(c.name(), c.namespace(), c.labels(), Map.of(), null);
        Map<String, String> env = c.unprivileged() ? Map.of("ISTIO_META_UNPRIVILEGED_POD", "true") : Map.of();
        Container proxy = new Container("istio-proxy", "auto", List.of(), env, List.of("proxy", "router"));
        return new Deployment(meta, c.origin(), lineOnly(c.origin()), c.labels(), List.of(proxy), c.labels(), c);
    }

    private static Service service(GatewayComponent c) {
        ObjectMeta meta = new ObjectMeta(c.name(), c.namespace(), c.labels(), Map.of(), null);
        return new Service(meta, c.origin(), lineOnly(c.origin()), c.serviceType(), c.serviceSelector(), c.ports());
    }

    /** A source map that puts every field of a synthesized object on the component's line. */
    private static SourceMap lineOnly(Origin o) {
        Map<String, Long> positions = new LinkedHashMap<>();
        positions.put("", SourceMap.pack(Math.max(o.line(), 0), Math.max(o.column(), 0)));
        return new SourceMap(positions, o.line());
    }
}
