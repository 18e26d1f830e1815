package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import java.util.List;
import java.util.Set;

/**
 * GW0610: a DestinationRule traffic policy originates TLS (SIMPLE or MUTUAL) without {@code caCertificates} (istioctl
 * IST0128); see {@link DestinationRuleCaRule} for the credentialName nuance.
 */
public final class DestinationRuleCaMissingRule extends DestinationRuleCaRule {
    private static final RuleInfo INFO = new RuleInfo("GW0610", "destination-rule-ca-missing", Severity.WARNING,
            "A DestinationRule originates TLS without caCertificates to verify the server.", List.of(),
            Set.of(Kind.DESTINATION_RULE)).withAliases(Severity.WARNING, "IST0128");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    boolean portLevel() {
        return false;
    }
}
