package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.install.GatewayComponent;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.kube.Deployment;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * GW0204: a Gateway's selector matches several gateway workloads, so each of them serves its servers (spec §5.1:
 * every proxy whose labels include the selector merges the Gateway). Often intended (one Gateway shared by two
 * gateways), so Info; a Warning when one of them is an IstioOperator gateway added without a {@code label} of its
 * own: it inherits the default gateway's {@code istio: ingressgateway}, so every Gateway meant for the default
 * ingress is served by both, the classic mistake when adding a second ingress gateway. A Deployment and its Pods are
 * one workload. Neither istioctl nor Kiali reports this.
 */
public final class SelectorMultipleWorkloadsRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0204", "selector-multiple-workloads", Severity.INFO,
            "A Gateway's selector matches several gateway workloads, and each of them serves its servers.",
            List.of(), Set.of(Kind.GATEWAY, Kind.POD, Kind.DEPLOYMENT));
    /** Workloads named in a message; more are counted. */
    private static final int MAX_LISTED = 4;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        Map<String, GatewayComponent> installed = new HashMap<>();
        for (Deployment d : ctx.snapshot().deployments()) {
            if (d.installed() != null) {
                installed.put(d.metadata().key(), d.installed());
            }
        }
        for (Gateway g : ctx.snapshot().gateways()) {
            Map<String, String> selector = g.selector();
            if (selector == null || selector.isEmpty()) {
                continue; // no selector: every gateway workload, by design
            }
            List<GatewayProxy> ws = distinct(ctx.workloadsFor(g));
            if (ws.size() < 2) {
                continue;
            }
            List<String> names = new ArrayList<>();
            GatewayComponent inheriting = null;
            for (GatewayProxy p : ws) {
                GatewayComponent c = installed.get(p.namespace() + "/" + p.name());
                if (c != null && !c.ownLabels() && inheriting == null) {
                    inheriting = c;
                }
                if (names.size() < MAX_LISTED) {
                    names.add(p.describe());
                }
            }
            String listed = String.join(", ", names) + (ws.size() > MAX_LISTED ? " and " + (ws.size() - MAX_LISTED)
                    + " more" : "");
            String pointer = "/spec/selector/" + Labels.pointerSegment(new TreeMap<>(selector).firstKey());
            String message = "selector " + Labels.format(selector) + " matches " + ws.size()
                    + " gateway workloads (" + listed + "): each of them serves this Gateway's servers";
            if (inheriting != null) {
                out.report(g, pointer, Severity.WARNING, message + "; " + inheriting.workloadKind() + " "
                        + inheriting.namespace() + "/" + inheriting.name() + " of " + inheriting.describeSource()
                        + " sets no label of its own and so has the default gateway's labels ("
                        + Labels.format(inheriting.labels()) + ")", "Give the added gateway a label of its own in "
                        + "the IstioOperator (label: {istio: " + inheriting.name() + "}) and select it by that label"
                        + " in the Gateways meant for it; Gateways meant for the default ingress then stay on it.");
            } else {
                out.report(g, pointer, message, "Nothing to do if every one of them should serve this Gateway; "
                        + "otherwise add a label that only the intended gateway workload has to the selector.");
            }
        }
    }

    /** Pods of their own with the same namespace and labels are replicas of one workload (a listing of Pods). */
    private static List<GatewayProxy> distinct(List<GatewayProxy> ws) {
        List<GatewayProxy> out = new ArrayList<>();
        java.util.Set<List<Object>> pods = new java.util.HashSet<>();
        for (GatewayProxy p : ws) {
            if (!"Pod".equals(p.kind()) || pods.add(List.of(p.namespace(), p.labels()))) {
                out.add(p);
            }
        }
        return out;
    }
}
