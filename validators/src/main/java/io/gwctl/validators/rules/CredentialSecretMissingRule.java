package io.gwctl.validators.rules;

import io.gwctl.model.Coverage;
import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.kube.Secret;
import io.gwctl.model.secret.SecretProducer;
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
 *
 * <p>A cert-manager Certificate, ExternalSecret or SealedSecret in that namespace that produces the Secret counts as
 * the Secret; one in another namespace is named with its file and line (the usual cert-manager mistake: the
 * Certificate created in the application's namespace). When the input holds producers but no Secret at all, a
 * credential with neither is reported as a Warning: the Secret may be created outside the repository (with
 * {@code --require-secrets} it is an Error).
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
            } else if (u.secret() == null && u.producer() == null) {
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
        List<SecretProducer> producers = ctx.producersOf(name);
        for (SecretProducer p : producers) {
            msg.append("; ").append(article(p.kind().kindName())).append(' ').append(p.kind().kindName())
                    .append(" in namespace ").append(p.metadata().namespace()).append(" produces Secret ")
                    .append(name).append(" there: ").append(p.describe());
        }
        String hint;
        if (u.ref().explicitNamespace()) {
            hint = "Create the Secret " + name + " in namespace " + u.namespace()
                    + ", or correct the namespace in " + u.field() + ".";
        } else {
            hint = "Istio reads a Gateway's TLS Secret from the namespace of the gateway workload, not of the Gateway: "
                    + (producers.isEmpty() ? "create the Secret " + name + " in namespace " + u.namespace()
                    + (elsewhere.isEmpty() ? "" : " (or move it there)")
                    + ", e.g. kubectl create -n " + u.namespace() + " secret tls " + name
                    + " --cert=server.crt --key=server.key."
                    : "create the " + producers.get(0).kind().kindName() + " in namespace " + u.namespace()
                    + " (a " + producers.get(0).kind().kindName() + " creates its Secret in its own namespace).");
        }
        Coverage c = ctx.snapshot().coverage();
        if (ctx.snapshot().secrets().isEmpty() && !c.isComplete(Kind.SECRET) && producers.isEmpty()
                && elsewhere.isEmpty()) {
            // Only producers in the input: the Secret may come from outside the repository.
            out.report(u.gateway(), u.pointer(), Severity.WARNING, msg + ", and no Certificate, ExternalSecret or "
                    + "SealedSecret in the input produces it (the input holds no Secrets)", hint
                    + " If the Secret is created outside this repository, nothing to do; with --require-secrets "
                    + "this is an Error.");
            return;
        }
        out.report(u.gateway(), u.pointer(), msg.toString(), hint);
    }

    private static String article(String word) {
        return "AEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }
}
