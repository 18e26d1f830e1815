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
 * GW0206: the {@code appProtocol} of a port of a Service whose pods are in the mesh is a protocol Istio knows (Kiali
 * KIA0602 "Port appProtocol must follow &lt;protocol&gt; form", lint catalogue §3.1): one of Kiali's protocols, any
 * case, or Kubernetes' {@code kubernetes.io/h2c}, {@code kubernetes.io/ws} and {@code kubernetes.io/wss}. The sidecar
 * takes a port's protocol from {@code appProtocol} before its name, so an unknown value turns protocol selection into
 * sniffing, as an unnamed port does. Which Services are in the mesh: {@link MeshEvidence}, as GW0203.
 */
public final class ServiceAppProtocolRule implements Rule {
    static final List<String> KUBERNETES = List.of("kubernetes.io/h2c", "kubernetes.io/ws", "kubernetes.io/wss");
    private static final RuleInfo INFO = new RuleInfo("GW0206", "service-app-protocol", Severity.ERROR,
            "A port of a Service in the mesh has an appProtocol Istio does not know.", List.of("KIA0602"),
            Set.of(Kind.SERVICE));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean hasWork(RuleContext ctx) {
        return ctx.snapshot().services().stream().anyMatch(s -> s.ports().stream()
                .anyMatch(p -> p.appProtocol() != null));
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        MeshEvidence mesh = new MeshEvidence(ctx);
        for (Service svc : ctx.snapshot().services()) {
            if (svc.ports().stream().noneMatch(p -> p.appProtocol() != null && !known(p.appProtocol()))) {
                continue;
            }
            String why = mesh.of(svc);
            if (why == null) {
                continue;
            }
            for (ServicePort p : svc.ports()) {
                if (p.appProtocol() != null && !known(p.appProtocol())) {
                    out.report(svc, "/spec/ports/" + p.index() + "/appProtocol", "Port appProtocol must follow "
                                    + "<protocol> form: \"" + p.appProtocol() + "\" (port " + p.port() + ") is none of "
                                    + String.join(", ", ServicePortNameRule.PROTOCOLS) + ", "
                                    + String.join(", ", KUBERNETES) + "; " + why,
                            "set appProtocol to the port's protocol (http, http2, grpc, tcp, mysql, ...), or remove it"
                                    + " and name the port after its protocol");
                }
            }
        }
    }

    static boolean known(String appProtocol) {
        return ServicePortNameRule.PROTOCOLS.contains(appProtocol.toLowerCase(Locale.ROOT))
                || KUBERNETES.contains(appProtocol);
    }
}
