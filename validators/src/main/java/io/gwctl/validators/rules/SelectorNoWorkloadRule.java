package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.kube.Workload;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * GW0202: a Gateway whose selector matches no gateway workload, so no proxy serves it (lint-catalogue §5 B1,
 * istioctl's IST0101 "Referenced selector not found", Kiali's KIA0302). Pods and Deployment pod templates of every
 * namespace count, as istiod does without {@code PILOT_SCOPE_GATEWAY_TO_NAMESPACE}.
 *
 * <p>Without any Pod or Deployment in the input, gwctl assumes Istio's default ingress gateway (the run's notes say
 * so); a selector that does not match that gateway's labels either is reported as a Warning, since the real workload
 * may simply not be in the input.
 */
public final class SelectorNoWorkloadRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0202", "selector-no-workload", Severity.ERROR,
            "A Gateway's selector matches no gateway workload, so no proxy serves its servers.",
            List.of("IST0101", "KIA0302"), Set.of(Kind.GATEWAY, Kind.POD, Kind.DEPLOYMENT));
    /** Candidate workloads named in a hint; more are counted. */
    private static final int MAX_LISTED = 3;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        List<Workload> workloads = ctx.snapshot().workloads();
        Set<String> labelPairs = new HashSet<>();
        for (Workload w : workloads) {
            w.podLabels().forEach((k, v) -> labelPairs.add(k + "=" + v));
        }
        Workloads found = null; // the gateway workloads as every hint lists them, made for the first
        for (Gateway g : ctx.snapshot().gateways()) {
            Map<String, String> selector = g.selector();
            if (selector == null || selector.isEmpty() || !ctx.workloadsFor(g).isEmpty()) {
                continue;
            }
            String pointer = "/spec/selector/" + Labels.pointerSegment(firstUnmatchedKey(selector, labelPairs));
            String sel = Labels.format(selector);
            if (workloads.isEmpty()) {
                GatewayProxy assumed = ctx.gatewayWorkloads().get(0);
                out.report(g, pointer, Severity.WARNING, "selector " + sel + " matches no workload: the input has no "
                        + "Pods or Deployments, and Istio's default ingress gateway " + assumed.namespace() + "/"
                        + assumed.name() + " (" + Labels.format(assumed.labels()) + ") that gwctl assumes does not "
                        + "match it either", hint(selector, new Workloads(List.of()), labelPairs));
            } else {
                if (found == null) {
                    found = new Workloads(ctx.defaultIngressAssumed() ? List.of() : ctx.gatewayWorkloads());
                }
                out.report(g, pointer, "selector " + sel + " matches no Pod or Deployment in the input, so no "
                        + "gateway proxy serves this Gateway", hint(selector, found, labelPairs));
            }
        }
    }

    /** The selector key (in key order) no workload has with that value; else the first key. */
    private static String firstUnmatchedKey(Map<String, String> selector, Set<String> labelPairs) {
        TreeMap<String, String> sorted = new TreeMap<>(selector);
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (!labelPairs.contains(e.getKey() + "=" + e.getValue())) {
                return e.getKey();
            }
        }
        return sorted.firstKey();
    }

    /**
     * The gateway workloads found (none when the default ingress was assumed), as the hints name them: the first
     * {@link #MAX_LISTED} in a fixed order, and the {@code istio} label values among them. Made once per run, not
     * per Gateway: sorting every workload for each finding was quadratic (5,000 workloads, 20,000 findings).
     */
    private static final class Workloads {
        private final Set<String> istioValues = new HashSet<>();
        private final String listed;

        Workloads(List<GatewayProxy> real) {
            for (GatewayProxy p : real) {
                String v = p.labels().get("istio");
                if (v != null) {
                    istioValues.add(v);
                }
            }
            if (real.isEmpty()) {
                listed = null;
                return;
            }
            // Pods first, as the workloads are found, then by namespace and name: not in input order, so the hint
            // (and which workloads make the first MAX_LISTED) is the same whatever the order of the files.
            List<GatewayProxy> sorted = real.stream().sorted(Comparator.comparing((GatewayProxy p) -> !p.kind()
                            .equals("Pod")).thenComparing(GatewayProxy::namespace).thenComparing(GatewayProxy::name)
                    .thenComparing(GatewayProxy::kind)).toList();
            List<String> names = new ArrayList<>();
            for (GatewayProxy p : sorted.subList(0, Math.min(MAX_LISTED, sorted.size()))) {
                names.add(p.describe() + " (" + Labels.format(p.labels()) + ")");
            }
            listed = String.join(", ", names) + (sorted.size() > MAX_LISTED ? " and " + (sorted.size() - MAX_LISTED)
                    + " more" : "");
        }
    }

    private static String hint(Map<String, String> selector, Workloads found, Set<String> labelPairs) {
        StringBuilder h = new StringBuilder();
        String istio = selector.get("istio");
        // istio#29680: the legacy istio-ingressgateway is labelled istio: ingressgateway, the Helm gateway chart's
        // pods istio: ingress.
        String other = "ingressgateway".equals(istio) ? "ingress" : "ingress".equals(istio) ? "ingressgateway" : null;
        if (other != null && !labelPairs.contains("istio=" + istio)) {
            boolean seen = found.istioValues.contains(other);
            h.append(seen ? "A gateway workload in the input is labelled istio: " + other + ", not istio: " + istio
                    + ": the legacy istio-ingressgateway uses istio: ingressgateway, Helm's gateway chart "
                    + "istio: ingress. " : "Mind the common mix-up: the legacy istio-ingressgateway is labelled "
                    + "istio: ingressgateway, Helm's gateway chart istio: ingress. ");
        }
        if (found.listed != null) {
            h.append("Gateway workloads in the input: ").append(found.listed);
            h.append(". Make the selector a subset of the labels of the workload that should serve this Gateway.");
        } else {
            h.append("Add the gateway Deployment or Pod to the input so gwctl can check the selector, or make the "
                    + "selector match the labels of the gateway workload that should serve this Gateway.");
        }
        return h.toString();
    }
}
