package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.TlsMode;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * GW0105: a MUTUAL or OPTIONAL_MUTUAL server's credential has no CA bundle to verify client certificates with
 * (lint catalogue §5 C.3, new in gwctl): Istio takes it from the {@code ca.crt} (or {@code cacert}) key of the
 * credential Secret, or from a Secret named {@code <name>-cacert} in the same namespace. Reported only when the
 * credential Secret itself exists (otherwise GW0101 applies).
 */
public final class MutualTlsCaMissingRule extends CredentialRule {
    static final RuleInfo INFO = new RuleInfo("GW0105", "mutual-tls-ca-missing", Severity.ERROR,
            "A MUTUAL or OPTIONAL_MUTUAL server's credential has no ca.crt key and no <name>-cacert Secret.",
            List.of(), Set.of(Kind.GATEWAY, Kind.SECRET));

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
        for (CredentialUse u : CredentialUse.all(ctx)) {
            TlsMode mode = u.server().tls().mode();
            if (u.secret() == null || (mode != TlsMode.MUTUAL && mode != TlsMode.OPTIONAL_MUTUAL)) {
                continue;
            }
            String caSecret = u.ref().name() + "-cacert";
            if (u.secret().tls().hasCa() || ctx.secret(u.namespace(), caSecret).isPresent()) {
                continue;
            }
            out.report(u.gateway(), u.pointer(), "The server uses tls.mode " + mode + " but the credential "
                    + u.describeSecret() + " has no ca.crt (or cacert) key and there is no Secret " + u.namespace()
                    + "/" + caSecret + ": the gateway cannot verify client certificates",
                    "Add the CA bundle that signs client certificates as key ca.crt to the Secret, or create it "
                            + "separately: kubectl create -n " + u.namespace() + " secret generic " + caSecret
                            + " --from-file=ca.crt=client-ca.pem.");
        }
    }
}
