package io.gwctl.validators.rules;

import io.gwctl.model.Kind;
import io.gwctl.model.finding.RuleInfo;
import io.gwctl.model.finding.Severity;
import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Server;
import io.gwctl.model.translate.ServerPredicates;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GW0501: port names must be unique within one Gateway (Istio's validation, lint catalogue §2.2). Beyond the
 * rejected config, istiod names the route configuration of a terminated HTTPS server
 * {@code https.<port>.<portName>.<gateway>.<namespace>} (translation spec §5.4), so a second HTTPS server with the
 * same port number and name is dropped ("non unique port name for HTTPS port", spec §5.5).
 */
public final class DuplicatePortNameRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("GW0501", "duplicate-port-name", Severity.ERROR,
            "Two servers of one Gateway use the same port name.", List.of("IST0106"), Set.of(Kind.GATEWAY));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx, Reporter out) {
        for (Gateway g : ctx.snapshot().gateways()) {
            Map<String, Server> first = new HashMap<>();
            for (Server s : g.servers()) {
                if (s.port() == null || !ServerRule.isSet(s.port().name())) {
                    continue; // GW0505 reports missing ports and names
                }
                Server earlier = first.putIfAbsent(s.port().name(), s);
                if (earlier == null) {
                    continue;
                }
                String message = "port names in servers must be unique: duplicate name " + s.port().name()
                        + " (server " + s.index() + ", " + ServerRule.describePort(s) + "; first used by server "
                        + earlier.index() + ", " + ServerRule.describePort(earlier) + ")";
                out.report(g, s.pointer() + "/port/name", message, hint(g, s, earlier));
            }
        }
    }

    private static String hint(Gateway g, Server s, Server earlier) {
        String rename = "give each server its own port name";
        if (ServerPredicates.isHttpsWithTlsTermination(s) && ServerPredicates.isHttpsWithTlsTermination(earlier) && s.port().number() == earlier.port().number()
                && java.util.Objects.equals(s.bind(), earlier.bind())) {
            return rename + "; istiod also drops server " + s.index() + ": both get the route configuration name https."
                    + s.port().number() + "." + s.port().name() + "." + g.metadata().name() + "."
                    + g.metadata().namespace() + " (\"non unique port name for HTTPS port\")";
        }
        return rename + "; Istio's admission webhook rejects this Gateway";
    }

}
