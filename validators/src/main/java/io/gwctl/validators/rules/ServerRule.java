package io.gwctl.validators.rules;

import io.gwctl.model.istio.Gateway;
import io.gwctl.model.istio.Server;
import io.gwctl.validators.Reporter;
import io.gwctl.validators.Rule;
import io.gwctl.validators.RuleContext;

/**
 * A per-server schema check of Istio's Gateway validation (lint catalogue §2.2 schema.ValidationAnalyzer.Gateway,
 * §5 A.1): looks at each server of each Gateway on its own.
 */
abstract class ServerRule implements Rule {

    @Override
    public final void check(RuleContext ctx, Reporter out) {
        for (Gateway g : ctx.snapshot().gateways()) {
            for (Server s : g.servers()) {
                check(g, s, out);
            }
        }
    }

    /** Reports the findings of one server of {@code g}. */
    abstract void check(Gateway g, Server s, Reporter out);

    /** {@code port 443 "https" HTTPS}, naming a server in messages; {@code no port} when it has none. */
    static String describePort(Server s) {
        if (s.port() == null) {
            return "no port";
        }
        return "port " + s.port().number() + (s.port().name() == null ? "" : " \"" + s.port().name() + "\"")
                + (s.port().protocol() == null ? "" : " " + s.port().protocol());
    }

    static boolean isSet(String s) {
        return s != null && !s.isEmpty();
    }
}
