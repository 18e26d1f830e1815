package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.Resource;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.DestinationRule;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GW0512: an {@code exportTo} list of a VirtualService or DestinationRule that Istio's validation rejects
 * ({@code validateExportTo}, lint catalogue §2.2, §5 A.2; IST0106): a value that is neither {@code .}, {@code *} nor
 * a namespace name (DNS-1123 label; {@code ~} is for ServiceEntries only), a repeated entry ({@code .} and the own
 * namespace count as the same), or {@code *} together with other values. A well-formed namespace that does not exist is
 * GW0004's (Kiali's KIA0005).
 */
public final class ExportToRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0512", "export-to-invalid", Severity.ERROR,
            "exportTo of a VirtualService or DestinationRule has an invalid, repeated or conflicting value.",
            List.of("IST0106"), Set.of(Kind.VIRTUAL_SERVICE, Kind.DESTINATION_RULE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (VirtualService vs : ctx.snapshot().virtualServices()) {
            check(vs, vs.exportTo(), out);
        }
        for (DestinationRule dr : ctx.snapshot().destinationRules()) {
            check(dr, dr.exportTo(), out);
        }
    }

    private static void check(Resource r, List<String> exportTo, Reporter out) {
        String ns = r.metadata().namespace();
        String hint = "Istio's admission webhook rejects this " + r.kind().kindName() + "; ";
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < exportTo.size(); i++) {
            String e = exportTo.get(i);
            String key = e.equals(".") ? ns : e;
            String p = "/spec/exportTo/" + i;
            String earlier = seen.putIfAbsent(key, e);
            if (earlier != null) {
                out.report(r, p, earlier.equals(e) ? "duplicate entries in exportTo for entry " + e
                                : "duplicate entries in exportTo: . and current namespace " + ns,
                        hint + "list each namespace once.");
            } else if (!e.equals("*") && !e.equals(".") && !isNamespace(e)) {
                out.report(r, p, "invalid exportTo value \"" + e + "\": expected \".\", \"*\" or a namespace name"
                                + (e.equals("~") ? " (\"~\" is allowed on ServiceEntries only)" : ""),
                        hint + "use \".\" for this namespace, \"*\" for all, or namespace names.");
            }
        }
        if (exportTo.contains("*") && exportTo.size() > 1) {
            out.report(r, "/spec/exportTo", "cannot have both public (*) and non-public exportTo values for a "
                    + "resource", hint + "use \"*\" alone, or list the namespaces without it.");
        }
    }

    /** A Kubernetes namespace name: a lower-case DNS-1123 label. */
    private static boolean isNamespace(String s) {
        return IstioNames.isLabel(s) && s.equals(s.toLowerCase(java.util.Locale.ROOT));
    }
}
