package io.gwctl.validators.rules;

import io.gwctl.model.kube.Container;
import io.gwctl.model.kube.Namespace;
import io.gwctl.model.kube.Pod;
import io.gwctl.model.kube.Service;
import io.gwctl.model.kube.Workload;
import io.gwctl.validators.RuleContext;
import io.gwctl.model.translate.GatewayProxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether a Service's pods are in the mesh, from what files show: Kiali sees the sidecars of running pods; gwctl takes
 * a workload the Service selects in its namespace as in the mesh when a Pod runs an {@code istio-proxy} container,
 * when the pod labels ask for injection ({@code sidecar.istio.io/inject: "true"}) or ambient
 * ({@code istio.io/dataplane-mode: ambient}), or when its Namespace in the input is labelled for injection
 * ({@code istio-injection: enabled}, {@code istio.io/rev}) or ambient and the pod does not opt out. Used by the rules
 * that, like Kiali's, check only Services in the mesh (GW0203, GW0206).
 */
final class MeshEvidence {
    private static final String INJECT = "sidecar.istio.io/inject";
    private static final String DATAPLANE = "istio.io/dataplane-mode";

    private final RuleContext ctx;
    private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();

    MeshEvidence(RuleContext ctx) {
        this.ctx = ctx;
        for (Namespace n : ctx.snapshot().namespaces()) {
            namespaceLabels.put(n.metadata().name(), n.metadata().labels());
        }
    }

    /**
     * Why a workload the Service selects is in the mesh ({@code the Service selects Deployment shop/cart, which asks
     * for a sidecar (...)}), or null without evidence, for a Service without selector, labelled {@code kiali_wizard},
     * or selecting a gateway workload (a proxy itself).
     */
    String of(Service svc) {
        if (svc.metadata().labels().containsKey("kiali_wizard") || svc.selector() == null || svc.selector().isEmpty()
                || selectsGateway(svc, ctx)) {
            return null;
        }
        Map<String, String> nsLabels = namespaceLabels.getOrDefault(svc.metadata().namespace(), Map.of());
        for (Workload w : ctx.registry().workloadsMatching(svc.metadata().namespace(), svc.selector())) {
            String why = of(w, nsLabels);
            if (why != null) {
                return "the Service selects " + w.kind().kindName() + " " + w.metadata().key() + ", which " + why;
            }
        }
        return null;
    }

    /** True when the Service selects a gateway workload (of its own namespace, as a selector can only). */
    static boolean selectsGateway(Service svc, RuleContext ctx) {
        for (GatewayProxy g : ctx.gatewayWorkloadsIn(svc.metadata().namespace())) {
            if (includes(g.labels(), svc.selector())) {
                return true;
            }
        }
        return false;
    }

    private static String of(Workload w, Map<String, String> nsLabels) {
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

    static boolean includes(Map<String, String> labels, Map<String, String> selector) {
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
