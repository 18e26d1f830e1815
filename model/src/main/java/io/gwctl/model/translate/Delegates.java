package io.gwctl.model.translate;

import io.gwctl.model.istio.HttpMatch;
import io.gwctl.model.istio.HttpRoute;
import io.gwctl.model.istio.StringMatch;
import io.gwctl.model.istio.VirtualService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * istiod's {@code mergeVirtualServicesIfNeeded} (spec §6.1): a root VirtualService's {@code http[].delegate} entry is
 * replaced by the delegate's http rules, each with its matches narrowed by the root's (rules whose matches conflict
 * with the root are dropped). The merged routes belong to the root, so they carry the root's metadata. Delegates
 * (VirtualServices without hosts) are never bound themselves; a missing or invisible delegate drops its entry.
 */
final class Delegates {
    private Delegates() {
    }

    /**
     * The VirtualServices with delegates merged into their roots; delegates themselves are left out. {@code derived}
     * hears of each merged rule with the delegate rule it came from.
     */
    static List<VirtualService> merge(List<VirtualService> all, BiConsumer<HttpRoute, HttpRoute> derived) {
        Map<String, VirtualService> delegates = new HashMap<>();
        for (VirtualService vs : all) {
            if (vs.hosts().isEmpty()) {
                delegates.put(vs.metadata().name() + "/" + vs.metadata().namespace(), vs);
            }
        }
        List<VirtualService> out = new ArrayList<>(all.size());
        for (VirtualService vs : all) {
            if (vs.hosts().isEmpty()) {
                continue;
            }
            if (vs.http().stream().noneMatch(h -> h.delegateName() != null)) {
                out.add(vs);
                continue;
            }
            List<HttpRoute> merged = new ArrayList<>();
            for (HttpRoute route : vs.http()) {
                if (route.delegateName() == null) {
                    merged.add(route);
                    continue;
                }
                String ns = route.delegateNamespace() == null || route.delegateNamespace().isEmpty()
                        ? vs.metadata().namespace() : route.delegateNamespace();
                VirtualService delegate = delegates.get(route.delegateName() + "/" + ns);
                if (delegate == null || !exportedTo(delegate, vs.metadata().namespace())) {
                    continue;
                }
                for (HttpRoute sub : delegate.http()) {
                    HttpRoute m = mergeRoute(route, sub);
                    if (m != null) {
                        derived.accept(m, sub);
                        merged.add(m);
                    }
                }
            }
            out.add(new VirtualService(vs.metadata(), vs.origin(), vs.source(), vs.hosts(), vs.gateways(), merged,
                    vs.tcp(), vs.tls(), vs.exportTo()));
        }
        return out;
    }

    /** A delegate is usable when public (no exportTo, or {@code *}) or exported to the root's namespace. */
    private static boolean exportedTo(VirtualService delegate, String rootNamespace) {
        if (delegate.exportTo().isEmpty()) {
            return true;
        }
        for (String e : delegate.exportTo()) {
            String target = e.equals(".") ? delegate.metadata().namespace() : e;
            if (target.equals("*") || target.equals(rootNamespace)) {
                return true;
            }
        }
        return false;
    }

    /** {@code mergeHTTPRoute}: the delegate rule with merged matches and the root's name and mirror as defaults. */
    private static HttpRoute mergeRoute(HttpRoute root, HttpRoute sub) {
        List<HttpMatch> matches = mergeMatches(root.match(), sub.match());
        if (matches == null) {
            return null;
        }
        String name = joinNames(root.name(), sub.name());
        return new HttpRoute(name, matches, sub.route(), sub.hasRedirect(), sub.hasDirectResponse(),
                sub.mirror() != null ? sub.mirror() : root.mirror(), sub.delegateName(), sub.delegateNamespace(),
                sub.redirect(), sub.rewrite(), sub.hasFault(), sub.corsAllowOrigins(), sub.directResponseStatus());
    }

    /** {@code mergeHTTPMatchRequests}: each delegate match against each compatible root match; null on conflict. */
    private static List<HttpMatch> mergeMatches(List<HttpMatch> root, List<HttpMatch> sub) {
        if (root.isEmpty()) {
            return sub;
        }
        if (sub.isEmpty()) {
            return root;
        }
        List<HttpMatch> out = new ArrayList<>();
        for (HttpMatch leaf : sub) {
            boolean found = false;
            for (HttpMatch r : root) {
                if (!conflicts(r, leaf)) {
                    out.add(mergeMatch(r, leaf));
                    found = true;
                }
            }
            if (!found) {
                return null;
            }
        }
        return out.isEmpty() ? null : out;
    }

