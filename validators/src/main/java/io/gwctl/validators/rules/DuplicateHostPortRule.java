package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.Resource;
import io.gwctl.model.Snapshot;
import io.gwctl.model.finding.Finding;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.translate.BoundServer;
import io.gwctl.model.translate.DroppedServer;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.GatewayTranslator;
import io.gwctl.model.translate.MergedGateway;
import io.gwctl.model.translate.ServiceTarget;
import io.gwctl.model.translate.VirtualServiceIndex;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GW0301: Gateways that apply to the same gateway workload and serve the same host on the same resolved port and
 * bind (lint-catalogue §2.4, §3.3, §5 B5–B6; istioctl's IST0145, Kiali's KIA0301), reported by what istiod does:
 *
 * <ul>
 *   <li><b>Error</b>: istiod drops the later server — a TLS host already registered on the port, or a plaintext
 *   protocol it cannot merge (TCP vs HTTP). Taken from the translator's merge ({@code MergedGateway.dropped}, spec
 *   §5.5), so the order (creation time, then name, then namespace) and port resolution are istiod's.</li>
 *   <li><b>Warning</b>: two HTTP servers of different Gateways with the same host merge into one virtual host: the
 *   VirtualServices bound to either share it, the earlier ones shadowing the later.</li>
 *   <li><b>Info</b>: a wildcard ({@code *}, {@code *.a.com}) of one Gateway also matches hosts of another; the more
 *   specific host wins, so this is often intended (kiali#5711, istio#52413).</li>
 * </ul>
 *
 * The rule walks the gateway workloads and merges; {@link HostOverlapIndex} finds the overlaps (indexed, never all
 * pairs) and {@link HostPortFindings} words them. Findings go on both Gateways, at the host (or the port when no host
 * is shared).
 *
 * <p>Gateways whose selector matches no gateway workload of the input (the gateway comes from a Helm release or an
 * install not in the repository) are grouped by identical selector, as Kiali groups them for KIA0301, and each group
 * is merged as istiod would merge it for a workload with exactly those labels (ports unresolved, no Service); those
 * findings say so.
 */
public final class DuplicateHostPortRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0301", "duplicate-host-port", Severity.ERROR,
            "Gateways on the same gateway workload serve the same host on the same port: istiod drops or merges "
                    + "servers.", List.of("KIA0301", "IST0145"), Set.of(Kind.GATEWAY));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        if (ctx.snapshot().gateways().isEmpty()) {
            return;
        }
        Map<String, VirtualServiceIndex> vsIndexes = new HashMap<>();
        Set<List<Object>> seen = new HashSet<>();
        for (GatewayProxy p : ctx.gatewayWorkloads()) {
            // Replicas (a Deployment and its Pods) merge identically: look at each distinct proxy once.
            if (!seen.add(List.of(p.labels(), p.namespace(), targetsKey(p.serviceTargets())))) {
                continue;
            }
            report(ctx.merged(p), new HostPortFindings(out, () -> vsIndexes.computeIfAbsent(p.namespace(),
                    ns -> VirtualServiceIndex.build(ctx.snapshot(), ns))));
        }
        checkUnservedGroups(ctx, out, vsIndexes);
    }

    /**
     * The Service targets of a proxy as a key: each Service by identity (a Service's generated hashCode walks the whole
     * resource; replicas share the same Service objects, and two resources of the input are never equal, their origins
     * differ) and its port too (an object of that Service), the target port by value (a named target port resolves
     * through the workload's own ports).
     */
    private static List<Object> targetsKey(List<ServiceTarget> targets) {
        List<Object> key = new ArrayList<>(targets.size() * 3);
        for (ServiceTarget t : targets) {
            key.add(new Same(t.service()));
            key.add(new Same(t.port()));
            key.add(t.targetPort());
        }
        return key;
    }

    /** An object compared by identity. */
    private record Same(Object object) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Same s && s.object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }

    /** One merge's findings: the servers istiod drops, then the overlaps among those it keeps, in merge order. */
    private static void report(MergedGateway merged, HostPortFindings findings) {
        for (DroppedServer d : merged.dropped()) {
            findings.dropped(d);
        }
        HostOverlapIndex overlaps = new HostOverlapIndex(findings);
        for (BoundServer b : merged.accepted()) {
            overlaps.add(b);
        }
        overlaps.finish();
    }

    /** Gateways whose selector matches no known workload, compared within each group of identical selectors. */
    private static void checkUnservedGroups(RuleContext ctx, Reporter out, Map<String, VirtualServiceIndex> vsIndexes) {
        Map<Map<String, String>, List<Gateway>> groups = new LinkedHashMap<>();
        for (Gateway g : ctx.snapshot().gateways()) {
            Map<String, String> sel = g.selector();
            if (sel != null && !sel.isEmpty() && ctx.workloadsFor(g).isEmpty()) {
                groups.computeIfAbsent(sel, k -> new ArrayList<>()).add(g);
            }
        }
        Snapshot s = ctx.snapshot();
        for (Map.Entry<Map<String, String>, List<Gateway>> e : groups.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            Snapshot group = new Snapshot(e.getValue(), s.virtualServices(), s.destinationRules(), s.services(),
                    s.pods(), s.deployments(), s.secrets(), s.namespaces(), s.coverage());
            String ns = e.getValue().get(0).metadata().namespace();
            String sel = Labels.format(e.getKey());
            GatewayProxy assumed = new GatewayProxy("selector", sel, ns, e.getKey(), false, List.of(), List.of(),
                    false);
            Reporter r = new NotingReporter(out, "; no workload in the input matches selector {" + sel + "}; "
                    + "Gateways with this selector were compared with each other");
            report(GatewayTranslator.merge(group, assumed), new HostPortFindings(r,
                    () -> vsIndexes.computeIfAbsent(ns, n -> VirtualServiceIndex.build(s, n))));
        }
    }

    /** Adds a sentence to every message: how the Gateways were grouped. */
    private record NotingReporter(Reporter out, String note) implements Reporter {
        @Override
        public void report(Finding f) {
            out.report(new Finding(f.code(), f.severity(), f.aliases(), f.resource(), f.location(),
                    f.message() + note, f.hint()));
        }

        @Override
        public void report(Resource r, String pointer, String message, String hint) {
            out.report(r, pointer, message + note, hint);
        }

        @Override
        public void report(Resource r, String pointer, Severity severity, String message, String hint) {
            out.report(r, pointer, severity, message + note, hint);
        }
    }
}
