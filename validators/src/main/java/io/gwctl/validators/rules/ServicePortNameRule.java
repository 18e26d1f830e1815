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
 * GW0203: a port of a Service whose pods are in the mesh names its protocol, as Kiali checks it (KIA0601 "Port name
 * must follow &lt;protocol&gt;[-suffix] form"; Kiali's {@code services/port_mapping_checker.go}, lint catalogue
 * §3.1). The sidecar picks the protocol from {@code appProtocol}, else from the name's prefix; otherwise it sniffs,
 * which breaks server-first protocols (MySQL, SMTP). A port with an {@code appProtocol} is not checked by name, as in
 * Kiali (GW0206 checks the appProtocol). UDP ports and Services labelled {@code kiali_wizard} are skipped, as Kiali
 * does, and so are the Services of gateway workloads, which are proxies themselves. Which Services are in the mesh:
 * {@link MeshEvidence}; without evidence there is no finding.
 */
public final class ServicePortNameRule implements Rule {
    /** Kiali's protocols ({@code kubernetes.portProtocols}); a name is one of them, optionally {@code -suffix}. */
    static final List<String> PROTOCOLS = List.of("grpc", "grpc-web", "http", "http2", "https", "mongo", "redis",
            "tcp", "tls", "udp", "mysql");
    private static final RuleInfo INFO = new RuleInfo("GW0203", "service-port-name", Severity.ERROR,
            "A port of a Service in the mesh names no protocol Istio knows (name or appProtocol).",
            List.of("KIA0601"), Set.of(Kind.SERVICE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean hasWork(RuleContext ctx) {
        return !ctx.snapshot().services().isEmpty();
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        MeshEvidence mesh = new MeshEvidence(ctx);
        for (Service svc : ctx.snapshot().services()) {
            String why = mesh.of(svc);
            if (why == null) {
                continue;
            }
            for (ServicePort p : svc.ports()) {
                check(svc, p, why, out);
            }
        }
    }

    private static void check(Service svc, ServicePort p, String why, Reporter out) {
        if ("udp".equalsIgnoreCase(p.protocol()) || p.appProtocol() != null) {
            return; // the protocol comes from appProtocol (GW0206)
        }
        if (!validName(p.name())) {
            String name = p.name() == null || p.name().isEmpty() ? "the unnamed port" : "port name \"" + p.name()
                    + "\"";
            out.report(svc, "/spec/ports/" + p.index(), "Port name must follow <protocol>[-suffix] form: " + name
                            + " (port " + p.port() + ") starts with none of " + String.join(", ", PROTOCOLS) + "; "
                            + why,
                    "name the port after its protocol (http, http-web, grpc, tcp-db, ...) or set appProtocol, so "
                            + "that the sidecar does not have to sniff the protocol");
        }
    }

    /** Kiali's {@code MatchPortNameWithValidProtocols}: a protocol prefix (case-sensitive), then nothing or "-…". */
    static boolean validName(String name) {
        if (name == null) {
            return false;
        }
        for (String protocol : PROTOCOLS) {
            if (name.startsWith(protocol) && (name.toLowerCase(Locale.ROOT).equals(protocol)
                    || name.startsWith("-", protocol.length()))) {
                return true;
            }
        }
        return false;
    }
}