    /** {@code mergeHTTPMatchRequest}: the delegate's conditions, completed by the root's. */
    private static HttpMatch mergeMatch(HttpMatch root, HttpMatch leaf) {
        return new HttpMatch(joinNames(root.name(), leaf.name()), or(leaf.uri(), root.uri()),
                or(leaf.method(), root.method()), or(leaf.authority(), root.authority()),
                or(leaf.scheme(), root.scheme()), union(root.headers(), leaf.headers()),
                union(root.withoutHeaders(), leaf.withoutHeaders()), union(root.queryParams(), leaf.queryParams()),
                leaf.port() != 0 ? leaf.port() : root.port(),
                leaf.gateways().isEmpty() ? root.gateways() : leaf.gateways(),
                union(root.sourceLabels(), leaf.sourceLabels()),
                leaf.sourceNamespace() == null || leaf.sourceNamespace().isEmpty() ? root.sourceNamespace()
                        : leaf.sourceNamespace(),
                leaf.ignoreUriCase());
    }

    /** {@code hasConflict}: the delegate match is not within the root match. */
    private static boolean conflicts(HttpMatch root, HttpMatch leaf) {
        if (stringConflict(root.uri(), leaf.uri()) || stringConflict(root.scheme(), leaf.scheme())
                || stringConflict(root.method(), leaf.method())
                || stringConflict(root.authority(), leaf.authority())) {
            return true;
        }
        if (mapConflict(root.headers(), leaf.headers()) || mapConflict(root.withoutHeaders(), leaf.withoutHeaders())
                || mapConflict(root.queryParams(), leaf.queryParams())) {
            return true;
        }
        if (root.ignoreUriCase() != leaf.ignoreUriCase()) {
            return true;
        }
        if (root.port() > 0 && leaf.port() > 0 && root.port() != leaf.port()) {
            return true;
        }
        String rootNs = root.sourceNamespace() == null ? "" : root.sourceNamespace();
        if (!rootNs.isEmpty() && !rootNs.equals(leaf.sourceNamespace())) {
            return true;
        }
        for (Map.Entry<String, String> e : leaf.sourceLabels().entrySet()) {
            String v = root.sourceLabels().get(e.getKey());
            if (v != null && !v.equals(e.getValue())) {
                return true;
            }
        }
        if (!root.gateways().isEmpty() && !leaf.gateways().isEmpty()) {
            Set<String> rootGateways = new HashSet<>(root.gateways());
            return root.gateways().size() < leaf.gateways().size() || !rootGateways.containsAll(leaf.gateways());
        }
        return false;
    }

    private static boolean mapConflict(Map<String, StringMatch> root, Map<String, StringMatch> leaf) {
        for (Map.Entry<String, StringMatch> e : leaf.entrySet()) {
            if (stringConflict(root.get(e.getKey()), e.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** {@code stringMatchConflict}: a delegate exact/prefix must lie under the root's; regexes only meet nothing. */
    private static boolean stringConflict(StringMatch root, StringMatch leaf) {
        if (root == null || leaf == null) {
            return false;
        }
        if (!value(root, StringMatch.Type.REGEX).isEmpty() || !value(leaf, StringMatch.Type.REGEX).isEmpty()) {
            return true; // a regex on one side conflicts with any exact, prefix or regex on the other
        }
        String exact = value(root, StringMatch.Type.EXACT);
        if (!exact.isEmpty()) {
            return !value(leaf, StringMatch.Type.PREFIX).isEmpty() || !value(leaf, StringMatch.Type.EXACT).equals(exact);
        }
        String prefix = value(root, StringMatch.Type.PREFIX);
        if (!prefix.isEmpty()) {
            String leafPrefix = value(leaf, StringMatch.Type.PREFIX);
            if (!leafPrefix.isEmpty()) {
                return !leafPrefix.startsWith(prefix);
            }
            String leafExact = value(leaf, StringMatch.Type.EXACT);
            if (!leafExact.isEmpty()) {
                return !leafExact.startsWith(prefix);
            }
        }
        return true;
    }

    private static String value(StringMatch m, StringMatch.Type type) {
        return m.type() == type && m.value() != null ? m.value() : "";
    }

    private static String joinNames(String root, String leaf) {
        if (leaf == null || leaf.isEmpty()) {
            return root;
        }
        return root == null || root.isEmpty() ? leaf : root + "-" + leaf;
    }

    private static <T> T or(T first, T fallback) {
        return first != null ? first : fallback;
    }

    private static <V> Map<String, V> union(Map<String, V> root, Map<String, V> leaf) {
        Map<String, V> out = new LinkedHashMap<>(root);
        out.putAll(leaf);
        return out;
    }
}
