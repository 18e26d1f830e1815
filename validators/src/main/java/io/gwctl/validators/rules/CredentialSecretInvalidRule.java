package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * GW0102: the credential Secret exists but Envoy cannot use it (lint catalogue §5 C.3, istioctl IST0161 extended):
 * no non-empty {@code tls.crt}/{@code tls.key} (or {@code cert}/{@code key}) pair, a PEM block of the chain that does
 * not parse, a private key that does not parse or does not match the leaf certificate, or a certificate of the chain
 * that is expired or not yet valid. istioctl parses only the first PEM block and never looks at the key (§2.2).
 */
public final class CredentialSecretInvalidRule extends CredentialRule {
    static final RuleInfo INFO = new RuleInfo("GW0102", "credential-secret-invalid", Severity.ERROR,
            "The credential Secret of a Gateway server has missing keys, an unparseable chain or key, a key that does "
                    + "not match the certificate, or an expired or not yet valid certificate.",
            List.of("IST0161"), Set.of(Kind.GATEWAY, Kind.SECRET));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** The content of a Secret that a Certificate, ExternalSecret or SealedSecret produces is not in the input. */
    @Override
    public String partlySkipped(RuleContext ctx) {
        return CredentialUse.producedSkipReason(ctx, p -> false);
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        CredentialUse.forEachCredential(ctx, (u, c) -> {
            List<String> problems = new ArrayList<>(c.problems());
            problems.addAll(c.validityProblems(ctx.now()));
            if (problems.isEmpty()) {
                return;
            }
            String create = "kubectl create -n " + u.namespace() + " secret tls " + u.ref().name()
                    + " --cert=fullchain.pem --key=server.key";
            String hint = c.problems().isEmpty()
                    ? "Clients reject a certificate outside its validity period: renew it and update the Secret ("
                            + create + " --dry-run=client -o yaml | kubectl apply -f -)."
                    : "The gateway cannot serve TLS with this credential. Recreate the Secret from the full "
                            + "certificate chain and its unencrypted private key: " + create + ".";
            out.report(u.gateway(), u.pointer(), "The credential " + u.describeSecret() + " used by the "
                    + u.describeWorkloads() + " is invalid: " + String.join("; ", problems), hint);
        });
    }
}
