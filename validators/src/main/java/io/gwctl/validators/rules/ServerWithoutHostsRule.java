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
 * {@code [namespace/]dnsName} where the namespace is {@code .}, {@code *} or a DNS label and the name a DNS name
 * whose first label may be a wildcard (Istio's {@code validateGateway}/{@code validateNamespaceSlashWildcardHostname},
 * lint catalogue §2.2). Messages follow Istio's wording.
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
        if (!ns.equals("*") && !ns.equals(".") && !isLabel(ns, false)) {
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
            if (l.length() > 63 || !(i == 0 ? isWildcardLabel(l) : isLabel(l, true))) {
                return "domain name \"" + domain + "\" invalid (label \"" + l + "\" invalid)";
            }
        }
        return null;
    }

    /** Istio's wildcard DNS label: {@code *}, or a DNS label optionally prefixed by {@code *} or {@code *-}. */
    private static boolean isWildcardLabel(String l) {
        if (l.equals("*")) {
            return true;
        }
        String rest = l.startsWith("*-") ? l.substring(2) : l.startsWith("*") ? l.substring(1) : l;
        return isLabel(rest, true);
    }

    /**
     * A DNS-1123 label of at most 63 characters: letters, digits and {@code -}, starting and ending with a letter
     * or digit; upper case only when {@code upper} (host labels are, namespaces are not).
     */
    private static boolean isLabel(String l, boolean upper) {
        if (l.isEmpty() || l.length() > 63 || l.charAt(0) == '-' || l.charAt(l.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (upper && c >= 'A' && c <= 'Z');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
