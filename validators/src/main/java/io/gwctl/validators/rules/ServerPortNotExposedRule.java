package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Server;
import io.gwctl.model.kube.ContainerPort;
import io.gwctl.model.kube.Service;
import io.gwctl.model.kube.ServicePort;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.model.translate.ServiceTarget;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * GW0201: a Gateway server port that no Service of the gateway workload exposes, so clients cannot reach it through
 * the gateway Service (lint-catalogue §5 B2, istioctl's IST0162). A port counts as exposed when a Service in the
 * workload's namespace that selects it has that number as {@code port} (istiod translates it to the target port,
 * spec §5.3, istio#51257) or as target port; protocol defaults to TCP; named target ports resolve through the
 * workload's container ports.
 */
public final class ServerPortNotExposedRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0201", "server-port-not-exposed", Severity.ERROR,
            "A Gateway server port is not exposed by any Service of the gateway workload.", List.of("IST0162"),
            Set.of(Kind.GATEWAY, Kind.SERVICE, Kind.POD, Kind.DEPLOYMENT));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        Map<String, List<Service>> servicesByNamespace = new HashMap<>();
        for (Service s : ctx.snapshot().services()) {
            servicesByNamespace.computeIfAbsent(s.metadata().namespace(), k -> new ArrayList<>()).add(s);
        }
        Map<GatewayProxy, Exposure> exposures = new IdentityHashMap<>();
        for (Gateway g : ctx.snapshot().gateways()) {
            List<GatewayProxy> proxies = ctx.workloadsFor(g);
            if (proxies.isEmpty()) {
                continue;
            }
            for (Server s : g.servers()) {
                if (s.port() == null || s.port().number() <= 0) {
                    continue; // GW0505 reports missing and invalid ports
                }
                int port = s.port().number();
                for (GatewayProxy p : proxies) {
                    Exposure e = exposures.computeIfAbsent(p, k -> Exposure.of(k, servicesByNamespace));
                    if (!e.exposes(port)) {
                        report(out, g, s, port, p, e);
                    }
                }
            }
        }
    }

    private static void report(Reporter out, Gateway g, Server s, int port, GatewayProxy p, Exposure e) {
        String pointer = s.pointer() + "/port/number";
        if (e.services.isEmpty()) {
            out.report(g, pointer, "Gateway listens on " + port + " but no Service in namespace " + p.namespace()
                    + " selects gateway workload " + p.describe() + " (" + Labels.format(p.labels()) + ")",
                    "Expose the gateway workload with a Service in namespace " + p.namespace() + " whose selector "
                    + "matches its labels and that has port " + port + ".");
            return;
        }
        String message = "Gateway listens on " + port + " but " + e.describe();
        String hint = "Add port " + port + " to " + (e.services.size() == 1 ? "Service " + e.services.get(0).metadata()
                .key() : "one of these Services") + " (port: " + port + ", targetPort: " + port + "), or use a port "
                + "the Service exposes.";
        if (p.assumedDefault()) {
            // The real gateway Service may expose the port: the input just does not contain it.
            out.report(g, pointer, Severity.WARNING, message + " (Istio's default ingress gateway, assumed: the "
                    + "input has no gateway workload)", hint + " If the gateway Service is not in the input, add it.");
        } else {
            out.report(g, pointer, message, hint);
        }
    }

    /** The ports the Services of one gateway workload expose: Service ports and resolved target ports (TCP). */
    private static final class Exposure {
        private final List<Service> services;
        private final Set<Integer> ports = new HashSet<>();
        private final List<ContainerPort> containerPorts;
        private String description;

        private Exposure(List<Service> services, List<ContainerPort> containerPorts) {
            this.services = services;
            this.containerPorts = containerPorts;
            for (Service svc : services) {
                for (ServicePort sp : svc.ports()) {
                    if (isTcp(sp.protocol())) {
                        ports.add(sp.port());
                        int target = targetOf(sp);
                        if (target > 0) {
                            ports.add(target);
                        }
                    }
                }
            }
        }

        static Exposure of(GatewayProxy p, Map<String, List<Service>> servicesByNamespace) {
            List<Service> selecting = new ArrayList<>();
            if (p.assumedDefault()) {
                // The default ingress's Service may be the chart's, which is in no namespace list of the input.
                Set<Service> seen = new LinkedHashSet<>();
                for (ServiceTarget t : p.serviceTargets()) {
                    seen.add(t.service());
                }
                selecting.addAll(seen);
            } else {
                for (Service s : servicesByNamespace.getOrDefault(p.namespace(), List.of())) {
                    if (s.selects(p.labels())) {
                        selecting.add(s);
                    }
                }
            }
            return new Exposure(selecting, p.containerPorts());
        }

        boolean exposes(int port) {
            return ports.contains(port);
        }

        /** The target port number; a named one through the container ports of the same protocol, else 0. */
        private int targetOf(ServicePort sp) {
            if (!sp.hasNamedTargetPort()) {
                return sp.targetPort();
            }
            for (ContainerPort cp : containerPorts) {
                if (sp.targetPortName().equals(cp.name()) && protocol(sp.protocol()).equals(protocol(cp.protocol()))) {
                    return cp.containerPort();
                }
            }
            return 0;
        }

        /** {@code Service istio-system/gw exposes 15021, 80→8080} (and {@code Service b exposes ...}). */
        String describe() {
            // Every Gateway server on a port the workload lacks asks: worded once per workload.
            if (description == null) {
                description = describeServices();
            }
            return description;
        }

        private String describeServices() {
            List<String> all = new ArrayList<>();
            for (Service svc : services) {
                StringJoiner ports = new StringJoiner(", ");
                for (ServicePort sp : svc.ports()) {
                    String d = sp.describe();
                    if (sp.hasNamedTargetPort() && targetOf(sp) > 0) {
                        d = sp.port() + "→" + sp.targetPortName() + "(" + targetOf(sp) + ")";
                    }
                    ports.add(isTcp(sp.protocol()) ? d : d + "/" + protocol(sp.protocol()));
                }
                all.add("Service " + svc.metadata().key() + " exposes " + (svc.ports().isEmpty() ? "no ports"
                        : ports.toString()));
            }
            return Listing.join(all, " and ");
        }

        private static boolean isTcp(String protocol) {
            return protocol(protocol).equals("TCP");
        }

        private static String protocol(String p) {
            return p == null || p.isEmpty() ? "TCP" : p.toUpperCase(Locale.ROOT);
        }
    }
}
