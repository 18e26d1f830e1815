package io.gwctl.validators.rules;

import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;

/**
 * Base of the rules that look at the Secrets Gateway servers name as credentials (GW0101–GW0105): they have work only
 * when some server names a credential, so an input without TLS servers does not report them as skipped.
 */
abstract class CredentialRule implements Rule {
    @Override
    public final boolean hasWork(RuleContext ctx) {
        return CredentialUse.anyCredential(ctx);
    }
}
