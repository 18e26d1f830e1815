package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.kube.Secret;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.RuleContext;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * GW0101: a server's {@code credentialName} names a Secret that does not exist where the gateway workload reads it
 * (lint catalogue §5 C.1/C.2, istioctl IST0101 {@code credentialName}). Istio reads the Secret from the namespace of
 * each gateway workload the Gateway applies to, not from the Gateway's own namespace; when a Secret of that name
 * exists elsewhere the message says where, because that is the usual mistake.
 */
public final class CredentialSecretMissingRule extends CredentialRule {
    static final RuleInfo INFO = new RuleInfo("GW0101", "credential-secret-missing", Severity.ERROR,
            "The Secret a Gateway server's credentialName names does not exist in the gateway workload's namespace.",
            List.of("IST0101"), Set.of(Kind.GATEWAY, Kind.SECRET));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (CredentialUse u : CredentialUse.all(ctx)) {
            if (u.ref().error() != null) {
                out.report(u.gateway(), u.pointer(), "Invalid " + u.field() + " \"" + u.ref().raw() + "\": "
                        + u.ref().error(), "Write the Secret name, or kubernetes://<namespace>/<name> to read it "
                        + "from another namespace.");
            } else if (u.secret() == null) {
                report(ctx, u, out);
            }
        }
    }

    private static void report(RuleContext ctx, CredentialUse u, Reporter out) {
        String name = u.ref().name();
        StringBuilder msg = new StringBuilder("Referenced credentialName not found: \"").append(u.ref().raw())
                .append("\" in namespace ").append(u.namespace());
        if (u.ref().explicitNamespace()) {
            msg.append(" (named explicitly)");
        } else {
            msg.append(" (where the ").append(u.describeWorkloads())
                    .append(u.workloads().size() == 1 ? " runs)" : " run)");
        }
        Set<String> elsewhere = new TreeSet<>();
        for (Secret s : ctx.secretsNamed(name)) {
            elsewhere.add(s.metadata().namespace());
        }
        if (!elsewhere.isEmpty()) {
            msg.append(elsewhere.size() == 1 ? "; a Secret with that name exists in namespace "
                    : "; Secrets with that name exist in namespaces ").append(String.join(", ", elsewhere));
        }
        String hint;
        if (u.ref().explicitNamespace()) {
            hint = "Create the Secret " + name + " in namespace " + u.namespace()
                    + ", or correct the namespace in " + u.field() + ".";
        } else {
            hint = "Istio reads a Gateway's TLS Secret from the namespace of the gateway workload, not of the Gateway: "
                    + "create the Secret " + name + " in namespace " + u.namespace()
                    + (elsewhere.isEmpty() ? "" : " (or move it there)")
                    + ", e.g. kubectl create -n " + u.namespace() + " secret tls " + name
                    + " --cert=server.crt --key=server.key.";
        }
        out.report(u.gateway(), u.pointer(), msg.toString(), hint);
    }
}
