package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Server;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * GW0506: a Gateway needs at least one server, each server at least one host, and each host the form
 * {@code [namespace/]dnsName} as Istio's webhook checks it (Istio's {@code validateServer} and
 * {@code ValidateNamespaceSlashWildcardHostname}, lint catalogue §2.2): the namespace is {@code .}, {@code *} or a DNS
 * label; the name is {@code *}, an IP address, or a fully qualified DNS name (a short name such as {@code foo} is
 * rejected) whose only wildcard is a whole first label ({@code *bar.com} is a partial wildcard). Messages follow
 * Istio's wording and name the host.
 */
public final class ServerWithoutHostsRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0506", "server-without-hosts", Severity.ERROR,
            "A Gateway has no servers, a server has no hosts, or a host is not [namespace/]dnsName.",
            List.of("IST0106"), Set.of(Kind.GATEWAY));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (Gateway g : ctx.snapshot().gateways()) {
            if (g.servers().isEmpty()) {
                out.report(g, "/spec", "gateway must have at least one server",
                        "add a server (port, hosts); a Gateway without servers opens no listener");
            }
            for (Server s : g.servers()) {
                if (s.hosts().isEmpty()) {
                    out.report(g, s.pointer(), "server config must contain at least one host (server " + s.index()
                            + ", " + ServerRule.describePort(s) + ")", "add hosts: [\"example.com\"] (or \"*\")");
                }
                for (int j = 0; j < s.hosts().size(); j++) {
                    String error = hostError(s.hosts().get(j));
                    if (error != null) {
                        out.report(g, s.pointer() + "/hosts/" + j, error,
                                "write the host as a fully qualified name (shop.example.com), *.domain or *, "
                                        + "optionally prefixed by ./ or namespace/");
                    }
                }
            }
        }
    }

    /**
     * Istio's errors for a Gateway server host joined by {@code "; "}, each naming the host, or null when the webhook
     * accepts it (see {@link IstioNames#gatewayHostErrors}).
     */
    static String hostError(String host) {
        List<String> errs = IstioNames.gatewayHostErrors(host);
        if (errs.isEmpty()) {
            return null;
        }
        List<String> named = new java.util.ArrayList<>();
        for (String e : errs) {
            named.add(e.contains("\"" + host + "\"") ? e : e + ": \"" + host + "\"");
        }
        return String.join("; ", named);
    }
}
