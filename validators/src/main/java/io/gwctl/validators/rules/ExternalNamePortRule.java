package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.kube.Service;
import io.gwctl.model.kube.ServicePort;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * GW0207: a port of an {@code ExternalName} Service declares a protocol the sidecar can route by name (istioctl's
 * IST0150 ExternalNameServiceTypeInvalidPortName, lint catalogue §1.1 and §2.1 service.PortNameAnalyzer). An
 * ExternalName Service has no address: the proxy can route to it only by a protocol that carries the host (HTTP's
 * Host, TLS's SNI). A port whose protocol (from {@code appProtocol}, else the name's prefix) is TCP or unknown, an
 * unnamed port included, is reported, as istioctl does; UDP ports are not.
 */
public final class ExternalNamePortRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0207", "external-name-port-protocol", Severity.WARNING,
            "A port of an ExternalName Service is TCP or of unknown protocol, which the proxy cannot route by name.",
            List.of("IST0150"), Set.of(Kind.SERVICE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean hasWork(RuleContext ctx) {
        return ctx.snapshot().services().stream().anyMatch(ExternalNamePortRule::externalName);
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (Service svc : ctx.snapshot().services()) {
            if (!externalName(svc)) {
                continue;
            }
            for (ServicePort p : svc.ports()) {
                if ("udp".equalsIgnoreCase(p.protocol())) {
                    continue;
                }
                String protocol = protocol(p);
                if (protocol == null || protocol.equals("tcp")) {
                    String name = p.name() == null || p.name().isEmpty() ? "the unnamed port" : "port \"" + p.name()
                            + "\"";
                    out.report(svc, "/spec/ports/" + p.index(), "Port name for ExternalName service is invalid: "
                                    + name + " (port " + p.port() + ") is " + (protocol == null ? "of no protocol "
                                    + "Istio knows, so it is treated as TCP" : "TCP") + "; the proxy may not forward "
                                    + "TCP traffic to the ExternalName Service " + svc.metadata().key(),
                            "name the port after a protocol that carries the host (http, http2, https, grpc, tls, "
                                    + "e.g. https-upstream) or set appProtocol; for plain TCP to an external host use a "
                                    + "ServiceEntry with resolution DNS instead");
                }
            }
        }
    }

    private static boolean externalName(Service svc) {
        return "ExternalName".equals(svc.type());
    }

    /** The port's protocol as the sidecar reads it, lower case: appProtocol, else the name's prefix; null if unknown. */
    static String protocol(ServicePort p) {
        if (p.appProtocol() != null) {
            String a = p.appProtocol().toLowerCase(Locale.ROOT);
            return ServicePortNameRule.PROTOCOLS.contains(a) ? a : null;
        }
        if (p.name() == null) {
            return null;
        }
        String n = p.name().toLowerCase(Locale.ROOT);
        String longest = null;
        for (String protocol : ServicePortNameRule.PROTOCOLS) {
            if ((n.equals(protocol) || n.startsWith(protocol + "-"))
                    && (longest == null || protocol.length() > longest.length())) {
                longest = protocol;
            }
        }
        return longest;
    }
}
