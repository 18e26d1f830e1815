package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.VirtualService;
import io.gwctl.model.translate.Hosts;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * GW0704: several VirtualServices bound to the mesh (no {@code gateways}, or {@code mesh} listed) define the same host
 * for the same workloads (lint catalogue §2.2 ConflictingMeshGatewayHostsAnalyzer, §5 D.5; istioctl's IST0109,
 * Kiali's KIA1106). istiod merges VirtualServices only for gateways; for sidecars it uses one of them per host, so the
 * routes of the others are silently ignored.
 *
 * <p>As istioctl: hosts are compared as FQDNs (short names resolved in the VirtualService's namespace) within each
 * export scope ({@code *}, or each namespace of {@code exportTo}, {@code .} being its own); a VirtualService exported
 * to a namespace also conflicts with one exported everywhere whose host overlaps its host (equal, or a wildcard on
 * either side). Indexed by scope and host: exact hosts in a map, wildcards and exact hosts by dot-suffix, never all
 * pairs. Reported on each
 * VirtualService of a conflict once, at the host.
 */
public final class MeshHostConflictRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0704", "mesh-host-conflict", Severity.ERROR,
            "Several mesh VirtualServices define the same host: sidecars use only one of them.",
            List.of("IST0109", "KIA1106"), Set.of(Kind.VIRTUAL_SERVICE));

    /** One VirtualService's claim on a host: the index in {@code spec.hosts}. */
    private record Claim(VirtualService vs, int host) {
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        Map<String, List<Claim>> byKey = new LinkedHashMap<>();
        Map<String, List<Claim>> publicWildcards = new LinkedHashMap<>();
        // Public exact hosts by each of their dot-suffixes ("" for all): the ones a scoped wildcard matches.
        Map<String, List<Claim>> publicExact = new LinkedHashMap<>();
        for (VirtualService vs : ctx.snapshot().virtualServices()) {
            if (vs.hosts().isEmpty() || !(vs.gateways().isEmpty() || vs.gateways().contains(Hosts.MESH_GATEWAY))) {
                continue;
            }
            String ns = vs.metadata().namespace();
            for (int i = 0; i < vs.hosts().size(); i++) {
                String fqdn = Hosts.resolveShortnameToFqdn(vs.hosts().get(i), ns).toLowerCase(Locale.ROOT);
                for (String scope : scopes(vs)) {
                    add(byKey, scope + "/" + fqdn, new Claim(vs, i));
                    if (scope.equals("*") && Hosts.isWildcard(fqdn)) {
                        add(publicWildcards, fqdn, new Claim(vs, i));
                    } else if (scope.equals("*")) {
                        add(publicExact, "", new Claim(vs, i));
                        for (int dot = fqdn.indexOf('.'); dot >= 0; dot = fqdn.indexOf('.', dot + 1)) {
                            add(publicExact, fqdn.substring(dot), new Claim(vs, i));
                        }
                    }
                }
            }
        }
        Map<VirtualService, Boolean> reported = new IdentityHashMap<>();
        for (Map.Entry<String, List<Claim>> e : byKey.entrySet()) {
            String key = e.getKey();
            List<Claim> claims = new ArrayList<>(e.getValue());
            if (!key.startsWith("*/")) {
                String fqdn = key.substring(key.indexOf('/') + 1);
                claims.addAll(byKey.getOrDefault("*/" + fqdn, List.of()));
                for (String w : coveringWildcards(fqdn)) {
                    if (!w.equals(fqdn)) {
                        claims.addAll(publicWildcards.getOrDefault(w, List.of()));
                    }
                }
                if (Hosts.isWildcard(fqdn)) {
                    claims.addAll(publicExact.getOrDefault(fqdn.substring(1), List.of()));
                }
            }
            // Copies of one VirtualService (the same namespace/name twice in the input) are GW0003's, not a conflict.
            TreeSet<String> names = new TreeSet<>();
            claims.forEach(c -> names.add(c.vs().metadata().key()));
            if (names.size() < 2) {
                continue;
            }
            for (Claim c : claims) {
                if (reported.put(c.vs(), Boolean.TRUE) != null) {
                    continue;
                }
                StringJoiner others = new StringJoiner(", ");
                names.stream().filter(n -> !n.equals(c.vs().metadata().key())).forEach(others::add);
                out.report(c.vs(), "/spec/hosts/" + c.host(), "The VirtualServices " + String.join(",", names)
                                + " associated with mesh gateway define the same host " + key + " which can lead to "
                                + "undefined behavior: istiod does not merge VirtualServices for sidecars, so only one "
                                + "of them routes this host",
                        "Merge the routes of " + others + " into this VirtualService (or the other way round), or "
                                + "narrow exportTo so that no namespace sees both.");
            }
        }
    }

    /**
     * Adds the first claim of each VirtualService on {@code key}. The VirtualServices are read one after the other, so
     * an earlier claim of this one can only be the list's last: looking at it alone keeps the "" bucket, which holds
     * every public exact host, linear.
     */
    private static void add(Map<String, List<Claim>> map, String key, Claim c) {
        List<Claim> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.isEmpty() || list.get(list.size() - 1).vs() != c.vs()) {
            list.add(c);
        }
    }

    /** The export scopes of a VirtualService: {@code *} for none or {@code *}, else its namespaces. */
    private static List<String> scopes(VirtualService vs) {
        if (vs.exportTo().isEmpty() || vs.exportTo().contains("*")) {
            return List.of("*");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String e : vs.exportTo()) {
            if (!e.equals("~")) {
                out.add(e.equals(".") ? vs.metadata().namespace() : e);
            }
        }
        return new ArrayList<>(out);
    }

    /** {@code *} and every {@code *.suffix} that covers {@code host}. */
    static List<String> coveringWildcards(String host) {
        List<String> out = new ArrayList<>();
        out.add("*");
        int dot = host.indexOf('.');
        while (dot >= 0) {
            out.add("*" + host.substring(dot));
            dot = host.indexOf('.', dot + 1);
        }
        return out;
    }
}
