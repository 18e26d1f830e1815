package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.Resource;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.DestinationRule;
import io.gwctl.model.istio.ServiceEntry;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.kube.Namespace;
import io.gwctl.model.kube.Service;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * GW0004: a namespace named in an {@code exportTo} (of a VirtualService, DestinationRule or ServiceEntry, or a Service's
 * {@code networking.istio.io/exportTo} annotation) exists (Kiali KIA0005). istiod accepts any namespace name there and
 * silently exports to nobody when it does not exist, so a typo hides the resource from the namespace meant.
 *
 * <p>The namespaces that exist are the input's Namespace objects and the namespaces its resources are in; a cluster
 * read lists them all. Files without a Namespace object say nothing about which namespaces exist, so the check is
 * then skipped (said once, as GW0002) rather than guessed.
 */
public final class ExportToNamespaceRule implements Rule {
    static final String ANNOTATION = "networking.istio.io/exportTo";
    private static final RuleInfo INFO = new RuleInfo("GW0004", "export-to-namespace-not-found", Severity.ERROR,
            "An exportTo names a namespace that does not exist.", List.of("KIA0005"),
            Set.of(Kind.NAMESPACE));

    /** One exportTo value and where it is written. */
    private record Export(Resource resource, String pointer, String namespace) {
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean hasWork(RuleContext ctx) {
        return !exports(ctx).isEmpty();
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        Set<String> known = new TreeSet<>();
        for (Namespace n : ctx.snapshot().namespaces()) {
            known.add(n.metadata().name());
        }
        Set<String> declared = Set.copyOf(known);
        for (Resource r : ctx.snapshot().all()) {
            if (r.metadata().namespace() != null) {
                known.add(r.metadata().namespace());
            }
        }
        for (Export e : exports(ctx)) {
            if (known.contains(e.namespace())) {
                continue;
            }
            out.report(e.resource(), e.pointer(), "exportTo namespace \"" + e.namespace() + "\" not found: no"
                            + " Namespace " + e.namespace() + " in the input and no resource in it",
                    closest(e.namespace(), declared).map(c -> "did you mean \"" + c + "\"? ").orElse("")
                            + "exportTo takes \".\" (this namespace), \"*\" (all) or names of existing namespaces;"
                            + " istiod exports to nobody under a name that does not exist");
        }
    }

    /** Every exportTo value naming a namespace (not {@code .}, {@code *} or {@code ~}), in input order. */
    private static List<Export> exports(RuleContext ctx) {
        List<Export> out = new ArrayList<>();
        for (VirtualService vs : ctx.snapshot().virtualServices()) {
            add(out, vs, "/spec/exportTo", vs.exportTo());
        }
        for (DestinationRule dr : ctx.snapshot().destinationRules()) {
            add(out, dr, "/spec/exportTo", dr.exportTo());
        }
        for (ServiceEntry se : ctx.snapshot().serviceEntries()) {
            add(out, se, "/spec/exportTo", se.exportTo());
        }
        for (Service s : ctx.snapshot().services()) {
            String v = s.metadata().annotations().get(ANNOTATION);
            if (v == null) {
                continue;
            }
            for (String part : v.split(",")) {
                String ns = part.trim();
                if (isNamespace(ns)) {
                    out.add(new Export(s, "/metadata/annotations/networking.istio.io~1exportTo", ns));
                }
            }
        }
        return out;
    }

    private static void add(List<Export> out, Resource r, String base, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i) == null ? "" : values.get(i).trim();
            if (isNamespace(v)) {
                out.add(new Export(r, base + "/" + i, v));
            }
        }
    }

    private static boolean isNamespace(String v) {
        return !v.isEmpty() && !v.equals(".") && !v.equals("*") && !v.equals("~");
    }

    /** A declared namespace one edit away (a typo: a letter added, dropped, changed or two swapped), if one is. */
    private static java.util.Optional<String> closest(String name, Set<String> declared) {
        List<String> near = declared.stream().filter(d -> oneEditApart(d, name)).toList();
        return near.size() == 1 ? java.util.Optional.of(near.get(0)) : java.util.Optional.empty();
    }

    static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1 || a.equals(b)) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            boolean swapped = i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
            return swapped || a.substring(i + 1).equals(b.substring(i + 1));
        }
        return a.length() > b.length() ? a.substring(i + 1).equals(b.substring(i))
                : a.substring(i).equals(b.substring(i + 1));
    }
}
