package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.tls.CertificateInfo;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.RuleContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * GW0103: the leaf certificate of a credential Secret is still valid but expires within the warning window
 * ({@link RuleContext#certExpiryWarning()}, 30 days by default; lint catalogue §5 C.3 "--cert-expiry-warn"). Already
 * expired certificates are GW0102.
 */
public final class CredentialCertExpiringRule extends CredentialRule {
    static final RuleInfo INFO = new RuleInfo("GW0103", "credential-cert-expiring", Severity.WARNING,
            "The certificate of a Gateway server's credential Secret expires soon.",
            List.of(), Set.of(Kind.GATEWAY, Kind.SECRET)); // istioctl's IST0161 (an Error) waits for the expiry

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
        Instant now = ctx.now();
        CredentialUse.forEachCredential(ctx, (u, c) -> {
            CertificateInfo leaf = c.leaf();
            if (leaf == null) {
                return;
            }
            Instant notAfter = leaf.notAfter();
            Duration left = Duration.between(now, notAfter);
            if (now.isBefore(leaf.notBefore()) || left.isNegative()
                    || left.compareTo(ctx.certExpiryWarning()) > 0) {
                return;
            }
            long days = left.toDays();
            String in = days == 0 ? "in less than a day" : days == 1 ? "in 1 day" : "in " + days + " days";
            out.report(u.gateway(), u.pointer(), "The certificate in " + c.certKey() + " of the credential "
                    + u.describeSecret() + " (" + leaf.subject() + ") expires on " + notAfter + ", "
                    + in, "Renew the certificate and update the Secret before it expires; after that date clients "
                    + "reject the gateway's TLS handshake.");
        });
    }
}
