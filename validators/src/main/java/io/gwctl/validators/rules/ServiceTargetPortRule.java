package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.kube.Container;
import io.gwctl.model.kube.ContainerPort;
import io.gwctl.model.kube.Service;
import io.gwctl.model.kube.ServicePort;
import io.gwctl.model.kube.Workload;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * GW0205: the {@code targetPort} of a Service port is a port the selected pods declare (Kiali KIA0701 "Deployment
 * exposing same port as Service not found", lint catalogue §3.1 and §5 B.3): a number equals a {@code containerPort}
 * of the same protocol, a name equals a container port's {@code name}. A named targetPort no container declares gives
 * the Service no endpoints on that port; a number nobody declares usually means the Service points at the wrong port.
 *
 * <p>{@code containerPort} is informational in Kubernetes, so the check runs only for workloads that declare ports at
 * all (a workload declaring none says nothing). Unlike Kiali, which looks at the first Deployment whose own labels
 * match, gwctl compares with every Pod and Deployment whose pod labels the selector matches, and reports only when
 * none declares the port. The Services of gateway workloads (Envoy listens on what istiod configures, not on declared
 * ports) and of the control plane ({@code istio-system}, as Kiali) are skipped.
 */
public final class ServiceTargetPortRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0205", "service-target-port-not-declared", Severity.WARNING,
            "A Service's targetPort is not a port the pods it selects declare.", List.of("KIA0701"),
            Set.of(Kind.SERVICE));

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
        for (Service svc : ctx.snapshot().services()) {
            if (svc.selector() == null || svc.selector().isEmpty() || "istio-system".equals(svc.metadata().namespace())
                    || MeshEvidence.selectsGateway(svc, ctx)) {
                continue;
            }
            List<Workload> declaring = new ArrayList<>();
            for (Workload w : ctx.registry().workloadsMatching(svc.metadata().namespace(), svc.selector())) {
                if (w.containers().stream().anyMatch(c -> !c.ports().isEmpty())) {
                    declaring.add(w);
                }
            }
            if (declaring.isEmpty()) {
                continue;
            }
            for (ServicePort p : svc.ports()) {
                if (declaring.stream().noneMatch(w -> declares(w, p))) {
                    report(svc, p, declaring, out);
                }
            }
        }
    }

    private static void report(Service svc, ServicePort p, List<Workload> declaring, Reporter out) {
        boolean named = p.targetPortName() != null;
        String target = named ? "\"" + p.targetPortName() + "\"" : Integer.toString(p.targetPort());
        Workload first = declaring.get(0);
        String others = declaring.size() > 1 ? " (nor do " + (declaring.size() - 1) + " other workloads it selects)"
                : "";
        String pointer = "/spec/ports/" + p.index() + (named || p.targetPort() != p.port() ? "/targetPort" : "/port");
        out.report(svc, pointer, "port " + p.port() + " targets " + (named ? "the port named " : "port ") + target
                        + ", which no container of " + first.kind().kindName() + " " + first.metadata().key()
                        + " declares" + others + "; its container ports: " + ports(first),
                named ? "name a container port " + target + " or set targetPort to a declared name or number: with no "
                        + "container port of that name the Service has no endpoints on port " + p.port()
                        : "set targetPort to the port the container listens on, or declare it under ports in the "
                        + "container");
    }

    private static boolean declares(Workload w, ServicePort p) {
        for (Container c : w.containers()) {
            for (ContainerPort cp : c.ports()) {
                boolean sameProtocol = cp.protocol() == null || p.protocol() == null
                        || cp.protocol().equalsIgnoreCase(p.protocol());
                if (p.targetPortName() != null ? p.targetPortName().equals(cp.name())
                        : cp.containerPort() == p.targetPort() && sameProtocol) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String ports(Workload w) {
        StringJoiner j = new StringJoiner(", ");
        for (Container c : w.containers()) {
            for (ContainerPort cp : c.ports()) {
                j.add(cp.containerPort() + "/" + (cp.protocol() == null ? "TCP" : cp.protocol())
                        + (cp.name() == null ? "" : " " + cp.name()));
            }
        }
        return j.toString();
    }
}
