package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Server;
import io.gwctl.model.istio.ServerTls;
import io.gwctl.model.translate.CreationOrder;
import io.gwctl.model.translate.GatewayProxy;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import io.gwctl.validators.tls.CredentialRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * GW0110: servers of different Gateways that apply to a common gateway workload present the same certificate (the
 * same credential Secret, or the same inline serverCertificate and privateKey). Browsers then reuse one HTTP/2
 * connection for the hosts of both Gateways and get 404s from the one that does not route them (lint catalogue §2.2
 * CertificateAnalyzer, IST0138; envoy#6767). Unlike istioctl, which compares selectors (G ⊆ H) and reports both
 * sides, gwctl compares the workloads the Gateways really apply to and reports once per duplicate, on the later
 * Gateway in istiod's order (§2.4: creationTimestamp, then name, then namespace), naming the earlier one.
 */
public final class DuplicateCertificateRule implements Rule {
    static final RuleInfo INFO = new RuleInfo("GW0110", "duplicate-certificate", Severity.WARNING,
            "The same certificate is used by servers of several Gateways on the same gateway workload.",
            List.of("IST0138"), Set.of(Kind.GATEWAY));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        List<Gateway> gateways = new ArrayList<>(ctx.snapshot().gateways());
        gateways.sort(CreationOrder.of());
        // (workload, certificate) -> the first Gateway using it: one pass, no pairwise comparison.
        Map<String, Gateway> firstUser = new HashMap<>();
        for (Gateway g : gateways) {
            List<GatewayProxy> workloads = null;
            // certificate identity -> earlier Gateways and the workloads shared with them, for this Gateway.
            Map<String, Duplicate> found = new LinkedHashMap<>();
            for (Server s : g.servers()) {
                if (s.tls() == null) {
                    continue;
                }
                if (workloads == null) {
                    workloads = ctx.workloadsFor(g);
                }
                for (GatewayProxy p : workloads) {
                    for (Map.Entry<String, String> cert : certificates(s.tls(), p).entrySet()) {
                        String key = p.kind() + "/" + p.namespace() + "/" + p.name() + "\n" + cert.getKey();
                        Gateway first = firstUser.putIfAbsent(key, g);
                        if (first != null && first != g) {
                            Duplicate d = found.computeIfAbsent(cert.getKey(), k -> new Duplicate(cert.getValue()));
                            d.gateways.add(first.metadata().namespace() + "/" + first.metadata().name());
                            d.workloads.add(p.namespace() + "/" + p.name());
                        }
                    }
                }
            }
            for (Duplicate d : found.values()) {
                out.report(g, "/metadata/name", "Duplicate certificate in multiple gateways: Gateway "
                        + g.metadata().namespace() + "/" + g.metadata().name() + " uses the same certificate ("
                        + d.certificate + ") as " + (d.gateways.size() == 1 ? "Gateway " : "Gateways ")
                        + String.join(", ", d.gateways) + " on " + (d.workloads.size() == 1 ? "gateway workload "
                        : "gateway workloads ") + String.join(", ", d.workloads)
                        + "; clients that reuse an HTTP/2 connection across their hosts may get 404s",
                        "Serve these hosts from one Gateway server, or give each Gateway its own certificate that "
                                + "covers only its hosts.");
            }
        }
    }

    /**
     * The certificates a server presents on workload {@code p}: identity key → description. A credential is the
     * Secret it resolves to in the workload's namespace (so {@code cred} and {@code kubernetes://cred} are the same);
     * inline files count only when both are set and no credential is, as istioctl compares them.
     */
    private static Map<String, String> certificates(ServerTls tls, GatewayProxy p) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String raw : tls.allCredentialNames()) {
            CredentialRef ref = CredentialRef.parse(raw);
            if (ref.builtin()) {
                continue;
            }
            if (ref.error() != null) {
                out.put("raw:" + raw, "credentialName \"" + raw + "\"");
            } else {
                String ns = ref.namespaceFor(p.namespace());
                out.put("secret:" + ns + "/" + ref.name(), "credentialName \"" + raw + "\", Secret " + ns + "/"
                        + ref.name());
            }
        }
        if (out.isEmpty() && nonEmpty(tls.serverCertificate()) && nonEmpty(tls.privateKey())) {
            out.put("files:" + tls.serverCertificate() + "\n" + tls.privateKey(), "serverCertificate "
                    + tls.serverCertificate() + ", privateKey " + tls.privateKey());
        }
        return out;
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    /** The earlier Gateways sharing one certificate with the current one, and on which workloads. */
    private static final class Duplicate {
        final String certificate;
        final Set<String> gateways = new TreeSet<>();
        final Set<String> workloads = new TreeSet<>();

        Duplicate(String certificate) {
            this.certificate = certificate;
        }
    }
}
