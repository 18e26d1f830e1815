package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import java.util.List;
import java.util.Set;

/**
 * GW0611: a DestinationRule {@code portLevelSettings} entry originates TLS (SIMPLE or MUTUAL) without
 * {@code caCertificates} (istioctl IST0129); see {@link DestinationRuleCaRule} for the credentialName nuance.
 */
public final class DestinationRulePortCaMissingRule extends DestinationRuleCaRule {
    private static final RuleInfo INFO = new RuleInfo("GW0611", "destination-rule-port-ca-missing", Severity.WARNING,
            "A DestinationRule port-level TLS setting originates TLS without caCertificates to verify the server.",
            List.of(), Set.of(Kind.DESTINATION_RULE)).withAliases(Severity.WARNING, "IST0129");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    boolean portLevel() {
        return true;
    }
}
