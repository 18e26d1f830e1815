package io.gwctl.validators.rules;

import io.gwctl.model.Resource;
import io.gwctl.model.ResourceRef;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GW0003: the same object (kind, namespace, name) is defined more than once in the input, typically when a base and
 * an overlay directory are both given with {@code -f}. Applied to a cluster, the last definition replaces the
 * earlier ones; gwctl reads files, not a cluster, so it keeps every copy and its tables and findings would count the
 * object twice. Reported on each later copy, naming the first.
 */
public final class DuplicateResourceRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("GW0003", "duplicate-resource", Severity.WARNING,
            "The same object (kind, namespace, name) is defined more than once in the input.", List.of(), Set.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        Map<ResourceRef, Resource> first = new HashMap<>();
        for (Resource r : ctx.snapshot().all()) {
            Resource earlier = first.putIfAbsent(r.ref(), r);
            if (earlier == null) {
                continue;
            }
            String where = earlier.origin().fileAndLine(earlier.line("/metadata/name"));
            out.report(r, "/metadata/name", r.ref().friendlyName() + " is defined more than once: first at "
                    + (where.isEmpty() ? "an earlier input" : where) + "; applying both keeps only the last, "
                    + "while gwctl checks and translates every copy",
                    "Keep one definition: if one input overlays another, give gwctl the rendered result "
                            + "(e.g. kustomize build overlay/ | gwctl validate -f -) instead of both directories.");
        }
    }
}
