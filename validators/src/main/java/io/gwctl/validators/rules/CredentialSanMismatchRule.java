package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.secret.SecretProducer;
import io.gwctl.model.tls.CertificateInfo;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.RuleContext;
import io.gwctl.validators.tls.HostCoverage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * GW0104: the leaf certificate a TLS-terminating server presents does not cover some of the server's hosts (lint
 * catalogue §5 C.3 "SANs cover the server hosts", new in gwctl): clients connecting to those hosts fail hostname
 * verification. DNS and IP SANs count, or the CN when there are none; a wildcard SAN covers one label; the host
 * {@code *} and the {@code ns/} prefix of hosts are ignored. A Secret that a cert-manager Certificate of the input
 * produces is checked against the Certificate's {@code dnsNames}, {@code ipAddresses} and {@code commonName}.
 */
public final class CredentialSanMismatchRule extends CredentialRule {
    static final RuleInfo INFO = new RuleInfo("GW0104", "credential-san-mismatch", Severity.WARNING,
            "The certificate of a TLS server does not cover all of the server's hosts.",
            List.of(), Set.of(Kind.GATEWAY, Kind.SECRET));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** Only a Certificate says which names its Secret's certificate will carry. */
    @Override
    public String partlySkipped(RuleContext ctx) {
        return CredentialUse.producedSkipReason(ctx, p -> p.dnsNames() != null);
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        CredentialUse.forEachCredential(ctx, (u, c) -> {
            CertificateInfo leaf = c.leaf();
            if (leaf == null || !u.terminatesTls()) {
                return;
            }
            check(u, leaf.names(), "The certificate of the credential " + u.describeSecret(),
                    "reissue it with subjectAltNames for them", out);
        });
        for (CredentialUse u : CredentialUse.all(ctx)) {
            SecretProducer p = u.producer();
            if (p != null && p.dnsNames() != null && u.terminatesTls()) {
                check(u, p.dnsNames(), "The certificate that " + p.describe() + " issues into the credential "
                        + u.describeSecret(), "add them to the Certificate's dnsNames", out);
            }
        }
    }

    private static void check(CredentialUse u, List<String> names, String subject, String fix, Reporter out) {
        List<String> uncovered = new ArrayList<>();
        int first = -1;
        List<String> hosts = u.server().hosts();
        for (int i = 0; i < hosts.size(); i++) {
            String h = HostCoverage.hostToCheck(hosts.get(i));
            if (h != null && !HostCoverage.covers(names, h)) {
                uncovered.add(hosts.get(i));
                first = first < 0 ? i : first;
            }
        }
        if (uncovered.isEmpty()) {
            return;
        }
        String namesText = names.isEmpty() ? "no DNS names" : "names " + String.join(", ", names);
        out.report(u.gateway(), u.server().pointer() + "/hosts/" + first, subject
                + " does not cover " + (uncovered.size() == 1 ? "host " : "hosts ")
                + String.join(", ", uncovered) + " of this server; it has " + namesText,
                "Clients that connect to " + (uncovered.size() == 1 ? "this host" : "these hosts")
                        + " reject the certificate: " + fix + ", or serve them from "
                        + "a server with a certificate that covers them.");
    }
}
