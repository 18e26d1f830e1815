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
import java.util.regex.Pattern;

/**
 * GW0506: a Gateway needs at least one server, each server at least one host, and each host the form
 * {@code [namespace/]dnsName} where the namespace is {@code .}, {@code *} or a DNS label and the name a DNS name
 * whose first label may be a wildcard (Istio's {@code validateGateway}/{@code validateNamespaceSlashWildcardHostname},
 * lint catalogue §2.2). Messages follow Istio's wording.
 */
public final class ServerWithoutHostsRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0506", "server-without-hosts", Severity.ERROR,
            "A Gateway has no servers, a server has no hosts, or a host is not [namespace/]dnsName",
            List.of("IST0106"), Set.of(Kind.GATEWAY));
    private static final String LABEL = "[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?";
    private static final Pattern DNS_LABEL = Pattern.compile(LABEL);
    private static final Pattern WILDCARD_LABEL = Pattern.compile("\\*|(?:\\*|\\*-)?" + LABEL);
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9](?:[-a-z0-9]*[a-z0-9])?");

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
                                "write the host as dnsName, *.domain, ./dnsName or namespace/dnsName");
                    }
                }
            }
        }
    }

    /** Istio's error for a Gateway server host, or null when it is valid. */
    static String hostError(String host) {
        int slash = host.indexOf('/');
        if (slash < 0) {
            return wildcardDomainError(host);
        }
        String ns = host.substring(0, slash);
        String name = host.substring(slash + 1);
        if (ns.isEmpty() || name.isEmpty()) {
            return "config namespace and dnsName in host entry cannot be empty: \"" + host + "\"";
        }
        if (!ns.equals("*") && !ns.equals(".") && (ns.length() > 63 || !NAMESPACE.matcher(ns).matches())) {
            return "invalid namespace \"" + ns + "\" in host \"" + host + "\": must be ., * or a DNS label";
        }
        return wildcardDomainError(name);
    }

    private static String wildcardDomainError(String domain) {
        if (domain.isEmpty()) {
            return "empty domain name not allowed";
        }
        if (domain.length() > 255) {
            return "domain name \"" + domain + "\" too long (max 255)";
        }
        String[] labels = domain.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            String l = labels[i];
            Pattern p = i == 0 ? WILDCARD_LABEL : DNS_LABEL;
            if (l.length() > 63 || !p.matcher(l).matches()) {
                return "domain name \"" + domain + "\" invalid (label \"" + l + "\" invalid)";
            }
        }
        return null;
    }
}
