package io.gwctl.validators;

import io.gwctl.validators.rules.ConflictingCertSourcesRule;
import io.gwctl.validators.rules.CredentialCertExpiringRule;
import io.gwctl.validators.rules.CredentialSanMismatchRule;
import io.gwctl.validators.rules.CredentialSecretInvalidRule;
import io.gwctl.validators.rules.CredentialSecretMissingRule;
import io.gwctl.validators.rules.DestinationHostNotFoundRule;
import io.gwctl.validators.rules.DestinationPortNotFoundRule;
import io.gwctl.validators.rules.DestinationPortRequiredRule;
import io.gwctl.validators.rules.DestinationRuleCaMissingRule;
import io.gwctl.validators.rules.DestinationRuleHostNotFoundRule;
import io.gwctl.validators.rules.DestinationRuleTlsFieldsRule;
import io.gwctl.validators.rules.DestinationRulePortCaMissingRule;
import io.gwctl.validators.rules.DestinationSubsetNotFoundRule;
import io.gwctl.validators.rules.DuplicateCertificateRule;
import io.gwctl.validators.rules.DuplicateDestinationRuleRule;
import io.gwctl.validators.rules.DuplicateHostPortRule;
import io.gwctl.validators.rules.DuplicatePortNameRule;
import io.gwctl.validators.rules.DuplicateResourceRule;
import io.gwctl.validators.rules.DuplicateRouteDestinationRule;
import io.gwctl.validators.rules.DuplicateSubsetNameRule;
import io.gwctl.validators.rules.ExportToNamespaceRule;
import io.gwctl.validators.rules.ExternalNamePortRule;
import io.gwctl.validators.rules.ExportToRule;
import io.gwctl.validators.rules.GatewayHostSharedRule;
import io.gwctl.validators.rules.GatewayHostUnboundRule;
import io.gwctl.validators.rules.GatewayRefLegacyFormatRule;
import io.gwctl.validators.rules.GatewayRefNotFoundRule;
import io.gwctl.validators.rules.GatewaySubsetBypassedRule;
import io.gwctl.validators.rules.InvalidBindRule;
import io.gwctl.validators.rules.InvalidPortRule;
import io.gwctl.validators.rules.InvalidProtocolRule;
import io.gwctl.validators.rules.InvalidRegexRule;
import io.gwctl.validators.rules.MatchFormRule;
import io.gwctl.validators.rules.MeshHostConflictRule;
import io.gwctl.validators.rules.MutualTlsCaMissingRule;
import io.gwctl.validators.rules.RedirectRewriteRule;
import io.gwctl.validators.rules.RouteWeightInvalidRule;
import io.gwctl.validators.rules.RouteWeightsRule;
import io.gwctl.validators.rules.SelectorMultipleWorkloadsRule;
import io.gwctl.validators.rules.SelectorNoWorkloadRule;
import io.gwctl.validators.rules.ServerPortNameRule;
import io.gwctl.validators.rules.ServerPortNotExposedRule;
import io.gwctl.validators.rules.ServerWithoutHostsRule;
import io.gwctl.validators.rules.ServiceAppProtocolRule;
import io.gwctl.validators.rules.ServicePortNameRule;
import io.gwctl.validators.rules.ServiceTargetPortRule;
import io.gwctl.validators.rules.SingleDestinationWeightRule;
import io.gwctl.validators.rules.SubsetSelectsNoPodsRule;
import io.gwctl.validators.rules.SubsetWithoutLabelsRule;
import io.gwctl.validators.rules.TlsModeRequirementsRule;
import io.gwctl.validators.rules.TlsProtocolMismatchRule;
import io.gwctl.validators.rules.TlsRouteSniRule;
import io.gwctl.validators.rules.UnreachableRouteRule;
import io.gwctl.validators.rules.VsHostNotOnGatewayRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every rule {@code gwctl validate} runs: an explicit list (no classpath scanning, STYLE.md §2), returned sorted by
 * code. To add a rule, add one {@code rules.add(...)} line below (any position: the list is sorted).
 */
public final class RuleRegistry {
    private static final List<Rule> ALL = build();

    private RuleRegistry() {
    }

    /** The registered rules, sorted by code. */
    public static List<Rule> all() {
        return ALL;
    }

    private static List<Rule> build() {
        List<Rule> rules = new ArrayList<>();
        // One line per rule.
        rules.add(new DuplicateResourceRule());
        rules.add(new ExportToNamespaceRule());
        rules.add(new GatewayRefNotFoundRule());
        rules.add(new GatewayRefLegacyFormatRule());
        rules.add(new VsHostNotOnGatewayRule());
        rules.add(new GatewayHostUnboundRule());
        rules.add(new DuplicatePortNameRule());
        rules.add(new TlsProtocolMismatchRule());
        rules.add(new ConflictingCertSourcesRule());
        rules.add(new InvalidProtocolRule());
        rules.add(new InvalidPortRule());
        rules.add(new ServerWithoutHostsRule());
        rules.add(new TlsModeRequirementsRule());
        rules.add(new InvalidBindRule());
        rules.add(new ServerPortNameRule());
        rules.add(new ServicePortNameRule());
        rules.add(new ServiceTargetPortRule());
        rules.add(new ServiceAppProtocolRule());
        rules.add(new DestinationRuleTlsFieldsRule());
        rules.add(new ExternalNamePortRule());
        rules.add(new CredentialSecretMissingRule());
        rules.add(new CredentialSecretInvalidRule());
        rules.add(new CredentialCertExpiringRule());
        rules.add(new CredentialSanMismatchRule());
        rules.add(new MutualTlsCaMissingRule());
        rules.add(new DuplicateCertificateRule());
        rules.add(new ServerPortNotExposedRule());
        rules.add(new SelectorNoWorkloadRule());
        rules.add(new SelectorMultipleWorkloadsRule());
        rules.add(new DuplicateHostPortRule());
        rules.add(new UnreachableRouteRule());
        rules.add(new GatewaySubsetBypassedRule());
        rules.add(new GatewayHostSharedRule());
        rules.add(new MeshHostConflictRule());
        rules.add(new DuplicateRouteDestinationRule());
        rules.add(new RouteWeightInvalidRule());
        rules.add(new RouteWeightsRule());
        rules.add(new SingleDestinationWeightRule());
        rules.add(new TlsRouteSniRule());
        rules.add(new MatchFormRule());
        rules.add(new ExportToRule());
        rules.add(new RedirectRewriteRule());
        rules.add(new InvalidRegexRule());
        rules.add(new DestinationHostNotFoundRule());
        rules.add(new DestinationPortNotFoundRule());
        rules.add(new DestinationPortRequiredRule());
        rules.add(new DestinationSubsetNotFoundRule());
        rules.add(new SubsetSelectsNoPodsRule());
        rules.add(new DestinationRuleHostNotFoundRule());
        rules.add(new DuplicateSubsetNameRule());
        rules.add(new SubsetWithoutLabelsRule());
        rules.add(new DuplicateDestinationRuleRule());
        rules.add(new DestinationRuleCaMissingRule());
        rules.add(new DestinationRulePortCaMissingRule());
        rules.sort(Comparator.comparing(r -> r.info().code()));
        return List.copyOf(rules);
    }
}
