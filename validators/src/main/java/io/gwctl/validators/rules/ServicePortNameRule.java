package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.kube.Container;
import io.gwctl.model.kube.Namespace;
import io.gwctl.model.kube.Pod;
import io.gwctl.model.kube.Service;
import io.gwctl.model.kube.ServicePort;
import io.gwctl.model.kube.Workload;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * GW0203: a port of a Service whose pods are in the mesh names its protocol, as Kiali checks it (KIA0601 "Port name
 * must follow &lt;protocol&gt;[-suffix] form"; Kiali's {@code services/port_mapping_checker.go}, lint catalogue
 * §3.1). The sidecar picks the protocol from {@code appProtocol}, else from the name's prefix; otherwise it sniffs,
 * which breaks server-first protocols (MySQL, SMTP). A port with an {@code appProtocol} is not checked by name, as in
 * Kiali (whose KIA0602 on an unknown appProtocol gwctl does not report). UDP ports and Services labelled
 * {@code kiali_wizard} are skipped, as Kiali does, and so are the Services of gateway workloads, which are proxies
 * themselves.
 *
 * <p>Kiali sees whether a pod runs a sidecar. From files, gwctl takes a workload the Service selects in its
 * namespace as in the mesh when a Pod runs an {@code istio-proxy} container, when the pod labels ask for injection
 * ({@code sidecar.istio.io/inject: "true"}) or ambient ({@code istio.io/dataplane-mode: ambient}), or when its
 * Namespace in the input is labelled for injection ({@code istio-injection: enabled}, {@code istio.io/rev}) or
 * ambient and the pod does not opt out; without that evidence there is no finding.
 */
public final class ServicePortNameRule implements Rule {
    /** Kiali's protocols ({@code kubernetes.portProtocols}); a name is one of them, optionally {@code -suffix}. */
    static final List<String> PROTOCOLS = List.of("grpc", "grpc-web", "http", "http2", "https", "mongo", "redis",
            "tcp", "tls", "udp", "mysql");
    private static final String INJECT = "sidecar.istio.io/inject";
    private static final String DATAPLANE = "istio.io/dataplane-mode";
    private static final RuleInfo INFO = new RuleInfo("GW0203", "service-port-name", Severity.ERROR,
            "A port of a Service in the mesh names no protocol Istio knows (name or appProtocol).",
            List.of("KIA0601"), Set.of(Kind.SERVICE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean hasWork(RuleContext ctx) {
        return !ctx.snapshot().services().isEmpty();
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
        for (Namespace n : ctx.snapshot().namespaces()) {
            namespaceLabels.put(n.metadata().name(), n.metadata().labels());
        }
        for (Service svc : ctx.snapshot().services()) {
            if (svc.metadata().labels().containsKey("kiali_wizard") || svc.selector() == null
                    || svc.selector().isEmpty() || selectsGateway(svc, ctx.gatewayWorkloads())) {
                continue;
            }
            String why = meshEvidence(svc, ctx.snapshot().workloads(),
                    namespaceLabels.getOrDefault(svc.metadata().namespace(), Map.of()));
            if (why == null) {
                continue;
            }
            for (ServicePort p : svc.ports()) {
                check(svc, p, why, out);
            }
        }
    }

    private static void check(Service svc, ServicePort p, String why, Reporter out) {
        if ("udp".equalsIgnoreCase(p.protocol())) {
            return;
        }
        String known = String.join(", ", PROTOCOLS);
        if (p.appProtocol() != null) {
            return; // the protocol comes from appProtocol
        }
        if (!validName(p.name())) {
            String name = p.name() == null || p.name().isEmpty() ? "the unnamed port" : "port name \"" + p.name()
                    + "\"";
            out.report(svc, "/spec/ports/" + p.index(), "Port name must follow <protocol>[-suffix] form: " + name + " (port "
                            + p.port() + ") starts with none of " + known + "; " + why,
                    "name the port after its protocol (http, http-web, grpc, tcp-db, ...) or set appProtocol, so "
                            + "that the sidecar does not have to sniff the protocol");
        }
    }

    /** Kiali's {@code MatchPortNameWithValidProtocols}: a protocol prefix (case-sensitive), then nothing or "-…". */
    static boolean validName(String name) {
        if (name == null) {
            return false;
        }
        for (String protocol : PROTOCOLS) {
            if (name.startsWith(protocol) && (name.toLowerCase(Locale.ROOT).equals(protocol)
                    || name.startsWith("-", protocol.length()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean selectsGateway(Service svc, List<GatewayProxy> gateways) {
        for (GatewayProxy g : gateways) {
            if (g.namespace().equals(svc.metadata().namespace()) && matches(svc.selector(), g.labels())) {
                return true;
            }
        }
        return false;
    }

    /** Why a workload the Service selects is in the mesh, e.g. {@code namespace shop has istio-injection=enabled}. */
    private static String meshEvidence(Service svc, List<Workload> workloads, Map<String, String> nsLabels) {
        for (Workload w : workloads) {
            if (!w.metadata().namespace().equals(svc.metadata().namespace())
                    || !matches(svc.selector(), w.podLabels())) {
                continue;
            }
            String why = meshEvidence(w, nsLabels);
            if (why != null) {
                return "the Service selects " + w.kind().kindName() + " " + w.metadata().key() + ", which " + why;
            }
        }
        return null;
    }

    private static String meshEvidence(Workload w, Map<String, String> nsLabels) {
        if (w instanceof Pod) {
            for (Container c : w.containers()) {
                if ("istio-proxy".equals(c.name())) {
                    return "runs an istio-proxy sidecar";
                }
            }
        }
        Map<String, String> labels = w.podLabels();
        if ("ambient".equals(labels.get(DATAPLANE))) {
            return "is in the ambient mesh (" + DATAPLANE + "=ambient)";
        }
        if ("false".equals(labels.get(INJECT)) || "none".equals(labels.get(DATAPLANE))) {
            return null;
        }
        if ("true".equals(labels.get(INJECT))) {
            return "asks for a sidecar (" + INJECT + "=true)";
        }
        String ns = w.metadata().namespace();
        String injection = nsLabels.get("istio-injection");
        if ("enabled".equals(injection)) {
            return "gets a sidecar (namespace " + ns + " has istio-injection=enabled)";
        }
        if (injection == null && nsLabels.containsKey("istio.io/rev")) {
            return "gets a sidecar (namespace " + ns + " has istio.io/rev=" + nsLabels.get("istio.io/rev") + ")";
        }
        if ("ambient".equals(nsLabels.get(DATAPLANE))) {
            return "is in the ambient mesh (namespace " + ns + " has " + DATAPLANE + "=ambient)";
        }
        return null;
    }

    private static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
