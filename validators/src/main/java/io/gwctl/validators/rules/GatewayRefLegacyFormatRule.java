package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * GW0402: a gateway reference written in the legacy dotted form ({@code name.ns} or
 * {@code name.ns.svc.cluster.local}). istiod still resolves it (translation spec §6.1) and Istio's validation
 * only warns, but {@code istioctl analyze} does not parse it and reports a false IST0101; Kiali reports KIA1108
 * (lint catalogue §2.2, §3.1, §5 A.2). Reported wherever the reference is written, whether or not the Gateway
 * exists (a missing one is GW0401 as well).
 */
public final class GatewayRefLegacyFormatRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0402", "gateway-ref-legacy-format", Severity.WARNING,
            "A VirtualService names a gateway in the legacy name.namespace form instead of namespace/name.",
            List.of("KIA1108", "IST0133"), Set.of(Kind.VIRTUAL_SERVICE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (VirtualService vs : ctx.snapshot().virtualServices()) {
            for (GatewayRef ref : GatewayRef.all(vs)) {
                if (ref.form() != GatewayRef.Form.LEGACY) {
                    continue;
                }
                // Istio's wording (pkg/config/validation validateGatewayNames), with the recommended form.
                String message = "using legacy gatewayName format \"" + ref.raw()
                        + "\"; prefer the <namespace>/<name> format: \"" + ref.resolved() + "\"";
                String hint = "write \"" + ref.resolved() + "\"; istioctl analyze does not understand the dotted "
                        + "form and reports it as IST0101 \"Referenced gateway not found\"";
                out.report(vs, ref.pointer(), message, hint);
            }
        }
    }
}
